#!/usr/bin/env bash
# Benchmark: "Refresh all" for 10 accounts on a fake provider that answers in 300 ms, next to one request.
# Usage: bench/refresh-bench.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
tally_find_jdk
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt >/dev/null
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  dev.tally.poll.RefreshBenchmark "${1:-15}"
