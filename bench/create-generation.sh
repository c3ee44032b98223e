#!/usr/bin/env bash
# Create-generation throughput and latency through the API beside pgbench's TPS for the same debit + ledger
# + insert transaction, on the same database in the same run; compare the ratio across runs, not the numbers.
#
# Processes: one PostgreSQL (durable settings, pg_stat_statements), the fake Replicate (answers at once; the
# job's first step submits to it, then polls only after PIXFINO_POLL_SECONDS=300), the server from the shaded
# jar, and the load generator in its own JVM (closed loop, one user per client). Then the server stops and
# pgbench runs with the same client count. Everything binds 127.0.0.1 and stops by itself.
#
# Usage: bench/create-generation.sh [clients=64] [warmup_s=10] [seconds=20]
#   BENCH_PROFILE=jfr | async-cpu | async-wall   record the server and summarise the measured window
#   BENCH_IDEMPOTENCY_KEYS=false                 send no Idempotency-Key (the studio always sends one)
#   BENCH_WHATIF=0                               skip the diagnostic pgbench scripts (NOTIFY, API shape, one statement)
#   BENCH_JOB_WORKERS=1                          diagnosis: starve the job side, so the creates run almost alone
#   BENCH_POOL_SIZE=48                           the server's PIXFINO_DB_POOL_SIZE (unset: the server's default)
#   plus the knobs in bench/lib.sh (BENCH_SKIP_BUILD, SUT_CPUS/LOAD_CPUS, SERVER_JAVA_OPTS)
# Output: the summary on stdout; logs, sql-per-create.txt, profile.txt under companion-server/target/bench/.
set -euo pipefail
CLIENTS="${1:-64}"; WARMUP="${2:-10}"; SECONDS_MEASURED="${3:-20}"
source "$(dirname "$0")/lib.sh"
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install -y postgresql-client" >&2; exit 1; }
bench_out_dir create-generation
trap bench_cleanup EXIT
bench_build
LOAD_BEFORE="$(uptime)"

bench_start_postgres
bench_start_fake 0

PROFILE_OPTS=()
case "${BENCH_PROFILE:-}" in
  "") ;;
  jfr) PROFILE_OPTS=("-XX:StartFlightRecording=filename=$OUT/server.jfr,settings=profile,dumponexit=true") ;;
  async-cpu) PROFILE_OPTS=("-agentpath:$(async_profiler_lib)=start,event=cpu,interval=5ms,jfr,file=$OUT/server.jfr") ;;
  async-wall) PROFILE_OPTS=("-agentpath:$(async_profiler_lib)=start,event=wall,interval=5ms,jfr,file=$OUT/server.jfr") ;;
  *) echo "BENCH_PROFILE must be jfr, async-cpu or async-wall" >&2; exit 1 ;;
esac
# jobs submit once and poll again only after 5 minutes, so the run measures creates plus each job's first step
BENCH_SERVER_ENV="PIXFINO_POLL_SECONDS=300 ${BENCH_JOB_WORKERS:+PIXFINO_JOB_WORKERS=$BENCH_JOB_WORKERS} ${BENCH_POOL_SIZE:+PIXFINO_DB_POOL_SIZE=$BENCH_POOL_SIZE}" \
  bench_start_server api "${PROFILE_OPTS[@]}"

psql_bench -c "CHECKPOINT"
echo "load: $CLIENTS clients, ${WARMUP}s warm-up, ${SECONDS_MEASURED}s measured…" >&2
bench_java LOAD -Xmx512m -Dbench.idempotencyKeys="${BENCH_IDEMPOTENCY_KEYS:-true}" com.pixfino.server.bench.CreateGenerationLoad \
  "$SERVER_URL" "$CLIENTS" "$WARMUP" "$SECONDS_MEASURED" "$OUT" "$JDBC" | tee "$OUT/api.txt"
LOAD_DURING="$(uptime)"
bench_stop "$SERVER_PID"
prop() { grep "^$1=" "$OUT/api.properties" | cut -d= -f2; }

# pgbench on the same database with the users the API run made: the target's reference transaction, then
# (diagnosis, BENCH_WHATIF=0 skips them) the same with NOTIFY, today's API statement pattern, and one statement
PRESET="$(psql_bench -c "SELECT id FROM presets WHERE slug = 'linkedin-headshot'")"
psql_bench -c "CREATE TABLE bench_users AS SELECT row_number() OVER (ORDER BY u.id)::int AS n, u.id,
  (SELECT p.id FROM uploads p WHERE p.user_id = u.id LIMIT 1) AS upload FROM users u WHERE u.role = 'USER'"
