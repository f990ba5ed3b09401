#!/usr/bin/env bash
# Benchmark: the size of the .deb and of the installed program, and the wall time of the installed
# `tally --version` and `tally balance deepseek --json` (against a local fake DeepSeek, JVM start included) next
# to ./tally from source. Median of N runs (default 15). Needs root; installs target/installers/tally_*.deb for the
# run (build it with ./mvnw -B -Pinstallers -DskipTests package) and purges it again if it was not installed.
# Usage: bench/install-bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
tally_find_jdk
runs=${1:-15}
deb="$(ls target/installers/tally_*_amd64.deb 2>/dev/null | head -n1)"
[ -n "$deb" ] || { echo "no target/installers/tally_*_amd64.deb: run ./mvnw -B -Pinstallers -DskipTests package" >&2; exit 1; }
installed_here=""
if ! dpkg -s tally >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
  installed_here=1
fi
home=$(mktemp -d)
trap 'kill $srv 2>/dev/null; rm -rf "$home"; [ -z "$installed_here" ] || apt-get purge -y -qq tally >/dev/null' EXIT
python3 bench/fake_deepseek.py >"$home/port" & srv=$!
for _ in $(seq 50); do [ -s "$home/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$home/port")"
export TALLY_HOME="$home/data" DEEPSEEK_API_KEY="sk-bench-0000000000000000" XDG_CACHE_HOME="$home/cache"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f ms (min %.0f, max %.0f, n=%d)\n", m, a[1], a[NR], NR}'; }
timeit() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
installed() { env -u JAVA_HOME PATH=/usr/bin:/bin /usr/bin/tally "$@"; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); runs: $runs"
echo ".deb: $(du -b "$deb" | cut -f1 | awk '{printf "%.1f MB", $1/1e6}') ($(basename "$deb"))"
echo "installed (dpkg Installed-Size): $(dpkg-query -W -f='${Installed-Size}' tally | awk '{printf "%.1f MB", $1*1024/1e6}')"
echo "installed (du of every file the package owns): $(dpkg -L tally | while read -r f; do [ -f "$f" ] && [ ! -L "$f" ] && echo "$f"; done | xargs du -cb | tail -n1 | awk '{printf "%.1f MB", $1/1e6}')"
echo "  of which the runtime: $(du -sb /opt/tally/lib/runtime | awk '{printf "%.1f MB", $1/1e6}'), the jars: $(du -sb /opt/tally/lib/app | awk '{printf "%.1f MB", $1/1e6}')"

installed balance deepseek --json --base-url "$base" | grep -q '"total" : "110.00"' || { echo "installed tally did not return the fake's balance" >&2; exit 1; }
./tally --version >/dev/null 2>&1   # makes sure the source launcher's jar and AOT cache exist
./tally balance deepseek --json --base-url "$base" | grep -q '"total" : "110.00"' || { echo "./tally did not return the fake's balance" >&2; exit 1; }
rm -rf "$home/cache"
aot="$home/cache/tally/tally-$(cat /opt/tally/lib/version).aot"
printf "installed tally --version, first run (no AOT cache yet): %s ms\n" "$(timeit installed --version)"
# the first run trains the caches in the background: wait for them, so the runs below start from them
for _ in $(seq 240); do [ -s "$aot" ] && [ ! -e "$aot.lock" ] && break; sleep 0.5; done
[ -s "$aot" ] || { echo "the installed tally made no AOT cache" >&2; exit 1; }
for _ in $(seq 240); do [ -s target/tally.aot ] && [ ! -e target/tally.aot.lock ] && [ target/tally.aot -nt target/tally.jar ] && break; sleep 0.5; done
printf "installed tally --version                  : "; for _ in $(seq "$runs"); do timeit installed --version; done | median
printf "./tally --version                          : "; for _ in $(seq "$runs"); do timeit ./tally --version; done | median
printf "installed tally balance deepseek --json    : "; for _ in $(seq "$runs"); do timeit installed balance deepseek --json --base-url "$base"; done | median
printf "./tally balance deepseek --json            : "; for _ in $(seq "$runs"); do timeit ./tally balance deepseek --json --base-url "$base"; done | median
