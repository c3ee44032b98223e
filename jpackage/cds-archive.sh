#!/bin/sh
# Makes the studio's class-data-sharing archive (AppCDS) for an installed copy: lib/app/studio.jsa, from the class
# list recorded when the package was built (lib/app/studio.classlist) and the launcher's own class path. The JVM maps
# the archive at start instead of reading, parsing and verifying ~7,000 classes from jars: the window shows about a
# second sooner (bench/cold-start). The archive names the jars by their absolute paths, so it is made where the app is
# installed: by the .deb's postinst, or by hand after moving an app-image. Without it (or when it no longer matches
# the jars) the JVM silently loads classes the slow way; nothing else changes.
# Usage: cds-archive.sh [app root, default: the folder above this script's]
set -eu
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
app="$root/lib/app"
list="$app/studio.classlist"
cfg="$app/Pixfino Studio.cfg"
java="$root/lib/runtime/bin/java"
archive="$app/studio.jsa"
rm -f "$archive"
if [ ! -f "$list" ] || [ ! -f "$cfg" ] || [ ! -x "$java" ]; then
  echo "cds-archive: no class list, launcher settings or runtime under $root; the studio starts without an archive"
  exit 0
fi
case "$root" in
  *" "*) # JDK 17 cannot match jars whose paths hold a space against its archive (fixed in later JDKs)
    echo "cds-archive: '$root' holds a space, which JDK 17's archives cannot use; the studio starts without one"
    exit 0 ;;
esac
classpath="$(sed -n 's/^app\.classpath=\$APPDIR/'"$(printf '%s' "$app" | sed 's/[\/&]/\\&/g')"'/p' "$cfg" | paste -sd: -)"
if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$archive" -cp "$classpath" \
    > "$app/studio.jsa.log" 2>&1; then
  chmod 644 "$archive"
  echo "cds-archive: $archive ($(du -m "$archive" | cut -f1) MB)"
else
  rm -f "$archive"
  echo "cds-archive: the JVM could not make the archive (see $app/studio.jsa.log); the studio starts without one"
fi
