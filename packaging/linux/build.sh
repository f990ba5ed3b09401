# Sourced by packaging/build-installers.sh on Linux, with $work/image/tally made by jpackage: turns it into
# target/installers/tally_<v>_amd64.deb, tally-<v>-1.x86_64.rpm and tally-<v>-linux-x64.tar.gz.
#
# Every package installs the app into /opt/tally and its launcher as /usr/bin/tally (the tarball: tally/bin/tally),
# the menu entry /usr/share/applications/tally.desktop and the icons into the hicolor theme. jpackage packs only
# its install folder, so the .deb is opened again (dpkg-deb) to add those, and the .rpm gets them from our spec
# file: either way dpkg or rpm owns every file and removing the package removes them. No maintainer script runs
# xdg-desktop-menu (it fails where /usr/share/applications does not exist yet); dpkg's triggers and the
# rpm %post refresh the menu and icon caches.

img="$work/image/tally"
[ -d "$img" ] || { echo "build-installers: $img is missing" >&2; exit 1; }
# Our launcher in place of jpackage's native one, which has one fixed set of JVM options for the widget and the CLI.
install -m 755 packaging/linux/tally "$img/bin/tally"
install -m 644 packaging/launch.sh "$img/lib/launch.sh"
rm -f "$img/lib/libapplauncher.so"   # only the native launcher used it
echo "$version" >"$img/lib/version"

share="$work/share"
install -D -m 644 packaging/linux/tally.desktop "$share/applications/tally.desktop"
for s in 16 22 24 32 48 64 128 256 512; do
  install -D -m 644 "icons/tally-$s.png" "$share/icons/hicolor/${s}x${s}/apps/tally.png"
done
install -D -m 644 icons/tally.svg "$share/icons/hicolor/scalable/apps/tally.svg"

linux_common=("${common[@]}" --app-image "$img" --name tally --linux-package-name tally --install-dir /opt
  --linux-app-release 1)

# What the runtime's native code links against directly (GTK 3 brings the rest). Written out rather than taken from
# jpackage, which lists every library ldd finds under these names on the build machine (e.g. libjpeg62-turbo,
# which Ubuntu does not have). The *t64 names are Ubuntu 24.04's.
deb_depends="libc6, libgtk-3-0 | libgtk-3-0t64, libglib2.0-0 | libglib2.0-0t64, libx11-6, libxext6, libxi6, libxrender1"
deb_depends+=", libxtst6, libfreetype6, libfontconfig1, libasound2 | libasound2t64, zlib1g"
rpm_depends="gtk3, glib2, libX11, libXext, libXi, libXrender, libXtst, freetype, fontconfig, alsa-lib, zlib"

if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
  say "jpackage --type deb"
  mkdir -p "$work/res-deb"
  sed "s/@DEPENDS@/$deb_depends/" packaging/linux/control >"$work/res-deb/control"
  # uncompressed: it is opened again below, and compressed once there (dpkg >= 1.21.10 reads this variable)
  DPKG_DEB_COMPRESSOR_TYPE=none \
    "$bin/jpackage" --type deb "${linux_common[@]}" --dest "$work/deb" --resource-dir "$work/res-deb" \
      --linux-deb-maintainer "tally@example.org" --linux-app-category utils
  deb="$(ls "$work/deb"/tally_*.deb)"
  root="$work/deb-root"
  dpkg-deb --raw-extract "$deb" "$root"
  install -d -m 755 "$root/usr/bin" "$root/usr/share"
  ln -s /opt/tally/bin/tally "$root/usr/bin/tally"
  cp -r "$share"/. "$root/usr/share/"
  size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
  sed -i "s/^Installed-Size:.*/Installed-Size: $size/" "$root/DEBIAN/control"
  if [ -f "$root/DEBIAN/md5sums" ]; then
    (cd "$root" && find . -path ./DEBIAN -prune -o -type f -print | sed 's|^\./||' | sort | xargs md5sum >DEBIAN/md5sums)
  fi
  dpkg-deb --root-owner-group -Zxz --build "$root" "$out/tally_${version}_amd64.deb" >/dev/null
else
  say "no .deb: dpkg-deb and fakeroot are needed (Debian packages dpkg, fakeroot)"
fi

if command -v rpmbuild >/dev/null; then
  say "jpackage --type rpm"
  mkdir -p "$work/res-rpm"
  sed "s|@SHARE@|$(cd "$share" && pwd)|" packaging/linux/tally.spec >"$work/res-rpm/tally.spec"
  "$bin/jpackage" --type rpm "${linux_common[@]}" --dest "$work/rpm" --resource-dir "$work/res-rpm" \
    --linux-rpm-license-type "see /opt/tally" --linux-app-category Applications/Productivity \
    --linux-package-deps "$rpm_depends"
  mv "$work/rpm"/tally-*.rpm "$out/"
else
  say "no .rpm: rpmbuild is needed (Debian package rpm)"
fi

say "tarball"
mkdir -p "$work/tar"
cp -a "$img" "$work/tar/tally"
cp -r "$share" "$work/tar/tally/share"
tar -C "$work/tar" --owner=0 --group=0 -czf "$out/tally-$version-linux-x64.tar.gz" tally
