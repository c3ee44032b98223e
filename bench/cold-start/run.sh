#!/usr/bin/env bash
# Cold start of the packaged studio: launch to first frame, against a bare JavaFX window run on the same jlinked
# runtime, alternating, RUNS times each after one warm-up of each (JavaFX's natives are unpacked on a first start).
# The studio runs from a copy of the app-image in a folder without spaces, set up as the .deb's postinst sets up
# /opt/pixfino-studio: its start-up archive made there by lib/cds-archive.sh. For transparency a third line times the
# bare window with the studio's JVM settings too (C1 only and a class-data-sharing archive of its own classes).
# Both print "event=first_frame epoch_ms=…" on the first pulse after their stage is shown; the time counted is from
# just before the launch to that line. Needs the app-image (mvn -Pinstaller -Dinstaller.types=app-image package),
# Xvfb and xdotool (jpackage/smoke-test.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
runs="${RUNS:-5}"
built="$root/jpackage/target/jpackage/image/Pixfino Studio"
out="$root/jpackage/target/bench-cold-start"
[ -x "$built/bin/Pixfino Studio" ] || { echo "cold-start: build the app-image first (README: installers)" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/classes" "$out/home/.config/pixfino-studio"
image="$out/pixfino-studio"
cp -a "$built" "$image"
sh "$image/lib/cds-archive.sh" "$image"
[ -f "$image/lib/app/studio.jsa" ] || echo "cold-start: the studio runs without its start-up archive (see above)" >&2

javac -d "$out/classes" --release 17 --module-path "$root/jpackage/target/jpackage/javafx-modules" \
  --add-modules javafx.controls "$root/bench/cold-start/BareWindow.java"
# Pointed at a documentation address (TEST-NET-1): the studio tries to reach it in the background and starts no
# local server, so only the window's own start is measured.
echo '{"serverUrl":"http://192.0.2.1:7070","theme":"LIGHT"}' > "$out/home/.config/pixfino-studio/settings.json"

display=":$((500 + RANDOM % 400))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
export DISPLAY="$display"
for _ in $(seq 40); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.25; done

# measure NAME COMMAND...: prints milliseconds from launch to the first-frame line, then stops the app.
measure() {
  local name=$1; shift
  local log="$out/$name-$RANDOM.log" start pid deadline line
  start=$(date +%s%3N)
  # Java takes user.home from the password database, not $HOME
  HOME="$out/home" JAVA_TOOL_OPTIONS="-Duser.home=$out/home" PIXFINO_FIRST_FRAME=true \
    env -u XDG_CONFIG_HOME -u XDG_DATA_HOME "$@" > "$log" 2>&1 &
  pid=$!
  deadline=$((SECONDS + 120))
  until line=$(grep -o 'event=first_frame epoch_ms=[0-9]*' "$log"); do
    [ $SECONDS -lt $deadline ] && kill -0 "$pid" 2>/dev/null || { echo "cold-start: $name showed no first frame" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo $(( ${line##*=} - start ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

java="$image/lib/runtime/bin/java"
studio=("$image/bin/Pixfino Studio")
jar cf "$out/bare.jar" -C "$out/classes" . # a jar: CDS archives take no class folders
bare=("$java" -cp "$out/bare.jar" BareWindow)
# the bare window with the studio's JVM settings: its own class list and archive, made the same way
measure bare-classlist env JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$out/bare.classlist" "${bare[@]}" >/dev/null
"$java" -Xshare:dump -XX:SharedClassListFile="$out/bare.classlist" -XX:SharedArchiveFile="$out/bare.jsa" \
  -cp "$out/bare.jar" > "$out/bare-dump.log" 2>&1 || { echo "cold-start: no archive for the bare window" >&2; exit 1; }
tuned=("$java" -XX:SharedArchiveFile="$out/bare.jsa" -XX:TieredStopAtLevel=1 -cp "$out/bare.jar" BareWindow)
measure studio "${studio[@]}" >/dev/null
measure bare "${bare[@]}" >/dev/null
: > "$out/studio.txt"; : > "$out/bare.txt"; : > "$out/tuned.txt"
for i in $(seq "$runs"); do
  measure studio "${studio[@]}" >> "$out/studio.txt"
  measure bare "${bare[@]}" >> "$out/bare.txt"
  measure bare-tuned "${tuned[@]}" >> "$out/tuned.txt"
done
s=$(median < "$out/studio.txt"); b=$(median < "$out/bare.txt"); t=$(median < "$out/tuned.txt")
ratio() { awk -v s="$1" -v b="$2" 'BEGIN {printf "%.2f", s / b}'; }
echo "cold-start ($(date -u +%Y-%m-%d), $runs runs each, load $(cut -d' ' -f1 /proc/loadavg)):"
echo "  studio runs (ms):     $(tr '\n' ' ' < "$out/studio.txt")"
echo "  bare runs (ms):       $(tr '\n' ' ' < "$out/bare.txt")"
echo "  bare, tuned (ms):     $(tr '\n' ' ' < "$out/tuned.txt")"
echo "  median studio ${s} ms, bare JavaFX window ${b} ms, ratio $(ratio "$s" "$b") (target at most 1.5)"
echo "  the bare window with the studio's JVM settings (its own CDS archive, C1 only): ${t} ms, ratio $(ratio "$s" "$t")"
