# Sourced by the `tally` launchers: ./tally (from source) and the installed one (/usr/bin/tally, the tarball's
# bin/tally). One place for the JVM options both use; see docs/performance.md for why each is there.
#
#   tally_launch JAVA JAR AOT_CACHE LAUNCHER [ARG...]
#
# With no ARG: the desktop widget (small heap, compact object headers, C1 only, software rendering, fewer malloc
# arenas, no GTK OpenGL). With ARGs: the command line, started from an AOT cache (JDK 25, JEP 514/515) that is
# trained once (a throwaway fetch against a closed port) and again whenever JAR is newer than it. LAUNCHER is the
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
    local train_home tmp
    if train_home="$(mktemp -d 2>/dev/null)" && mkdir -p "$(dirname "$aot")" 2>/dev/null; then
      tmp="$aot.$$.tmp"
      TALLY_HOME="$train_home" TALLY_KEYCHAIN=off DEEPSEEK_API_KEY=sk-training-only \
        "$java" "${opts[@]}" -XX:AOTCacheOutput="$tmp" -jar "$jar" balance deepseek --json --base-url http://127.0.0.1:9 \
        >/dev/null 2>&1 || true
      # written under a temporary name and moved, so a command started meanwhile never reads half a cache
      if [ -s "$tmp" ]; then mv -f "$tmp" "$aot" 2>/dev/null || rm -f "$tmp"; else rm -f "$tmp"; fi
      rm -rf "$train_home"
    fi
  fi
  if [ -f "$aot" ]; then
    opts+=(-XX:AOTCache="$aot" -Xlog:aot=off,cds=off)
  fi
  exec "$java" "${opts[@]}" -jar "$jar" "$@"
}
