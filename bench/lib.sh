# Shared by the bench scripts (sourced, not run): build once, one PostgreSQL, the fake provider,
# server processes from the shaded jar, and cleanup of exactly the processes started here.
#
# Knobs (environment):
#   BENCH_SKIP_BUILD=1          reuse companion-server/target as it is
#   SUT_CPUS=0 LOAD_CPUS=1      pin with taskset: server, PostgreSQL and fake on SUT_CPUS; load generator and
#                               pgbench on LOAD_CPUS (unset: no pinning, the OS shares both cores)
#   SERVER_JAVA_OPTS="…"        extra JVM options for the server processes

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ADMIN_EMAIL="admin@pixfino.test"       # = TestServer.ADMIN_EMAIL, which the load generator signs in with
ADMIN_PASSWORD="0perator-Secret-42"    # = TestServer.ADMIN_PASSWORD
JAR="$BENCH_ROOT/companion-server/target/pixfino-server.jar"
STARTED_PIDS=()
PG_PID=""

bench_out_dir() {
  OUT="$BENCH_ROOT/companion-server/target/bench/$1-$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$OUT"
}

bench_build() {
  cd "$BENCH_ROOT"
  if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
    echo "building the server jar and the bench classes…" >&2
    mvn -B -ntp -q -pl companion-server -am package -DskipTests >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
    mvn -B -ntp -q -pl companion-server dependency:build-classpath \
      -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >>"$OUT/build.log" 2>&1 || { cat "$OUT/build.log" >&2; exit 1; }
  fi
  CP="companion-server/target/test-classes:companion-server/target/classes:shared-model/target/classes:$(cat companion-server/target/bench.classpath)"
}

# command prefixes that pin (taskset execs, so a background pid stays the JVM's)
SUT=(); LOAD=()
[[ -n "${SUT_CPUS:-}" ]] && SUT=(taskset -c "$SUT_CPUS")
[[ -n "${LOAD_CPUS:-}" ]] && LOAD=(taskset -c "$LOAD_CPUS")

# a bench main from the test classes; $1 = pin prefix name (SUT or LOAD)
bench_java() {
  local -n prefix="$1"; shift
  "${prefix[@]}" java -Dlogback.configurationFile="$BENCH_ROOT/bench/logback-quiet.xml" -cp "$CP" "$@"
}

# One PostgreSQL for everything in this run; sets JDBC, PG_PORT, PG_PID.
bench_start_postgres() {
  PG_PORT="$(bench_java SUT -Xmx256m com.pixfino.server.bench.BenchPostgres "$OUT/postgres")"
  PG_PID="$(head -1 "$OUT/postgres/postmaster.pid")"
  JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/pixfino"
  echo "PostgreSQL on port $PG_PORT (pid $PG_PID), log $OUT/postgres.log" >&2
}

psql_bench() { psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d pixfino "$@"; }

# The Replicate stand-in; $1 = delay in ms. Sets FAKE_URL.
bench_start_fake() {
  "${SUT[@]}" java -Xmx512m -Dlogback.configurationFile="$BENCH_ROOT/bench/logback-quiet.xml" -cp "$CP" \
    com.pixfino.server.bench.BenchReplicate "$1" "$OUT/fake.port" >"$OUT/fake.log" 2>&1 &
  STARTED_PIDS+=($!)
  for _ in $(seq 1 300); do [[ -s "$OUT/fake.port" ]] && break; sleep 0.1; done
  FAKE_URL="http://127.0.0.1:$(cat "$OUT/fake.port")"
}

# A server process from the shaded jar on the shared database and files; $1 = name, then extra JVM options.
# Every client of a bench comes from 127.0.0.1, so the per-address and per-credential budgets are off: the bench
# measures the create path, not the rate limiter.
# Sets SERVER_PID and SERVER_URL.
bench_start_server() {
  local name="$1"; shift
  local log="$OUT/server-$name.log"
  env PIXFINO_PORT=0 PIXFINO_DATA_DIR="$OUT/server-files" \
      PIXFINO_DB_URL="$JDBC" PIXFINO_DB_USER=postgres \
      PIXFINO_ADMIN_EMAIL="$ADMIN_EMAIL" PIXFINO_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
      REPLICATE_API_TOKEN=r8_bench_token REPLICATE_BASE_URL="$FAKE_URL" \
      PIXFINO_LIMIT_REGISTER_PER_IP=off PIXFINO_LIMIT_LOGIN_PER_IP=off \
      PIXFINO_RATE_CREATES_PER_IP=off PIXFINO_RATE_REQUESTS_PER_IP=off \
      PIXFINO_RATE_CREATES_PER_CREDENTIAL=off PIXFINO_RATE_REQUESTS_PER_CREDENTIAL=off \
      ${BENCH_SERVER_ENV:-} \
      "${SUT[@]}" java ${SERVER_JAVA_OPTS:-} "$@" -jar "$JAR" >"$log" 2>&1 &
  SERVER_PID=$!
  STARTED_PIDS+=("$SERVER_PID")
  local port=""
  for _ in $(seq 1 600); do
    port="$(grep -o 'event=server_started port=[0-9]*' "$log" 2>/dev/null | head -1 | cut -d= -f3 || true)"
    [[ -n "$port" ]] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server $name died:" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.1
  done
  [[ -n "$port" ]] || { echo "server $name did not start in 60 s" >&2; tail -20 "$log" >&2; exit 1; }
  SERVER_URL="http://127.0.0.1:$port"
  echo "server $name on $SERVER_URL (pid $SERVER_PID), log $log" >&2
}

# SIGTERM (the server's shutdown hook stops jobs and the pool; a JFR recording is written), then wait.
bench_stop() {
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

bench_cleanup() {
  for pid in "${STARTED_PIDS[@]}"; do bench_stop "$pid"; done
  if [[ -n "$PG_PID" ]] && kill -0 "$PG_PID" 2>/dev/null; then
    kill -INT "$PG_PID"   # fast shutdown of the postmaster BenchPostgres started
    for _ in $(seq 1 300); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
  fi
}

# async-profiler's agent from Maven Central (the jar carries the Linux library); prints its path.
async_profiler_lib() {
  local dir="$BENCH_ROOT/companion-server/target/bench/tools"
  local lib="$dir/linux-x64/libasyncProfiler.so"
  if [[ ! -f "$lib" ]]; then
    mkdir -p "$dir"
    mvn -B -ntp -q dependency:copy -Dartifact=tools.profiler:async-profiler:4.0 -DoutputDirectory="$dir" >&2
    (cd "$dir" && unzip -o -q async-profiler-4.0.jar 'linux-x64/*')
  fi
  echo "$lib"
}
