#!/usr/bin/env bash
# Benchmark: start-up of the command line, paired in one run with curl and a Java hello-world (same JVM flags as
# ./tally). Each round runs every case once, in turn, so machine load hits all of them alike; prints medians of
# wall time and CPU time (user + sys) and the ratios the aims use (docs/performance.md).
# Usage: bench/cli-startup.sh [ROUNDS] [BEFORE]
#   ROUNDS  rounds (default 21)
#   BEFORE  optional folder of another build laid out like this one (its ./tally and target/): its balance, --help
#           and status run in the same rounds, labelled "before"
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
tally_find_jdk
rounds=${1:-21}
before=${2:-}
[ -f target/tally.jar ] && [ -f target/tally-balance.aot ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
srv=; watch=
cleanup() { [ -n "$watch" ] && kill "$watch" 2>/dev/null; [ -n "$srv" ] && kill "$srv" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
python3 bench/fake_deepseek.py > "$work/port" & srv=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"
export TALLY_HOME="$work/home" TALLY_KEYCHAIN=off DEEPSEEK_API_KEY="sk-bench-0000000000000000"
java="$JAVA_HOME/bin/java"
flags=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData)

# a Java hello-world with the same flags (and the JDK's default CDS archive, as every java start has)
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
"$JAVA_HOME/bin/javac" -d "$work/hello" "$work/hello/Hello.java"

./tally balance deepseek --json --base-url "$base" | grep -q '"total" : "110.00"' \
  || { echo "the CLI did not return the fake's balance" >&2; exit 1; }
# a configured account for status --short and the engine's summary file
TALLY_HOME="$work/watched" ./tally accounts add --provider deepseek --label bench --base-url "$base" >/dev/null 2>&1
TALLY_HOME="$work/watched" ./tally watch > "$work/watch.log" 2>&1 & watch=$!
for _ in $(seq 100); do [ -s "$work/watched/summary.txt" ] && break; sleep 0.1; done
[ -s "$work/watched/summary.txt" ] || { echo "tally watch wrote no summary file" >&2; cat "$work/watch.log" >&2; exit 1; }

names=(); cmds=()
add() { names+=("$1"); shift; cmds+=("$*"); }
add "curl (the request alone)" curl -s -H "'Authorization: Bearer $DEEPSEEK_API_KEY'" "$base/user/balance"
add "java Hello (same flags)" "$java" "${flags[@]}" -cp "$work/hello" Hello
add "java Hello -Xint (the flags of --help)" "$java" "${flags[@]/-XX:TieredStopAtLevel=1/-Xint}" -cp "$work/hello" Hello
add "./tally balance deepseek --json" ./tally balance deepseek --json --base-url "$base"
add "./tally --help" ./tally --help
add "./tally status" ./tally status
add "./tally status --short (from history)" ./tally status --short
add "./tally status --short (engine running)" env TALLY_HOME="$work/watched" ./tally status --short
add "head -n1 summary.txt (no JVM)" head -n1 "$work/watched/summary.txt"
if [ -n "$before" ]; then
  add "before: tally balance deepseek --json" "$before/tally" balance deepseek --json --base-url "$base"
  add "before: tally --help" "$before/tally" --help
  add "before: tally status" "$before/tally" status
  "$before/tally" --version >/dev/null 2>&1 || true   # lets an old launcher train its cache first
fi

TIMEFORMAT='%3R %3U %3S'
echo "JDK: $("$java" -version 2>&1 | head -n1); $(nproc) cores; rounds: $rounds; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  for i in "${!cmds[@]}"; do
    { time eval "${cmds[$i]}" >/dev/null 2>&1; } 2>> "$work/t$i"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
med() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
wall=(); cpu=()
for i in "${!cmds[@]}"; do
  wall[i]=$(awk '{print $1*1000}' "$work/t$i" | med)
  cpu[i]=$(awk '{print ($2+$3)*1000}' "$work/t$i" | med)
done
printf '\n| %-44s | %9s | %9s | %8s | %10s |\n' "case (median of $rounds)" "wall ms" "CPU ms" "× curl" "CPU × hello"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "-----------" "-----------" "----------" "------------"
for i in "${!cmds[@]}"; do
  printf '| %-44s | %9s | %9s | %8s | %10s |\n' "${names[$i]}" "${wall[$i]}" "${cpu[$i]}" \
    "$(awk -v a="${wall[$i]}" -v b="${wall[0]}" 'BEGIN {printf "%.1f", a/b}')" \
    "$(awk -v a="${cpu[$i]}" -v b="${cpu[1]}" 'BEGIN {printf "%.1f", a/b}')"
done
