#!/usr/bin/env bash
# Benchmark: the history store with one year of 5-minute snapshots for one account — insert time, file
# size before and after retention, and the 7-day hourly and 1-year daily spend queries (median of N
# runs, default 15). Runs dev.tally.history.HistoryBenchmark from the test classes.
# Usage: bench/history-bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f scripts/find-jdk.sh ]; then
  . scripts/find-jdk.sh
  tally_find_jdk
fi
runs=${1:-15}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test >/dev/null
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
"$java" --enable-native-access=ALL-UNNAMED -cp "target/test-classes:target/classes:$(cat "$work/classpath")" \
  dev.tally.history.HistoryBenchmark "$runs" "$work"
