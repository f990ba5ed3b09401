# Sourced by the `tally` launchers: ./tally (from source) and the installed one (/usr/bin/tally, the tarball's
# bin/tally). One place for the JVM options both use; see docs/performance.md for why each is there.
#
#   tally_launch JAVA JAR AOT_CACHE LAUNCHER [ARG...]
#
# With no ARG: the desktop widget (small heap, compact object headers, C1 only, software rendering, fewer malloc
# arenas, freed malloc memory handed back on Linux, no GTK OpenGL). With ARGs: the command line, started from an AOT cache (JDK 25, JEP 483/514/515): for
# --help/--version, balance and status the smaller AOT_CACHE-help, -balance, -status one when it exists, else
# AOT_CACHE. When there is no cache, or JAR is newer than it, the command runs without one and (unless
# tally_train_aot=no) a background JVM trains it, so the next command starts from it; a command with a cache of its
# own that runs from AOT_CACHE trains that one. From source the build trains every cache (pom.xml), so ./tally sets
# tally_train_aot=no. LAUNCHER is the command that starts this Tally again; "Launch at login" writes it into the
# autostart entry. Never returns.

# Where JavaFX is a module of the runtime (the installed Tally), its native access is allowed by name as well; set
# tally_native_access before sourcing this file. From source JavaFX is on the class path (ALL-UNNAMED).
tally_widget_jvm=(--enable-native-access="${tally_native_access:-ALL-UNNAMED}" -XX:+UseSerialGC -Xms8m -Xmx64m -XX:+UseCompactObjectHeaders
  -Dprism.order=sw -Dprism.text=t2k
  -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -Xss512k -XX:MaxMetaspaceSize=128m)
# The command line's flags; the AOT caches are trained with exactly these (pom.xml: train-aot-cache).
tally_cli_jvm=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData)

tally_launch() {
  local java=$1 jar=$2 aot=$3 launcher=$4
  shift 4
  if [ $# -eq 0 ]; then
    export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" GDK_GL="${GDK_GL:-disable}"
    local trim=()
    # glibc keeps freed memory; the JVM hands it back every 30 s (~4 MB of the idle widget). Linux/glibc only: the
    # JVM warns about the option elsewhere, so the native launchers (Windows, macOS) do not get it.
    case "${OSTYPE:-}" in linux-gnu*) trim=(-XX:TrimNativeHeapInterval=30000) ;; esac
    exec "$java" "${tally_widget_jvm[@]}" ${trim[@]+"${trim[@]}"} -Dtally.launcher="$launcher" -jar "$jar"
  fi
  # A cache loads every class it holds at start: the commands run most have smaller ones of their own, trained on
  # that command alone (AOT_CACHE-help, -balance, -status); every other command uses AOT_CACHE.
  local opts=("${tally_cli_jvm[@]}") mode=
  case "${1:-}" in
    -h|--help|-V|--version|help) mode=help ;;
    balance|status) mode=$1 ;;
  esac
  local own="${aot%.aot}-$mode.aot"
  if [ -n "$mode" ] && [ -f "$own" ] && [ ! "$jar" -nt "$own" ]; then
    aot=$own
    # so short a run spends less without the JIT compiler
    [ "$mode" = help ] && opts=("${opts[@]/-XX:TieredStopAtLevel=1/-Xint}")
    opts+=(-XX:AOTCache="$aot" -Xlog:aot=off,cds=off)
  elif [ -f "$aot" ] && [ ! "$jar" -nt "$aot" ]; then
    opts+=(-XX:AOTCache="$aot" -Xlog:aot=off,cds=off)
    # the installed Tally: this command's own cache is trained in the background, for the next run
    if [ -n "$mode" ] && [ "${tally_train_aot:-yes}" = yes ]; then
      tally_train_aot "$java" "$jar" "$own" "$mode" &
    fi
  elif [ "${tally_train_aot:-yes}" = yes ]; then
    # none yet (the installed Tally on first use): this command runs without one while a background JVM trains it
    tally_train_aot "$java" "$jar" "$aot" &
  fi
  # SQLite's native library where the build unpacked it (else sqlite-jdbc copies it to a temporary file each start)
  if [ -n "${tally_sqlite_lib:-}" ] && [ -f "$tally_sqlite_lib" ]; then
    opts+=(-Dorg.sqlite.lib.path="${tally_sqlite_lib%/*}" -Dorg.sqlite.lib.name="${tally_sqlite_lib##*/}")
  fi
  exec "$java" "${opts[@]}" -jar "$jar" "$@"
}

# Trains the command line's AOT cache into $3 on representative successful runs (dev.tally.launcher.AotTraining:
# balance against a local fake provider, status, history, help), or with MODE ($4: help, balance, status) on that
# command's runs alone; in the background, one at a time per cache file.
tally_train_aot() {
  local java=$1 jar=$2 aot=$3 mode=${4:-} lock="$3.lock" tmp
  exec </dev/null >/dev/null 2>&1
  mkdir -p "$(dirname "$aot")" || return 0
  # a lock older than 10 minutes was left by a trainer that was killed
  find "$lock" -maxdepth 0 -mmin +10 -exec rmdir {} \; 2>/dev/null || true
  mkdir "$lock" 2>/dev/null || return 0
  tmp="$aot.$$.tmp"
  "$java" "${tally_cli_jvm[@]}" -XX:AOTCacheOutput="$tmp" -Xlog:aot=error,cds=error -cp "$jar" \
    dev.tally.launcher.AotTraining ${mode:+"$mode"} || true
  # written under a temporary name and moved, so a command started meanwhile never reads half a cache
  if [ -s "$tmp" ]; then mv -f "$tmp" "$aot" || rm -f "$tmp"; else rm -f "$tmp"; fi
  rmdir "$lock" 2>/dev/null || true
}
