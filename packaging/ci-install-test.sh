#!/usr/bin/env bash
# The install test (issue 10), run by .ci/run after the test suite; needs root and apt-get. Builds the packages
# (./mvnw -Pinstallers), checks the file lists of the .rpm and the tarball, installs the .deb into an empty root
# (a minimal system: no /usr/share/applications), then on this machine with apt-get, and as a user would:
#   - with no JDK on the PATH and JAVA_HOME unset: `tally --version`, `tally balance deepseek --json` against a
#     local fake DeepSeek (bench/fake_deepseek.py), the AOT cache in the user's cache folder, nothing under /opt;
#   - the widget on a virtual display (Xvfb): its window appears, with the desktop entry's window class and an icon;
#   - purge: /opt/tally, /usr/bin/tally, the desktop entry and the icons are gone.
# Stops at the first failing check (exit 1). --no-build uses the packages already in target/installers/.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
passed=0
say() { echo "install-test: $*"; }
ok() { passed=$((passed + 1)); say "ok - $*"; }
fail() { echo "install-test: FAILED - $* (after $passed checks passed)" >&2; exit 1; }

need=()
command -v fakeroot >/dev/null || need+=(fakeroot)
command -v rpmbuild >/dev/null || need+=(rpm)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v xprop >/dev/null || need+=(x11-utils)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  say "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- build ------------------------------------------------------------------------------------------------------
start=$SECONDS
if [ "${1:-}" != --no-build ]; then
  ./mvnw -B -q -Pinstallers -DskipTests package
  say "packages built in $((SECONDS - start)) s"
fi
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n1)"
version="${version%-SNAPSHOT}"
deb="target/installers/tally_${version}_amd64.deb"
rpm="target/installers/tally-${version}-1.x86_64.rpm"
tgz="target/installers/tally-${version}-linux-x64.tar.gz"
for f in "$deb" "$rpm" "$tgz"; do [ -s "$f" ] || fail "$f was not built"; done
ok "built $(basename "$deb"), $(basename "$rpm"), $(basename "$tgz")"

# --- file lists -------------------------------------------------------------------------------------------------
icons="16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256 512x512"
rpm -qlp "$rpm" 2>/dev/null >"$tmp/rpm.list"
for f in /usr/bin/tally /opt/tally/bin/tally /opt/tally/lib/runtime/bin/java /opt/tally/lib/app/tally.jar \
  /usr/share/applications/tally.desktop /usr/share/icons/hicolor/scalable/apps/tally.svg; do
  grep -qx "$f" "$tmp/rpm.list" || fail "the rpm has no $f"
done
for s in $icons; do grep -qx "/usr/share/icons/hicolor/$s/apps/tally.png" "$tmp/rpm.list" || fail "the rpm has no $s icon"; done
rpm -qp --requires "$rpm" 2>/dev/null | grep -qx gtk3 || fail "the rpm does not require gtk3"
ok "rpm file list: launcher, runtime, desktop entry, $(echo $icons | wc -w) PNG icons and the SVG"
tar -tzf "$tgz" >"$tmp/tar.list"
for f in tally/bin/tally tally/lib/runtime/bin/java tally/lib/app/tally.jar tally/share/applications/tally.desktop \
  tally/share/icons/hicolor/scalable/apps/tally.svg; do
  grep -qx "$f" "$tmp/tar.list" || fail "the tarball has no $f"
done
for s in $icons; do grep -qx "tally/share/icons/hicolor/$s/apps/tally.png" "$tmp/tar.list" || fail "the tarball has no $s icon"; done
ok "tarball file list: launcher, runtime, desktop entry, icons"

# A PATH with what the launcher needs and no java in it.
mkdir -p "$tmp/bin"
for t in bash sh readlink dirname cat mktemp mkdir rmdir mv rm find env; do ln -s "$(command -v "$t")" "$tmp/bin/$t"; done
nojdk() { env -u JAVA_HOME -u JDK_HOME PATH="$tmp/bin" HOME="$tmp/user" XDG_CACHE_HOME= "$@"; }
mkdir -p "$tmp/user"
PATH="$tmp/bin" command -v java >/dev/null && fail "the test PATH has a java"

# --- the tarball runs where it was unpacked -----------------------------------------------------------------------
mkdir -p "$tmp/tar" && tar -xzf "$tgz" -C "$tmp/tar"
out="$(nojdk HOME="$tmp/tar-user" "$tmp/tar/tally/bin/tally" --version)" || fail "tarball: tally --version exited with $?"
grep -q "^Tally $version" <<<"$out" || fail "tarball: tally --version printed: $out"
ok "tarball: tally --version with no JDK on the PATH: $(head -n1 <<<"$out")"

# --- a minimal system: an empty root without /usr/share/applications ----------------------------------------------
min="$tmp/minimal"
mkdir -p "$min/var/lib/dpkg/updates" "$min/var/lib/dpkg/info"
: >"$min/var/lib/dpkg/status"
dpkg --root="$min" --log=/dev/null --force-depends --force-script-chrootless -i "$deb" >"$tmp/min.log" 2>&1 \
  || { cat "$tmp/min.log" >&2; fail "dpkg -i into an empty root failed"; }
[ -f "$min/usr/share/applications/tally.desktop" ] && [ -L "$min/usr/bin/tally" ] \
  || fail "the empty root has no desktop entry or /usr/bin/tally"
dpkg --root="$min" --log=/dev/null --force-script-chrootless --purge tally >"$tmp/min.log" 2>&1 \
  || { cat "$tmp/min.log" >&2; fail "dpkg --purge in the empty root failed"; }
left="$(cd "$min" && find . -path ./var -prune -o -type f -print -o -type l -print)"
[ -z "$left" ] || fail "purge left in the empty root: $left"
ok "installs into a root without /usr/share/applications, purges without a trace"

