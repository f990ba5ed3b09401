#!/usr/bin/env bash
# Benchmark: wall time of `tally balance deepseek --json` against a local fake DeepSeek, JVM start included,
# next to the same request made by curl. Median of N runs (default 15). Usage: bench/cli-balance.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
tally_find_jdk
runs=${1:-15}
[ -f target/tally.jar ] || ./mvnw -B -q package -DskipTests
home=$(mktemp -d); trap 'kill $srv 2>/dev/null; rm -rf "$home"' EXIT
python3 bench/fake_deepseek.py > "$home/port" & srv=$!
for _ in $(seq 50); do [ -s "$home/port" ] && break; sleep 0.1; done
port=$(cat "$home/port"); base="http://127.0.0.1:$port"
export TALLY_HOME="$home" DEEPSEEK_API_KEY="sk-bench-0000000000000000"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f ms (min %.0f, max %.0f, n=%d)\n", m, a[1], a[NR], NR}'; }
timeit() { # prints milliseconds of one run of "$@"
  local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

flags=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
aot="$home/tally.aot"
"$JAVA_HOME/bin/java" "${flags[@]}" -XX:AOTCacheOutput="$aot" -jar target/tally.jar balance deepseek --json --base-url "$base" >/dev/null 2>&1

"$JAVA_HOME/bin/java" "${flags[@]}" -jar target/tally.jar balance deepseek --json --base-url "$base" | grep -q '"total" : "110.00"' \
  || { echo "the CLI did not return the fake's balance" >&2; exit 1; }

echo "JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1); machine: $(nproc) cores; runs: $runs"
printf "curl                                : "; for _ in $(seq "$runs"); do timeit curl -s -H "Authorization: Bearer $DEEPSEEK_API_KEY" "$base/user/balance"; done | median
printf "java -jar target/tally.jar          : "; for _ in $(seq "$runs"); do timeit "$JAVA_HOME/bin/java" -jar target/tally.jar balance deepseek --json --base-url "$base"; done | median
printf "+ SerialGC, C1 only                 : "; for _ in $(seq "$runs"); do timeit "$JAVA_HOME/bin/java" "${flags[@]}" -jar target/tally.jar balance deepseek --json --base-url "$base"; done | median
printf "+ AOT cache trained on this request : "; for _ in $(seq "$runs"); do timeit "$JAVA_HOME/bin/java" "${flags[@]}" -XX:AOTCache="$aot" -jar target/tally.jar balance deepseek --json --base-url "$base"; done | median
./tally --version >/dev/null 2>&1   # makes sure the launcher's own AOT cache exists
printf "./tally balance deepseek --json     : "; for _ in $(seq "$runs"); do timeit ./tally balance deepseek --json --base-url "$base"; done | median
