# Sourced by packaging/build-installers.sh on macOS, after jpackage made $work/image/Tally.app (with
# macos/Info.plist: bundle id dev.tally.Tally, LSUIElement, the .icns): Tally-<v>.dmg and Tally-<v>.pkg.
# Unsigned. Built by .github/workflows/installers.yml; not tested on the Linux machine this project is developed on.
for type in dmg pkg; do
  say "jpackage --type $type"
  "$bin/jpackage" --type "$type" "${common[@]}" --app-image "$work/image/Tally.app" --name Tally \
    --mac-package-identifier dev.tally.Tally --mac-package-name Tally --dest "$out"
done