# --- install on this machine ----------------------------------------------------------------------------------------
if dpkg -s tally >/dev/null 2>&1; then dpkg --purge tally >/dev/null; fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >"$tmp/apt.log" 2>&1 \
  || { tail -n 20 "$tmp/apt.log" >&2; fail "apt-get install ./$deb failed"; }
[ "$(readlink -f /usr/bin/tally)" = /opt/tally/bin/tally ] || fail "/usr/bin/tally does not lead to /opt/tally/bin/tally"
ok "apt-get install ./$(basename "$deb")"
touch "$tmp/installed"

out="$(nojdk /usr/bin/tally --version)" || fail "tally --version exited with $?"
grep -q "^Tally $version" <<<"$out" || fail "tally --version printed: $out"
ok "tally --version with no JDK on the PATH and JAVA_HOME unset: $(tr '\n' ' ' <<<"$out")"

python3 bench/fake_deepseek.py >"$tmp/port" & pids+=($!)
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port="$(cat "$tmp/port")"
[ -n "$port" ] || fail "the fake DeepSeek did not start"
for run in first second third; do
  nojdk TALLY_HOME="$tmp/home" TALLY_KEYCHAIN=off DEEPSEEK_API_KEY=sk-ci-install-test-0000 \
    /usr/bin/tally balance deepseek --base-url "http://127.0.0.1:$port" --json >"$tmp/balance.json" \
    || fail "tally balance ($run run) exited with $?"
  python3 - "$tmp/balance.json" <<'PY' || fail "tally balance printed: $(cat "$tmp/balance.json")"
import json, sys
doc = json.load(open(sys.argv[1]))
acc = doc["accounts"][0]
assert acc["provider"] == "deepseek" and acc["status"] == "ok", acc
assert acc["balances"] == [{"currency": "CNY", "total": "110.00", "granted": "10.00", "paid": "100.00",
                            "currencyAssumed": False}], acc["balances"]
PY
  if [ "$run" = first ]; then   # the first run trains the AOT cache in the background
    for _ in $(seq 120); do [ -s "$tmp/user/.cache/tally/tally-$version.aot" ] && break; sleep 0.5; done
  fi
done
ok "tally balance deepseek --json against the local fake: CNY 110.00 (without and with the AOT cache)"
ls "$tmp/user/.cache/tally/tally-$version.aot" >/dev/null 2>&1 || fail "no AOT cache in the user's cache folder"
changed="$(find /opt/tally -newer "$tmp/installed" -print | head -n 3)"
[ -z "$changed" ] || fail "running tally wrote under /opt/tally: $changed"
ok "AOT cache made in ~/.cache/tally/, nothing written under /opt/tally"

# --- the widget on a virtual display -----------------------------------------------------------------------------
disp=""
for n in $(seq 150 199); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { disp=":$n"; break; }; done
[ -n "$disp" ] || fail "no free X display"
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & pids+=($!)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${disp#:}" ] && break; sleep 0.1; done
# No tray on this display: the window is an ordinary window (as on vanilla GNOME).
nojdk DISPLAY="$disp" TALLY_HOME="$tmp/widget-home" TALLY_KEYCHAIN=off /usr/bin/tally >"$tmp/widget.log" 2>&1 &
widget=$!
pids+=($widget)
win=""
for _ in $(seq 120); do
  win="$(DISPLAY="$disp" xdotool search --onlyvisible --name '^Tally$' 2>/dev/null | head -n1 || true)"
  [ -n "$win" ] && break
  kill -0 "$widget" 2>/dev/null || { cat "$tmp/widget.log" >&2; fail "the widget exited"; }
  sleep 0.5
done
[ -n "$win" ] || { cat "$tmp/widget.log" >&2; fail "no Tally window within 60 s"; }
wmclass="$(DISPLAY="$disp" xprop -id "$win" WM_CLASS)"
want="$(sed -n 's/^StartupWMClass=//p' /usr/share/applications/tally.desktop)"
grep -q "\"$want\"" <<<"$wmclass" || fail "window class $wmclass does not match StartupWMClass=$want"
icon=""
for _ in $(seq 20); do   # GTK may set the icon just after the window appears
  icon="$(DISPLAY="$disp" xprop -id "$win" _NET_WM_ICON | grep -o 'Icon ([0-9]* x [0-9]*)' | tr '\n' ' ' || true)"
  [ -n "$icon" ] && break
  sleep 0.5
done
[ -n "$icon" ] || fail "the window has no icon (_NET_WM_ICON)"
grep -q "native access\|restricted method" "$tmp/widget.log" && fail "the widget warned: $(head -n 3 "$tmp/widget.log")"
ok "widget window on $disp: $wmclass (StartupWMClass=$want), icons $icon"
kill "$widget" 2>/dev/null || true
wait "$widget" 2>/dev/null || true

# --- removal ------------------------------------------------------------------------------------------------------
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq tally >"$tmp/apt.log" 2>&1 || { tail "$tmp/apt.log" >&2; fail "apt-get purge tally failed"; }
for f in /opt/tally /usr/bin/tally /usr/share/applications/tally.desktop /usr/share/icons/hicolor/scalable/apps/tally.svg; do
  [ ! -e "$f" ] && [ ! -L "$f" ] || fail "$f is still there after purge"
done
for s in $icons; do [ ! -e "/usr/share/icons/hicolor/$s/apps/tally.png" ] || fail "the $s icon is still there after purge"; done
ok "apt-get purge tally: /opt/tally, /usr/bin/tally, the desktop entry and the icons are gone"
echo "install-test: took $((SECONDS - start)) s"
say "all $passed checks passed"
