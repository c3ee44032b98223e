#!/usr/bin/env bash
# Smoke test of the packaged studio (run by .ci/run after the tests): builds the app-image, starts it under Xvfb with
# a fresh home, waits for its window and for the companion server it starts to answer /health, takes a screenshot
# (target/smoke/studio.png), signs up through the API, runs `pixfino --version` and `pixfino presets` from the image,
# then stops the studio and checks that its companion server (and that server's PostgreSQL) went with it.
# Every wait has a timeout; any failed step stops the script with a sentence saying which.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
out="$root/jpackage/target/smoke"
mkdir -p "$root/jpackage/target" # a fresh clone has none: the installer module is not in the default build
image="$root/jpackage/target/jpackage/image/Pixfino Studio"
started=$SECONDS

fail() { echo "SMOKE FAILED: $*" >&2; [ -f "$out/studio.log" ] && tail -40 "$out/studio.log" >&2; exit 1; }
step() { echo "smoke: [$((SECONDS - started)) s] $*"; }

# await SECONDS DESCRIPTION COMMAND...: runs COMMAND every half second until it succeeds, or fails the test.
await() {
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || fail "$what: not within $limit s"
    [ -z "${app_pid:-}" ] || kill -0 "$app_pid" 2>/dev/null || fail "$what: the studio exited"
    sleep 0.5
  done
}

# 1. Tools: a display server, xdotool to find the window, ImageMagick to take the screenshot, GTK for JavaFX.
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v import >/dev/null || missing+=(imagemagick)
command -v curl >/dev/null || missing+=(curl)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || dpkg -s libgtk-3-0t64 >/dev/null 2>&1 || missing+=(libgtk-3-0)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || fail "could not install ${missing[*]}"
fi

# 2. The app-image (no .deb: that is the installer build's job).
if [ "${PIXFINO_SMOKE_REUSE_IMAGE:-}" != "true" ] || [ ! -x "$image/bin/Pixfino Studio" ]; then
  step "building the app-image"
  mvn -B -ntp -q -Pinstaller -DskipTests -Dinstaller.types=app-image package -pl jpackage -am \
    > "$root/jpackage/target/smoke-build.log" 2>&1 || { tail -40 "$root/jpackage/target/smoke-build.log" >&2; fail "the app-image build failed"; }
  grep "build-image:" "$root/jpackage/target/smoke-build.log" || true
fi
[ -x "$image/bin/Pixfino Studio" ] || fail "no launcher at $image/bin/Pixfino Studio"
rm -rf "$out" && mkdir -p "$out/home"

# 3. The command line from the image.
version="$("$image/bin/pixfino" --version)" || fail "pixfino --version exited non-zero"
echo "$version" | grep -Eq '^pixfino [0-9]+\.[0-9]+' || fail "pixfino --version printed '$version'"
step "pixfino --version: $version"
# as installed: /usr/bin/pixfino is a link to the launcher, which finds its image through it
mkdir -p "$out/path" && ln -s "$image/bin/pixfino" "$out/path/pixfino"
[ "$("$out/path/pixfino" --version)" = "$version" ] || fail "pixfino through a link on the PATH did not start"

