#!/usr/bin/env bash
# Builds the installers into target/installers/; run by `./mvnw -B -Pinstallers -DskipTests package` after the
# jar (target/tally.jar) and its libraries (target/lib/) exist. See docs/packaging.md.
#
#   packaging/build-installers.sh VERSION MAIN_CLASS
#
# 1. a trimmed Java runtime: jlink from the JDK's own run-time image (JDK 25, JEP 493: no jmods needed) plus the
#    JavaFX jars for this OS from target/lib;
# 2. an app image with it: jpackage --type app-image;
# 3. on Linux: tally_<v>_amd64.deb, tally-<v>-1.x86_64.rpm (jpackage; rpmbuild from Debian's `rpm` package)
#    and tally-<v>-linux-x64.tar.gz; on Windows: Tally-<v>.msi (needs the WiX Toolset); on macOS: Tally-<v>.dmg
#    and Tally-<v>.pkg. The Windows and macOS ones are built by .github/workflows/installers.yml only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ $# -eq 2 ] || { echo "usage: packaging/build-installers.sh VERSION MAIN_CLASS" >&2; exit 2; }
version="${1%-SNAPSHOT}"   # packages need a plain number; 0.1.0-SNAPSHOT is packaged as 0.1.0
main_class="$2"
. scripts/find-jdk.sh
tally_find_jdk
bin="$JAVA_HOME/bin"

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW* | MSYS* | CYGWIN*) os=windows ;;
  *) echo "build-installers: no installers for $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) arch="$(uname -m)" ;;
esac
sep=:
[ "$os" = windows ] && sep=';'

out=target/installers
work=target/installers-work
rm -rf "$out" "$work"
mkdir -p "$out" "$work/input/lib"
say() { echo "build-installers: [${SECONDS}s] $*"; }

# --- 1. the application: tally.jar and its libraries, without JavaFX (that goes into the runtime) ---------------
[ -f target/tally.jar ] || { echo "build-installers: target/tally.jar is missing; run through ./mvnw -Pinstallers package" >&2; exit 1; }
cp target/tally.jar "$work/input/"
fx=()
for jar in target/lib/*.jar; do
  name="$(basename "$jar")"
  case "$name" in
    javafx-*-*-*.jar) fx+=("$jar") ;;   # javafx-graphics-25.0.1-linux.jar: the module with this OS's code
    javafx-*.jar) ;;                     # javafx-graphics-25.0.1.jar: an empty placeholder
    sqlite-jdbc-*.jar)
      case "$os" in linux) keep=Linux ;; mac) keep=Mac ;; windows) keep=Windows ;; esac
      "$bin/java" packaging/TrimJar.java "$jar" "$work/input/lib/$name" org/sqlite/native/ "$keep/$arch/" ;;
    *) cp "$jar" "$work/input/lib/" ;;
  esac
done
[ ${#fx[@]} -ge 3 ] || { echo "build-installers: no JavaFX jars for this OS in target/lib" >&2; exit 1; }

# --- 2. the runtime ---------------------------------------------------------------------------------------------
# Modules: what `jdeps --print-module-deps` finds for the app and its libraries, plus java.logging and
# jdk.unsupported (JavaFX, sqlite-jdbc). TLS with EC keys is in java.base.
modules=java.base,java.desktop,java.logging,java.net.http,java.sql,jdk.httpserver,jdk.security.auth,jdk.unsupported
modules+=,javafx.base,javafx.graphics,javafx.controls
fxpath="$(IFS="$sep"; echo "${fx[*]}")"
say "jlink: $modules"
"$bin/jlink" --module-path "$fxpath" --add-modules "$modules" \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --exclude-resources='regex:/javafx\.[a-z]+/[^/]+\.(so|dll|dylib)' --output "$work/runtime"
# The JavaFX jars carry their native libraries as resources, which JavaFX would unpack into ~/.openjfx/cache at
# first start: they go into the runtime's lib/ instead (left out of the modules above), where the JVM finds them.
for jar in "${fx[@]}"; do
  natives=($("$bin/jar" tf "$jar" | grep -E '^[^/]*\.(so|dll|dylib)$' || true))
  if [ ${#natives[@]} -gt 0 ]; then
    (cd "$work/runtime/lib" && "$bin/jar" xf "$root/$jar" "${natives[@]}")
  fi
done

# Linux: the native libraries without their symbol tables, as distributions ship them (libjvm.so: 30 -> 25 MB).
if [ "$os" = linux ] && command -v strip >/dev/null; then
  find "$work/runtime/lib" -name '*.so' -exec strip --strip-unneeded {} +
fi

# --- 3. the app image --------------------------------------------------------------------------------------------
common=(--app-version "$version" --vendor "Tally" --copyright "Tally contributors"
  --description "What is left on your LLM API accounts, in your system tray.")
# The native launcher (Windows, macOS) runs the widget options; on Linux bin/tally is our launcher script instead.
widget_jvm="$(tally_native_access=ALL-UNNAMED,javafx.graphics; . packaging/launch.sh; echo "${tally_widget_jvm[*]}")"
case "$os" in
  linux) name=tally; icon=icons/tally-256.png ;;
  mac) name=Tally; icon=icons/tally.icns ;;
  windows) name=Tally; icon=icons/tally.ico ;;
esac
extra=()
case "$os" in
  mac)
    mkdir -p "$work/res-mac"
    sed "s/@VERSION@/$version/g" packaging/macos/Info.plist >"$work/res-mac/Info.plist"
    extra=(--resource-dir "$work/res-mac" --mac-package-identifier dev.tally.Tally --mac-package-name Tally) ;;
  windows)
    extra=(--add-launcher "tally-cli=packaging/windows/tally-cli.properties") ;;
esac
say "jpackage --type app-image ($name)"
"$bin/jpackage" --type app-image --name "$name" --dest "$work/image" "${common[@]}" \
  --input "$work/input" --main-jar tally.jar --main-class "$main_class" \
  --runtime-image "$work/runtime" --icon "$icon" --java-options "$widget_jvm" ${extra[@]+"${extra[@]}"}

case "$os" in
  linux) . packaging/linux/build.sh ;;
  mac) . packaging/macos/build.sh ;;
  windows) . packaging/windows/build.sh ;;
esac
# $work stays for a look inside; the next build starts it afresh
say "done:"
ls -l "$out"
