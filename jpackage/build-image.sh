#!/usr/bin/env bash
# jdeps -> jlink -> jpackage for Pixfino Studio. Run by the jpackage module's package phase (mvn -Pinstaller
# package), which first copies the studio's class path, JavaFX's modular jars and the companion server into
# $PIXFINO_WORK. Prints the sizes it makes. Linux builds here; the Windows and macOS settings sit beside it (README.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${PIXFINO_WORK:?}"
version="${PIXFINO_VERSION:?}"
types="${PIXFINO_PACKAGE_TYPES:-app-image deb}"
app_version="${version%%-*}"   # jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0
name="Pixfino Studio"
input="$work/input" cli="$work/cli" fx="$work/javafx" companion="$work/companion/pixfino-server.jar"
runtime="$work/runtime" images="$work/image" installers="$work/installer"
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"
started=$SECONDS

test -f "$companion" || { echo "build-image: $companion is missing" >&2; exit 1; }

# JavaFX: only the jars with this OS's classifier are modules with natives; the plain ones are empty stubs.
mkdir -p "$work/javafx-modules"
find "$work/javafx-modules" -name '*.jar' -delete
for jar in "$fx"/*-*.*.*-*.jar; do cp "$jar" "$work/javafx-modules/"; done

# sqlite-jdbc carries its native library for 20-odd OS/arch pairs; keep this machine's (the runtime is for it too).
if command -v zip >/dev/null && [ "$(uname -s)" = Linux ]; then
  arch="$(uname -m)"; [ "$arch" = aarch64 ] || [ "$arch" = x86_64 ] || arch=""
  sqlite_jar="$(ls "$input"/sqlite-jdbc-*.jar 2>/dev/null || true)"
  if [ -n "$arch" ] && [ -n "$sqlite_jar" ]; then
    others="$(unzip -Z1 "$sqlite_jar" 'org/sqlite/native/*' | grep -v "^org/sqlite/native/Linux/$arch/" | grep -v '/$' || true)"
    [ -z "$others" ] || echo "$others" | zip -q -d "$sqlite_jar" -@
  fi
fi

# 1. Modules: what the studio, its class path, the CLI and the companion server use (jdeps), plus the ones found by
# reflection or service look-up that jdeps cannot see (TLS elliptic curves, JMX for the server's JVM metrics,
# zip file systems, charsets, sun.misc.Unsafe, DNS for JNDI in the JDBC driver).
main_jar="$input/studio-$version.jar"
cli_jar="$cli/pixfino-cli-$version.jar"
# jdeps reads every class of the server jar (minutes on a busy machine): its answer is kept while the jars are the same.
key="$(cd "$work" && find input cli javafx-modules companion -name '*.jar' -printf '%p %s\n' | sort | sha256sum | cut -c1-16)"
if [ -f "$work/jdeps-$key.txt" ]; then
  modules="$(cat "$work/jdeps-$key.txt")"
else
  modules="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
      --module-path "$work/javafx-modules" --class-path "$input/*:$cli/*" \
      "$main_jar" "$cli_jar" "$companion" | tail -1)"
  [[ "$modules" == java.base* ]] || { echo "build-image: jdeps said: $modules" >&2; exit 1; }
  echo "$modules" > "$work/jdeps-$key.txt"
fi
# jdeps also names jdk.compiler and jdk.httpserver, wanted only by classes nobody runs: Javalin OpenAPI's annotation
# processor support and Stripe's bundled examples. jdk.compiler alone would add 20 MB (its ct.sym among them).
modules="$(echo "$modules" | tr ',' '\n' | grep -vx 'jdk.compiler\|jdk.httpserver' | paste -sd, -)"
extra="jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.unsupported,jdk.management,jdk.naming.dns,javafx.media"
modules="$modules,$extra"
echo "build-image: modules: $modules"

# 2. Runtime: no debug symbols, man pages or headers; English only (the studio's one bundle). bin/java stays: the
# studio starts its companion server on it. No --compress: the .deb's xz packs an uncompressed lib/modules smaller
# than a zipped one, and classes load from it without inflating at every start.
rm -rf "$runtime"
jlink --module-path "$java_home/jmods:$work/javafx-modules" --add-modules "$modules" \
    --strip-debug --no-man-pages --no-header-files --include-locales=en \
    --output "$runtime"
# The JDK's native libraries keep their symbol tables (libjvm.so: 24 MB, 20 MB without); nothing here needs them.
if command -v strip >/dev/null; then
  find "$runtime" -name '*.so' -exec strip --strip-unneeded {} +
fi


# 3. App image with two launchers: the studio and the pixfino command line.
rm -rf "$images" && mkdir -p "$images"
cat > "$work/pixfino.properties" <<PROPS
main-class=com.pixfino.cli.PixfinoCli
linux-shortcut=false
PROPS
jpackage --type app-image --dest "$images" --name "$name" --app-version "$app_version" \
    --vendor "Pixfino" --description "Styled images and short videos from your photos" \
    --copyright "Pixfino" \
    --icon "$here/../desktop-app/studio/src/main/resources/com/pixfino/studio/icons/pixfino-studio-256.png" \
    --input "$input" --main-jar "$(basename "$main_jar")" --main-class com.pixfino.studio.StudioLauncher \
    --runtime-image "$runtime" \
    --java-options '-Dpixfino.companion.jar=$APPDIR/companion/pixfino-server.jar' \
    --java-options '-XX:SharedArchiveFile=$APPDIR/studio.jsa' --java-options '-XX:TieredStopAtLevel=1' \
    --add-launcher "pixfino=$work/pixfino.properties"
image="$images/$name"
app="$image/lib/app"
# The companion server is a whole runnable jar: beside the class path, not on it (jpackage 17 has no --app-content,
# so it is added to the finished image). The CLI launcher gets its own jars first (its logback.xml wins), then the
# studio's shared ones; the studio's own jar and its JavaFX libraries stay off its class path.
mkdir -p "$app/companion" "$app/cli"
cp "$companion" "$app/companion/pixfino-server.jar"
cp "$cli"/*.jar "$app/cli/"
{
  echo "[Application]"
  echo "app.classpath=\$APPDIR/cli/$(basename "$cli_jar")"
  for jar in "$cli"/*.jar; do
    [ "$jar" = "$cli_jar" ] || echo "app.classpath=\$APPDIR/cli/$(basename "$jar")"
  done
  for jar in "$input"/*.jar; do
    case "$(basename "$jar")" in
      studio-"$version".jar | atlantafx-* | controlsfx-*) ;;
      *) echo "app.classpath=\$APPDIR/$(basename "$jar")" ;;
    esac
  done
  echo "app.mainclass=com.pixfino.cli.PixfinoCli"
  echo
  echo "[JavaOptions]"
  echo "java-options=-Djpackage.app-version=$app_version"
} > "$app/pixfino.cfg"
# Both launchers are linux/launcher.sh, which reads the same .cfg files: jpackage 17's native launcher asks rpm and
# dpkg which package owns it on every start, a quarter of a second before Java starts (README.md in this folder).
if [ "$(uname -s)" = Linux ]; then
  for launcher in "$name" pixfino; do
    cp "$here/linux/launcher.sh" "$image/bin/$launcher" && chmod 755 "$image/bin/$launcher"
  done
fi
# Icons for the desktop (hicolor theme): the .deb's postinst links them from here.
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$image/lib/icons/hicolor/${size}x${size}/apps"
  cp "$here/../desktop-app/studio/src/main/resources/com/pixfino/studio/icons/pixfino-studio-$size.png" \
     "$image/lib/icons/hicolor/${size}x${size}/apps/pixfino-studio.png"
done
mkdir -p "$image/lib/icons/hicolor/scalable/apps"
cp "$here/icons/pixfino-studio.svg" "$image/lib/icons/hicolor/scalable/apps/pixfino-studio.svg"
echo "build-image: app-image $(du -sm "$image" | cut -f1) MB (runtime $(du -sm "$runtime" | cut -f1) MB, companion $(du -m "$companion" | cut -f1) MB) in $((SECONDS - started)) s: $image"

# 3b. Start-up (bench/cold-start): the launcher maps a class-data-sharing archive of what the studio loads up to its
# first frame, and compiles with C1 only (README, design notes). The archive names jars by absolute path, so only the
# list of classes is made here, by one run of the image under Xvfb; lib/cds-archive.sh turns it into the archive where
# the app is installed (the .deb's postinst; bench/cold-start for its copy).
cp "$here/cds-archive.sh" "$image/lib/cds-archive.sh"
if command -v Xvfb >/dev/null; then
  rec="$work/classlist-run" && rm -rf "$rec" && mkdir -p "$rec/home/.config/pixfino-studio"
  # a documentation address (TEST-NET-1): the studio starts no local server and only shows its window
  echo '{"serverUrl":"http://192.0.2.1:7070","theme":"LIGHT"}' > "$rec/home/.config/pixfino-studio/settings.json"
  display=":$((600 + RANDOM % 300))"
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > "$rec/xvfb.log" 2>&1 &
  xvfb_pid=$!
  sleep 1
  DISPLAY="$display" HOME="$rec/home" PIXFINO_FIRST_FRAME=true \
    JAVA_TOOL_OPTIONS="-Duser.home=$rec/home -XX:DumpLoadedClassList=$rec/studio.classlist" \
    "$image/bin/$name" > "$rec/studio.log" 2>&1 &
  studio_pid=$!
  for _ in $(seq 600); do
    grep -q 'event=first_frame' "$rec/studio.log" && break
    kill -0 "$studio_pid" 2>/dev/null || break
    sleep 0.2
  done
  shown=$(grep -c 'event=first_frame' "$rec/studio.log" || true)
  sleep 3 # what the first seconds after it load too (the connection attempt, the first layout passes)
  kill -TERM "$studio_pid" 2>/dev/null || true
  wait "$studio_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  if [ "$shown" -ge 1 ] && [ -s "$rec/studio.classlist" ]; then
    cp "$rec/studio.classlist" "$app/studio.classlist" # (a path with a space cannot go in JAVA_TOOL_OPTIONS)
    echo "build-image: start-up class list: $(grep -vc '^#' "$app/studio.classlist") classes"
  else
    echo "build-image: the studio showed no window under Xvfb (log: $rec/studio.log); no start-up class list" >&2
  fi
else
  echo "build-image: no Xvfb here, so no start-up class list: the studio will start without its CDS archive" >&2
fi

# 4. The .deb: from the finished image, with the libraries JavaFX loads itself (its natives sit inside jars, so
# jpackage's own dependency scan misses them), a desktop entry and pixfino on the PATH (linux/postinst).
if [[ " $types " == *" deb "* ]]; then
  rm -rf "$installers" && mkdir -p "$installers"
  jpackage --type deb --dest "$installers" --app-image "$image" --name "$name" --app-version "$app_version" \
      --vendor "Pixfino" --description "Styled images and short videos from your photos" \
      --icon "$here/../desktop-app/studio/src/main/resources/com/pixfino/studio/icons/pixfino-studio-256.png" \
      --resource-dir "$here/linux" \
      --linux-package-name pixfino-studio --linux-deb-maintainer "support@pixfino.example" \
      --linux-menu-group "Graphics" --linux-app-category graphics --linux-shortcut \
      --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1, libxtst6, libasound2, libfreetype6, libfontconfig1"
  deb="$(ls "$installers"/*.deb)"
  bytes=$(stat -c %s "$deb")
  echo "build-image: $(basename "$deb"): $bytes bytes ($((bytes / 1048576)) MiB; target at most 120 MB) in $((SECONDS - started)) s"
fi
