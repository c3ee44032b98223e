#!/usr/bin/env bash
# Scale-out of the job queue: how fast one server process drains N queued generations against a provider
# that answers every call after 200 ms, then how fast two server processes on the same PostgreSQL and the
# same files drain another N, and whether any job ran twice (one debit per generation, at most one refund,
# balance = ledger sum, and the fake provider saw each generation submitted exactly once).
#
# The jobs take the real path: db-scheduler picks them, ReplicateProvider submits to the fake over HTTP
# (REPLICATE_BASE_URL), polls it, downloads the result and stores it with its thumbnail. They are written
# in one transaction exactly as a create leaves them, so both servers find them at the same moment.
# Each phase starts fresh server JVMs and drains an untimed warm-up batch first.
#
# Usage: bench/scale-out.sh [jobs=1000] [workers=8 (PIXFINO_JOB_WORKERS per server)] [delay_ms=200] [presets=one|spread]
#   one: every job on one preset (a popular preset, the worst case); spread: round robin over the 26 photo presets
#   plus the knobs in bench/lib.sh (BENCH_SKIP_BUILD, SUT_CPUS/LOAD_CPUS, SERVER_JAVA_OPTS)
set -euo pipefail
JOBS="${1:-1000}"; WORKERS="${2:-8}"; DELAY="${3:-200}"; PRESETS="${4:-one}"
WARMUP_JOBS=$(( JOBS / 20 < 100 ? 100 : JOBS / 20 ))
TIMEOUT_S=1800
source "$(dirname "$0")/lib.sh"
bench_out_dir scale-out
trap bench_cleanup EXIT
bench_build
LOAD_BEFORE="$(uptime)"
bench_start_postgres
bench_start_fake "$DELAY"
export BENCH_SERVER_ENV="PIXFINO_JOB_WORKERS=$WORKERS"

drain() { # $1 = label, $2 = jobs, $3 = a server URL for sign-up
  bench_java LOAD -Xmx512m com.pixfino.server.bench.QueueDrain "$JDBC" "$3" "$FAKE_URL" "$2" "$1" "$TIMEOUT_S" "$OUT/drain-$1.properties" "$PRESETS" \
    | tee -a "$OUT/drains.txt" || echo "drain $1 FAILED (see above)" | tee -a "$OUT/drains.txt" >&2
}
seconds() { grep '^seconds=' "$OUT/drain-$1.properties" 2>/dev/null | cut -d= -f2 || echo NaN; }
completed() { grep -c 'event=generation_completed' "$1" || true; }

echo "phase 1: one server, $WORKERS workers" >&2
bench_start_server one-a; A="$SERVER_PID"; URL_A="$SERVER_URL"
drain warmup-1 "$WARMUP_JOBS" "$URL_A" >/dev/null
drain one "$JOBS" "$URL_A"
bench_stop "$A"

echo "phase 2: two servers, $WORKERS workers each" >&2
bench_start_server two-a; A="$SERVER_PID"; URL_A="$SERVER_URL"
bench_start_server two-b; B="$SERVER_PID"
drain warmup-2 "$WARMUP_JOBS" "$URL_A" >/dev/null
BEFORE_A="$(completed "$OUT/server-two-a.log")"; BEFORE_B="$(completed "$OUT/server-two-b.log")"
drain two "$JOBS" "$URL_A"
SHARE_A=$(( $(completed "$OUT/server-two-a.log") - BEFORE_A )); SHARE_B=$(( $(completed "$OUT/server-two-b.log") - BEFORE_B ))
LOAD_DURING="$(uptime)"
bench_stop "$A"; bench_stop "$B"

{
  echo "scale-out: jobs=$JOBS (after $WARMUP_JOBS warm-up) workers/server=$WORKERS provider delay=${DELAY}ms presets=$PRESETS pinning=${SUT_CPUS:-none}/${LOAD_CPUS:-none}"
  echo "  1 server:  $(seconds one) s   ($(awk -v n="$JOBS" -v s="$(seconds one)" 'BEGIN{printf "%.1f", n/s}') jobs/s)"
  echo "  2 servers: $(seconds two) s   ($(awk -v n="$JOBS" -v s="$(seconds two)" 'BEGIN{printf "%.1f", n/s}') jobs/s; completed by a/b: $SHARE_A/$SHARE_B)"
  awk -v a="$(seconds one)" -v b="$(seconds two)" 'BEGIN { printf "  speed-up 2 vs 1 = %.2fx   (target >= 1.8x)\n", a / b }'
  grep "own time" "$OUT/drains.txt" | grep -v warmup | sed 's/^ */  /'
  grep 'double-run check' "$OUT/drains.txt" | sed 's/^/  /'
  echo "  sql per job (2 servers): $(head -1 "$OUT/drain-two.properties.sql.txt" | sed 's/^sql per job //')"
  echo "  machine load before: $LOAD_BEFORE"
  echo "  machine load during: $LOAD_DURING"
  echo "  details: $OUT"
} | tee "$OUT/summary.txt"
