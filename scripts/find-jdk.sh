# Sourced by .ci/run, ./tally and the bench scripts: exports JAVA_HOME pointing at a JDK 25 or newer.
# Order: $JAVA_HOME if it is >= 25; else the first JDK >= 25 in the system JVM folder (the folder two
# levels above the default java's bin/); else a clear error.

tally_java_major() {
  # prints the feature version of the java binary $1 (a path ending in bin/java), or 0; reads the JDK's release
  # file when there is one, with bash alone (./tally runs this on every start: no process to start), else asks java
  local release="${1%/*}" line
  release="${release%/*}/release"
  if [ -f "$release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
        echo "${BASH_REMATCH[1]}"
        return
      fi
    done <"$release"
    return
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1 || echo 0
}

tally_find_jdk() {
  local want=25 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(tally_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge "$want" ] 2>/dev/null; then return 0; fi
  fi
  local folders=()
  if command -v java >/dev/null 2>&1; then
    folders+=("$(dirname "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")")
  fi
  folders+=(/usr/lib/jvm /usr/java /opt/java /Library/Java/JavaVirtualMachines)
  for folder in "${folders[@]}"; do
    [ -d "$folder" ] || continue
    for candidate in "$folder"/*/bin/java "$folder"/*/Contents/Home/bin/java; do
      [ -x "$candidate" ] || continue
      major=$(tally_java_major "$candidate")
      if [ "${major:-0}" -ge "$want" ] 2>/dev/null; then
        JAVA_HOME=$(dirname "$(dirname "$candidate")")
        export JAVA_HOME
        return 0
      fi
    done
  done
  echo "Tally needs a JDK $want or newer, and none was found (looked at \$JAVA_HOME and ${folders[*]})." >&2
  echo "Install one (e.g. Temurin $want) and/or point JAVA_HOME at it." >&2
  return 1
}
