#!/usr/bin/env bash
# Create-generation throughput and p99 at 64 clients on 127.0.0.1, beside pgbench's TPS for the same
# transaction on the same database in the same run. Needs pgbench (Debian: postgresql-client).
# Usage: bench/create-generation.sh [clients=64] [warmup_s=5] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql-client" >&2; exit 1; }
mvn -B -q -pl companion-server -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="companion-server/target/test-classes:companion-server/target/classes:shared-model/target/classes:$(cat companion-server/target/bench.classpath)"
java -Xmx2g -Dpixfino.test.dataRoot=companion-server/target/bench-data -Dlogback.configurationFile=bench/logback-quiet.xml \
  -cp "$cp" com.pixfino.server.bench.CreateGenerationLoad "${1:-64}" "${2:-5}" "${3:-20}"
