# Sourced by packaging/build-installers.sh on Windows, after jpackage made $work/image/Tally (Tally.exe for the
# widget, tally-cli.exe for the command line: see windows/tally-cli.properties): Tally-<v>.msi. Needs the WiX Toolset
# on the PATH. A per-user install (no administrator rights) with a Start-menu entry; the fixed upgrade UUID makes
# a newer .msi replace the installed version. Built by .github/workflows/installers.yml; not tested on the Linux
# machine this project is developed on.
say "jpackage --type msi"
"$bin/jpackage" --type msi "${common[@]}" --app-image "$work/image/Tally" --name Tally --dest "$out" \
  --win-per-user-install --win-menu --win-menu-group Tally \
  --win-upgrade-uuid 9b3c627a-7c14-494c-bd70-a73da609f004
