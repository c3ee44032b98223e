#!/bin/bash
# Starts the Pixfino launcher named as this file ("Pixfino Studio" or pixfino) on the bundled runtime, as its jpackage
# configuration lib/app/<name>.cfg says: class path, main class, java-options ($APPDIR, $BINDIR and $ROOTDIR replaced),
# default arguments when none are given, and the jpackage.app-path property and library path the native launcher sets. It stands in for JDK 17's native
# launcher, which on every start asks rpm and then dpkg which package owns it (rpm -qf, dpkg -S, then dpkg -L, each
# reading the package database): a quarter of a second before Java even starts (jpackage/README.md, bench/cold-start).
set -euo pipefail
self="$(readlink -f "$0")"
name="$(basename "$self")"
root="$(dirname "$(dirname "$self")")"
app="$root/lib/app"
cfg="$app/$name.cfg"
if [ ! -r "$cfg" ]; then
  echo "$name: its settings ($cfg) are missing; reinstall Pixfino Studio" >&2
  exit 1
fi
classpath="" main="" options=() defaults=()
while IFS= read -r line || [ -n "$line" ]; do
  line="${line//\$APPDIR/"$app"}"
  line="${line//\$BINDIR/"$root/bin"}"
  line="${line//\$ROOTDIR/"$root"}"
  case "$line" in
    app.classpath=*) classpath="${classpath:+$classpath:}${line#app.classpath=}" ;;
    app.mainclass=*) main="${line#app.mainclass=}" ;;
    java-options=*) options+=("${line#java-options=}") ;;
    arguments=*) defaults+=("${line#arguments=}") ;;
  esac
done < "$cfg"
export LD_LIBRARY_PATH="$app${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
if [ $# -eq 0 ] && [ ${#defaults[@]} -gt 0 ]; then
  set -- "${defaults[@]}"
fi
exec "$root/lib/runtime/bin/java" ${options[@]+"${options[@]}"} "-Djpackage.app-path=$self" -cp "$classpath" "$main" "$@"
