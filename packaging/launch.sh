# Sourced by the `tally` launchers: ./tally (from source) and the installed one (/usr/bin/tally, the tarball's
# bin/tally). One place for the JVM options both use; see docs/performance.md for why each is there.
#
#   tally_launch JAVA JAR AOT_CACHE LAUNCHER [ARG...]
#
# With no ARG: the desktop widget (small heap, compact object headers, C1 only, software rendering, fewer malloc
# arenas, no GTK OpenGL). With ARGs: the command line, started from an AOT cache (JDK 25, JEP 514/515). When there
# is none yet, or JAR is newer than it, the command runs without one while a background JVM trains it (a throwaway
# fetch against a closed port, a few seconds), so the next command starts from it. LAUNCHER is the
# command that starts this Tally again; "Launch at login" writes it into the autostart entry. Never returns.

# Where JavaFX is a module of the runtime (the installed Tally), its native access is allowed by name as well; set
# tally_native_access before sourcing this file. From source JavaFX is on the class path (ALL-UNNAMED).
tally_widget_jvm=(--enable-native-access="${tally_native_access:-ALL-UNNAMED}" -XX:+UseSerialGC -Xms8m -Xmx64m -XX:+UseCompactObjectHeaders
  -Dprism.order=sw -Dprism.text=t2k
  -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -Xss512k -XX:MaxMetaspaceSize=128m)
tally_cli_jvm=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

tally_launch() {
  local java=$1 jar=$2 aot=$3 launcher=$4
  shift 4
  if [ $# -eq 0 ]; then
    export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" GDK_GL="${GDK_GL:-disable}"
    exec "$java" "${tally_widget_jvm[@]}" -Dtally.launcher="$launcher" -jar "$jar"
  fi
  local opts=("${tally_cli_jvm[@]}")
  if [ ! -f "$aot" ] || [ "$jar" -nt "$aot" ]; then
    tally_train_aot "$java" "$jar" "$aot" &
  elif [ -f "$aot" ]; then
    opts+=(-XX:AOTCache="$aot" -Xlog:aot=off,cds=off)
  fi
  exec "$java" "${opts[@]}" -jar "$jar" "$@"
}

# Trains the AOT cache of the command line into $3 (runs in the background; one at a time per cache file).
tally_train_aot() {
  local java=$1 jar=$2 aot=$3 lock="$3.lock" train_home tmp
  exec </dev/null >/dev/null 2>&1
  mkdir -p "$(dirname "$aot")" || return 0
  # a lock older than 10 minutes was left by a trainer that was killed
  find "$lock" -maxdepth 0 -mmin +10 -exec rmdir {} \; 2>/dev/null || true
  mkdir "$lock" 2>/dev/null || return 0
  if train_home="$(mktemp -d)"; then
    tmp="$aot.$$.tmp"
    TALLY_HOME="$train_home" TALLY_KEYCHAIN=off DEEPSEEK_API_KEY=sk-training-only \
      "$java" "${tally_cli_jvm[@]}" -XX:AOTCacheOutput="$tmp" -jar "$jar" balance deepseek --json \
      --base-url http://127.0.0.1:9 || true
    # written under a temporary name and moved, so a command started meanwhile never reads half a cache
    if [ -s "$tmp" ]; then mv -f "$tmp" "$aot" || rm -f "$tmp"; else rm -f "$tmp"; fi
    rm -rf "$train_home"
  fi
  rmdir "$lock" 2>/dev/null || true
}
