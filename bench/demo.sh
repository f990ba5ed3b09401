#!/usr/bin/env bash
# Starts the desktop widget against local fake providers with a seeded week of history, for screenshots:
#   ../shared/tools/desktop-shot -s 10 -n 2 -- bench/demo.sh
# Nothing leaves this computer; the demo home is a temporary folder (removed on exit), or TALLY_DEMO_HOME (kept).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh
tally_find_jdk
[ -f target/tally.jar ] || ./mvnw -B -q package -DskipTests
[ -d target/test-classes ] || ./mvnw -B -q test-compile
[ -f target/test-classpath.txt ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
# TALLY_DEMO_HOME (made if missing) is the user's and is kept; a temporary home is removed on exit
if [ -n "${TALLY_DEMO_HOME:-}" ]; then
  home="$TALLY_DEMO_HOME"
  mkdir -p "$home"
  own_home=0
else
  home="$(mktemp -d)"
  own_home=1
fi
cp="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$cp" dev.tally.demo.DemoHome "$home" > "$home/demo.log" 2>&1 &
demo=$!
trap 'kill $demo ${app:-} 2>/dev/null || true; [ "$own_home" = 1 ] && rm -rf "$home"; true' EXIT
trap 'exit 143' TERM INT   # so the EXIT trap also runs when desktop-shot stops this script
for _ in $(seq 100); do grep -q "ready" "$home/demo.log" 2>/dev/null && break; sleep 0.1; done
export TALLY_HOME="$home" DEEPSEEK_API_KEY=sk-demo-deepseek OPENROUTER_API_KEY=sk-or-demo OPENROUTER_MANAGEMENT_KEY=sk-or-mgmt-demo \
  MOONSHOT_API_KEY=sk-demo-moonshot OPENAI_ADMIN_KEY=sk-admin-demo NOVITA_API_KEY=sk_demo_novita TALLY_KEYCHAIN=off
if [ "${DEMO_OPEN_WINDOW:-1}" = 1 ] && [ $# -eq 0 ]; then
  # a second launch asks the running widget to show its window (the single-instance path)
  ./tally &
  app=$!
  sleep "${DEMO_OPEN_AFTER:-5}"
  ./tally || true
  wait $app
else
  ./tally "$@" &
  app=$!
  wait $app
fi