USERS="$(psql_bench -c "SELECT count(*) FROM bench_users")"
run_pgbench() { # $1 = script name in bench/pgbench; prints tps
  sed -e "s/@USERS@/$USERS/g" -e "s/@PRESET@/$PRESET/g" "$BENCH_ROOT/bench/pgbench/$1.sql" >"$OUT/pgbench-$1.sql"
  psql_bench -c "CHECKPOINT"
  echo "pgbench $1: $CLIENTS clients, ${SECONDS_MEASURED}s…" >&2
  "${LOAD[@]}" pgbench -n -M prepared -c "$CLIENTS" -j 2 -T "$SECONDS_MEASURED" -f "$OUT/pgbench-$1.sql" \
    -h 127.0.0.1 -p "$PG_PORT" -U postgres pixfino >"$OUT/pgbench-$1.txt" 2>&1 || { cat "$OUT/pgbench-$1.txt" >&2; exit 1; }
  grep '^tps = ' "$OUT/pgbench-$1.txt" | head -1 | awk '{print $3}'
}
latency() { grep '^latency average' "$OUT/pgbench-$1.txt" | awk '{print $4}'; }
TPS="$(run_pgbench create)"
if [[ "${BENCH_WHATIF:-1}" == 1 ]]; then
  TPS_NOTIFY="$(run_pgbench create-notify)"
  TPS_SHAPE="$(run_pgbench api-shape)"
  TPS_ONE="$(run_pgbench one-statement)"
fi

if [[ -f "$OUT/server.jfr" ]]; then
  bench_java LOAD -Xmx2g com.pixfino.server.bench.ProfileHotSpots "$OUT/server.jfr" "$(prop fromEpochMs)" "$(prop toEpochMs)" >"$OUT/profile.txt"
  if [[ "${BENCH_PROFILE}" == async-wall ]]; then
    # where a request's wall time goes: only samples of threads inside a request
    bench_java LOAD -Xmx2g com.pixfino.server.bench.ProfileHotSpots "$OUT/server.jfr" "$(prop fromEpochMs)" "$(prop toEpochMs)" \
      io.javalin.http.servlet.JavalinServlet.service >"$OUT/profile-requests.txt"
  fi
fi

{
  echo "create-generation: clients=$CLIENTS warmup=${WARMUP}s measured=${SECONDS_MEASURED}s idempotency_keys=${BENCH_IDEMPOTENCY_KEYS:-true} job_workers=${BENCH_JOB_WORKERS:-8} pool=${BENCH_POOL_SIZE:-default} pinning=${SUT_CPUS:-none}/${LOAD_CPUS:-none} profile=${BENCH_PROFILE:-none}"
  echo "  api:     $(prop rps) req/s  p50 $(prop p50) ms  p95 $(prop p95) ms  p99 $(prop p99) ms  max $(prop max) ms  errors $(prop errors)"
  echo "  pgbench: $TPS tps  latency avg $(latency create) ms (same debit + ledger + insert transaction)"
  awk -v a="$(prop rps)" -v b="$TPS" 'BEGIN { printf "  ratio api/pgbench = %.3f   (target >= 0.5 with p99 <= 100 ms)\n", a / b }'
  echo "  harness floor: $(prop floorRps) req/s for a 404 that touches no database (same clients, just before the load)"
  if [[ -n "${TPS_ONE:-}" ]]; then
    echo "  what the database alone allows (pgbench, same clients, same run; bench/pgbench/*.sql):"
    echo "    reference + the create's pg_notify:            $TPS_NOTIFY tps  (latency avg $(latency create-notify) ms)"
    echo "    today's API statements, no JVM (15 round trips):  $TPS_SHAPE tps  (latency avg $(latency api-shape) ms)"
    echo "    the create as one CTE statement, no NOTIFY:      $TPS_ONE tps  (latency avg $(latency one-statement) ms)"
  fi
  echo "  $(head -1 "$OUT/sql-per-create.txt")"
  echo "  machine load before: $LOAD_BEFORE"
  echo "  machine load during: $LOAD_DURING"
  echo "  details: $OUT"
} | tee "$OUT/summary.txt"