# 4. The studio under Xvfb, in a fresh home, pointed at a free loopback port (its companion listens there).
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$out/home/.config/pixfino-studio"
echo "{\"serverUrl\":\"http://127.0.0.1:$port\",\"theme\":\"LIGHT\"}" > "$out/home/.config/pixfino-studio/settings.json"
display=":$((90 + RANDOM % 400))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > "$out/xvfb.log" 2>&1 &
xvfb_pid=$!
cleanup() {
  if [ -n "${app_pid:-}" ]; then
    for child in $(pgrep -P "$app_pid" || true); do kill -TERM "$child" 2>/dev/null || true; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  [ -z "${server_pid:-}" ] || kill -9 "$server_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY="$display"
await 20 "Xvfb on $display" xdotool getdisplaygeometry

step "starting the studio (HOME=$out/home, server port $port)"
# Java takes user.home from the password database, not $HOME: both the studio and the server it starts get it here.
HOME="$out/home" JAVA_TOOL_OPTIONS="-Duser.home=$out/home" PIXFINO_DATA_DIR="$out/home/server" \
  PIXFINO_FIRST_FRAME=true env -u XDG_CONFIG_HOME -u XDG_DATA_HOME "$image/bin/Pixfino Studio" > "$out/studio.log" 2>&1 &
app_pid=$!
await 90 "the studio's window" xdotool search --onlyvisible --name '^Pixfino Studio$'
step "window shown"
health() { curl -fsS --max-time 2 "http://127.0.0.1:$port/health"; }
await 150 "the local companion's /health on port $port" health
server_pid="$(pgrep -f -- "-jar $image/lib/app/companion/pixfino-server.jar" | head -1)" \
  || fail "no companion process runs the image's server jar"
step "companion pid $server_pid answers: $(health)"
await 30 "the studio to show it is connected" grep -q "event=companion_started\|Connected" "$out/studio.log"

# 5. A screenshot of the window as it stands, kept for people to look at.
sleep 1
import -display "$display" -window root "$out/studio.png" || fail "screenshot"
step "screenshot $out/studio.png"

# 6. Sign up through the API, then the CLI against the same server.
email="smoke-$RANDOM@example.com"
code=$(curl -sS -o "$out/register.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"smoke-test-password-1\",\"name\":\"Smoke Test\"}" \
  "http://127.0.0.1:$port/api/v1/auth/register") || fail "sign-up request"
[ "$code" = 201 ] || [ "$code" = 200 ] || fail "sign-up answered $code: $(cat "$out/register.json")"
grep -q '"token"' "$out/register.json" || fail "sign-up gave no token: $(cat "$out/register.json")"
step "signed up $email"
JAVA_TOOL_OPTIONS="-Duser.home=$out/home" "$image/bin/pixfino" presets --server "http://127.0.0.1:$port" > "$out/presets.txt" || fail "pixfino presets exited non-zero"
grep -q "SLUG" "$out/presets.txt" && [ "$(wc -l < "$out/presets.txt")" -gt 5 ] || fail "pixfino presets printed: $(head -5 "$out/presets.txt")"
step "pixfino presets: $(($(wc -l < "$out/presets.txt") - 1)) presets"

# 7. Stop the studio as a session logout would (SIGTERM): it must take its companion and that server's PostgreSQL
# with it.
postgres_pids="$(pgrep -f -- "$out/home/server" || true)"
kill -TERM "$app_pid"
app_pid_saved=$app_pid; app_pid=""
deadline=$((SECONDS + 40))
while kill -0 "$app_pid_saved" 2>/dev/null; do [ $SECONDS -lt $deadline ] || fail "the studio did not exit within 40 s of SIGTERM"; sleep 0.5; done
deadline=$((SECONDS + 20))
while kill -0 "$server_pid" 2>/dev/null; do [ $SECONDS -lt $deadline ] || fail "the companion (pid $server_pid) outlived the studio"; sleep 0.5; done
# PostgreSQL's postmaster and its workers finish their own shutdown a moment after the server that stopped them.
for pid in $postgres_pids; do
  deadline=$((SECONDS + 20))
  while kill -0 "$pid" 2>/dev/null; do [ $SECONDS -lt $deadline ] || fail "PostgreSQL process $pid outlived the studio"; sleep 0.5; done
done
! health >/dev/null 2>&1 || fail "something still answers on port $port"
server_pid=""
step "studio, companion and its PostgreSQL stopped"

# 8. The start-up archive as an install makes it (the .deb's postinst runs lib/cds-archive.sh at /opt/pixfino-studio):
# on a copy in a folder without spaces it must be made and be usable (-Xshare:on refuses to start otherwise).
[ -s "$image/lib/app/studio.classlist" ] || fail "the image has no start-up class list (lib/app/studio.classlist)"
copy="$out/pixfino-studio"
case "$copy" in *" "*) echo "smoke: passed in $((SECONDS - started)) s; the archive is not checked under a path with a space"; exit 0 ;; esac
cp -a "$image" "$copy"
sh "$copy/lib/cds-archive.sh" "$copy" > "$out/cds-archive.log" || fail "cds-archive.sh failed: $(cat "$out/cds-archive.log")"
[ -s "$copy/lib/app/studio.jsa" ] || fail "cds-archive.sh made no archive: $(cat "$out/cds-archive.log")"
classpath="$(sed -n "s#^app\.classpath=\\\$APPDIR#$copy/lib/app#p" "$copy/lib/app/Pixfino Studio.cfg" | paste -sd: -)"
# -Xshare:on: the JVM refuses to start unless it maps the archive and every jar of the class path matches it
"$copy/lib/runtime/bin/java" -Xshare:on -XX:SharedArchiveFile="$copy/lib/app/studio.jsa" -cp "$classpath" \
  -Xlog:class+path=info -version > "$out/cds-check.log" 2>&1 || fail "the archive is not usable: $(tail -5 "$out/cds-check.log")"
grep -q "checking shared classpath entry: $copy/lib/app/studio-" "$out/cds-check.log" \
  || fail "the archive holds none of the studio's jars (see $out/cds-check.log)"
grep -q -- "-XX:SharedArchiveFile=\$APPDIR/studio.jsa" "$image/lib/app/Pixfino Studio.cfg" || fail "the launcher does not name the archive"
rm -rf "$copy"
step "start-up archive: $(cut -c1-200 "$out/cds-archive.log")"
echo "smoke: passed in $((SECONDS - started)) s (screenshot: $out/studio.png)"
