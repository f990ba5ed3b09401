#!/usr/bin/env bash
# Benchmark: resident memory (RSS) of the desktop widget with 5 accounts polling local fake providers,
# (1) after IDLE seconds with the window never opened (default 600 = 10 min), then (2) WINDOW seconds after
# opening the window once (default 60). Runs on the virtual desktop of ../shared/tools/desktop-shot (tray
# and notification daemon included). Also times the first open: from the second launch (which asks the running
# widget for its window) to the window being mapped on screen.
# Usage: bench/memory.sh [IDLE] [WINDOW] [TRAY]   TRAY: awt (XEmbed tray, the default) or sni (StatusNotifierItem)
set -euo pipefail
cd "$(dirname "$0")/.."
idle=${1:-600}; window=${2:-60}; tray=${3:-awt}
out=target/bench/memory-$tray.txt
mkdir -p target/bench
if [ -z "${TALLY_MEMORY_INNER:-}" ]; then
  export TALLY_MEMORY_INNER=1
  sni=(); [ "$tray" = sni ] && sni=(--sni)
  "${DESKTOP_SHOT:-../shared/tools/desktop-shot}" "${sni[@]}" -s $((idle + window + 15)) -n 1 -o "target/bench/shots-$tray" -- bench/memory.sh "$idle" "$window" "$tray" >/dev/null
  cat "$out"
  exit 0
fi
export TALLY_DEMO_HOME; TALLY_DEMO_HOME="$(mktemp -d)"
# resident MB, with its anonymous (heap, metaspace, malloc, stacks) and file-backed (libraries, CDS archive) parts
rss() {
  awk '/^VmRSS/ {t=$2} /^RssAnon/ {a=$2} /^RssFile/ {f=$2} /^RssShmem/ {f+=$2} /^Threads/ {n=$2}
    END {printf "%.0f MB (anonymous %.0f MB, files %.0f MB; %d threads)", t/1024, a/1024, f/1024, n}' "/proc/$1/status"
}
export TALLY_TRAY="$tray"
DEMO_OPEN_WINDOW=0 bench/demo.sh &
# this run's widget: the jar of this checkout, started with this demo home (another bench or Tally may be running)
widget() {
  local p
  for p in $(pgrep -f "$PWD/target/tally.jar\$" || true); do
    tr '\0' '\n' < "/proc/$p/environ" 2>/dev/null | grep -qxF "TALLY_HOME=$TALLY_DEMO_HOME" && { echo "$p"; return; }
  done
  return 0   # none of them (yet): not a failure, which would end this script (set -e)
}
pid=""
for _ in $(seq 600); do pid=$(widget); [ -n "$pid" ] && break; sleep 0.1; done
[ -n "$pid" ] || { echo "bench/memory.sh: the widget did not start" >&2; exit 1; }
sleep "$idle"
{
  echo "JDK: $(. scripts/find-jdk.sh; tally_find_jdk; "$JAVA_HOME/bin/java" -version 2>&1 | head -n1); flags: see ./tally"
  echo "tray: $tray"
  echo "5 accounts, tray shown, window never opened, after ${idle} s: $(rss "$pid")"
} > "$out"
. scripts/find-jdk.sh; tally_find_jdk
start=$(date +%s%N)
item=""
if [ "$tray" = sni ] && command -v gdbus >/dev/null; then
  # a left click on the icon, as the panel sends it: Activate on the item
  item="$(gdbus call --session -d org.kde.StatusNotifierWatcher -o /StatusNotifierWatcher -m org.freedesktop.DBus.Properties.Get \
    org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems | grep -o 'org.kde.StatusNotifierItem-[0-9]*-[0-9]*' | head -n1 || true)"
fi
if [ -n "$item" ]; then
  start=$(date +%s%N)
  gdbus call --session -d "$item" -o /StatusNotifierItem -m org.kde.StatusNotifierItem.Activate 600 10 >/dev/null
  how="the click (Activate over D-Bus)"
else
  TALLY_HOME="$TALLY_DEMO_HOME" "$JAVA_HOME/bin/java" -jar target/tally.jar >/dev/null 2>&1 || true   # second launch: shows the window
  how="the second launch"
fi
# polled every 20 ms (xdotool's own --sync looks only every 0.5 s, which rounds the figure up to a half second)
for _ in $(seq 1500); do
  xdotool search --onlyvisible --name '^Tally$' >/dev/null 2>&1 && break
  sleep 0.02
done
echo "first open: $(( ($(date +%s%N) - start) / 1000000 )) ms from $how to the window on screen" >> "$out"
sleep "$window"
echo "after opening the window once, ${window} s later: $(rss "$pid")" >> "$out"
