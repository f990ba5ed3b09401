#!/usr/bin/env bash
# Makes every icon file in icons/ from icons/tally.svg. Rerun it after editing the SVG and commit the results.
#
#   packaging/make-icons.sh
#
# Tools (Debian packages): rsvg-convert (librsvg2-bin) renders the PNGs, icotool (icoutils) packs the
# multi-size Windows tally.ico, png2icns (icnsutils) packs the macOS tally.icns. Installs them with apt-get
# when they are missing and this runs as root.
set -euo pipefail
cd "$(dirname "$0")/../icons"

need=()
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
command -v icotool >/dev/null || need+=(icoutils)
command -v png2icns >/dev/null || need+=(icnsutils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "make-icons: missing tools; install the Debian packages: ${need[*]}" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

sizes=(16 22 24 32 48 64 128 256 512)
for s in "${sizes[@]}"; do
  rsvg-convert --width "$s" --height "$s" --format png tally.svg --output "tally-$s.png"
done
# Windows picks from 16..256 (256 is stored as PNG inside the .ico, the others as bitmaps).
icotool --create --output tally.ico tally-16.png tally-24.png tally-32.png tally-48.png tally-64.png tally-128.png \
  --raw=tally-256.png
# macOS: the sizes the icns format has a slot for.
png2icns tally.icns tally-16.png tally-32.png tally-48.png tally-128.png tally-256.png tally-512.png >/dev/null
ls -l tally.svg tally-*.png tally.ico tally.icns | awk '{print $5, $NF}'
