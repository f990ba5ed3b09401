#!/usr/bin/env bash
# Where the start-up time of one command goes: runs it N times (default 9) with the launcher's flags and cache and a
# class-initialisation log, and prints the median time at which each phase begins (the first class of the phase
# initialised), as milliseconds since the JVM started. Usage: bench/cli-breakdown.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
tally_find_jdk
runs=${1:-9}
[ -f target/tally.jar ] && [ -f target/tally-balance.aot ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d); srv=
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$work"' EXIT
python3 bench/fake_deepseek.py > "$work/port" & srv=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"
export TALLY_HOME="$work/home" TALLY_KEYCHAIN=off DEEPSEEK_API_KEY="sk-bench-0000000000000000"
sqlite=target/sqlite-native/org/sqlite/native/Linux/x86_64
flags=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData
  -Dorg.sqlite.lib.path="$sqlite" -Dorg.sqlite.lib.name=libsqlitejdbc.so -Xlog:aot=off,cds=off)
# phase name = the class (as the log writes it) whose initialisation starts it; in the order they happen
phases=("JVM start, cache mapped, up to Main|java/lang/Object'"
        "picocli: model by reflection, parsing|dev/tally/launcher/Main'"
        "command: context, log, settings, accounts|dev/tally/cli/BalanceCommand'"
        "HTTP client set up (no TLS for http)|jdk/internal/net/http/HttpClientImpl'"
        "request, answer, parsing|jdk/internal/net/http/Http1Exchange'"
        "history written (SQLite)|org/sqlite/core/NativeDB'"
        "JSON printed, exit|dev/tally/cli/BalanceJson'")
med() { sort -n | awk '{a[NR]=$1} END {printf "%.0f", (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
echo "tally balance deepseek --json, $runs runs; load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$runs"); do
  "$JAVA_HOME/bin/java" "${flags[@]}" -XX:AOTCache=target/tally-balance.aot -Xlog:class+init=info:file="$work/init$r.txt" \
    -jar target/tally.jar balance deepseek --json --base-url "$base" >/dev/null
done
starts=()
for p in "${phases[@]}"; do
  class=${p##*|}
  starts+=("$(for r in $(seq "$runs"); do { grep -m1 -F "$class" "$work/init$r.txt" || echo '[0s]'; } | sed 's/^\[\([0-9.]*\)s\].*/\1/'; done \
      | awk '{print $1*1000}' | med)")
done
starts+=("$(for r in $(seq "$runs"); do tail -n1 "$work/init$r.txt" | sed 's/^\[\([0-9.]*\)s\].*/\1/'; done | awk '{print $1*1000}' | med)")
starts[0]=0
printf '%-44s %9s %9s\n' "phase (medians)" "from ms" "takes ms"
for i in "${!phases[@]}"; do
  printf '%-44s %9s %9s\n' "${phases[$i]%%|*}" "${starts[$i]}" "$((starts[i + 1] - starts[i]))"
done
printf '%-44s %9s\n' "total (last class initialised)" "${starts[${#phases[@]}]}"
