#!/usr/bin/env bash
# Acceptance test of the operator kit: one PostgreSQL, blue and green servers from the built jar, a real nginx on a
# loopback port with the shipped site (paths substituted, TLS parts off), and client traffic through nginx (a request
# loop, an open event stream, running generations) while `deploy.sh deploy` switches to green, `rollback` switches
# back and `stop-old` stops green. Passes with 0 failed requests, every generation completed and `status` naming the
# right slot each time. Only 127.0.0.1; everything it starts is stopped on exit. Run after `mvn package`/`verify`.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KIT=$ROOT/installers
JAR=${JAR:-$ROOT/companion-server/target/pixfino-server.jar}
[ -f "$JAR" ] || { echo "blue-green: no server jar at $JAR (run mvn package first)" >&2; exit 1; }
DEADLINE=$((SECONDS + ${BLUE_GREEN_TIMEOUT:-900}))

log() { printf '%s blue-green: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { log "FAILED: $*"; exit 1; }

# --- tools: nginx and PostgreSQL, from Debian's packages when missing
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    log "installing nginx"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null \
        || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    log "installing postgresql"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

WORK=$(mktemp -d /tmp/pixfino-blue-green.XXXXXX)
chmod 755 "$WORK"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PG_PORT=$(free_port); NGINX_PORT=$(free_port); BLUE_PORT=$(free_port); GREEN_PORT=$(free_port)

# PostgreSQL refuses to run as root: run it as the postgres user (or nobody)
PG_USER=postgres
id "$PG_USER" >/dev/null 2>&1 || PG_USER=nobody
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }

CLIENT_PID=
cleanup() {
    local rc=$?
    [ -n "$CLIENT_PID" ] && kill "$CLIENT_PID" 2>/dev/null || true
    for slot in blue green; do
        pid_file=$WORK/home/slots/$slot/server.pid
        if [ -f "$pid_file" ]; then
            pid=$(cat "$pid_file")
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    [ -f "$WORK/nginx/nginx.pid" ] && "$NGINX_BIN" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx/" -s quit 2>/dev/null || true
    [ -d "$WORK/pg" ] && as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true
    if [ "$rc" != 0 ]; then
        log "logs kept in $WORK (servers: home/slots/*/server.log, nginx/error.log, pg.log)"
        for f in "$WORK"/home/slots/*/server.log; do [ -f "$f" ] && { echo "--- tail $f"; tail -n 30 "$f"; }; done
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL on a loopback port, trust for local connections (a throwaway cluster)
mkdir -p "$WORK/pg" "$WORK/pgsock"
chown "$PG_USER" "$WORK/pg" "$WORK/pgsock" 2>/dev/null || true
as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U pixfino --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
touch "$WORK/pg.log" && chown "$PG_USER" "$WORK/pg.log" 2>/dev/null || true
as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w \
    -o "-p $PG_PORT -k $WORK/pgsock -c listen_addresses=127.0.0.1" start >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U pixfino pixfino
log "PostgreSQL on 127.0.0.1:$PG_PORT"

# --- the shared settings both slots read (in production: /etc/pixfino/pixfino.env)
export PIXFINO_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/pixfino" PIXFINO_DB_USER=pixfino PIXFINO_DB_PASSWORD=unused
export PIXFINO_DATA_DIR=$WORK/data PIXFINO_LOG_FORMAT=json PIXFINO_PRESET_PREVIEWS=false PIXFINO_SWAGGER=false
export PIXFINO_ADMIN_EMAIL=ops@example.com PIXFINO_ADMIN_PASSWORD=Ops-Secret-Pass-42 PIXFINO_STOP_SECONDS=20
export PIXFINO_POLL_SECONDS=1 PIXFINO_TRUSTED_PROXIES=127.0.0.1,::1

# --- nginx: the shipped site with its TLS parts dropped, on a loopback port, its include in the work dir
mkdir -p "$WORK/nginx/tmp" "$WORK/nginx/logs"
chmod 777 "$WORK/nginx/tmp"
python3 - "$KIT/nginx/pixfino.conf" "$WORK/nginx/pixfino.conf" "$NGINX_PORT" "$WORK/nginx/active-slot.conf" <<'EOF'
import re, sys
src, dst, port, include = sys.argv[1:5]
text = open(src).read()
text = re.sub(r"# --- tls redirect.*?# --- end tls redirect ---\n", "", text, flags=re.S)
text = "\n".join(l for l in text.splitlines() if not l.rstrip().endswith("# tls")) + "\n"
text = text.replace("    server_name pixfino.example.com;", f"    listen 127.0.0.1:{port};\n    server_name localhost;")
text = text.replace("/etc/nginx/pixfino/active-slot.conf", include)
assert "listen 127.0.0.1" in text and include in text
open(dst, "w").write(text)
EOF
sed "s/127.0.0.1:8001/127.0.0.1:$BLUE_PORT/" "$KIT/nginx/active-slot.conf" >"$WORK/nginx/active-slot.conf"
cat >"$WORK/nginx/nginx.conf" <<EOF
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
worker_processes 2;
include $KIT/nginx/pixfino-main.conf;
events { worker_connections 512; }
http {
    access_log $WORK/nginx/access.log;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    include $WORK/nginx/pixfino.conf;
}
EOF
NGINX_CMD="$NGINX_BIN -c $WORK/nginx/nginx.conf -p $WORK/nginx/"

# --- deploy.sh, pointed at the work dir: slots are plain background processes instead of systemd units
export PIXFINO_HOME=$WORK/home ACTIVE_SLOT_CONF=$WORK/nginx/active-slot.conf NGINX_CMD BLUE_PORT GREEN_PORT
export SLOT_CONTROL=process HEALTH_TIMEOUT=240 STOP_TIMEOUT=90
DEPLOY=$KIT/deploy.sh

# --- first installation: blue on the jar (what `systemctl start pixfino@blue` does), then nginx
mkdir -p "$WORK/home/slots/blue"
cp "$JAR" "$WORK/home/slots/blue/pixfino-server.jar"
(
    cd "$WORK/home/slots/blue" || exit 1
    PIXFINO_PORT=$BLUE_PORT nohup java -jar pixfino-server.jar >>server.log 2>&1 </dev/null &
    echo $! >server.pid
)
$NGINX_CMD -t -q
$NGINX_CMD
log "nginx on 127.0.0.1:$NGINX_PORT, blue on :$BLUE_PORT, green on :$GREEN_PORT"
until curl -fsS "http://127.0.0.1:$NGINX_PORT/health" 2>/dev/null | grep -q '"status":"ok"'; do
    [ "$SECONDS" -lt "$DEADLINE" ] || fail "blue never became healthy"
    kill -0 "$(cat "$WORK/home/slots/blue/server.pid")" 2>/dev/null || fail "blue exited"
    sleep 1
done

expect_active() {
    local want=$1 out
    out=$("$DEPLOY" status)
    echo "$out" | sed 's/^/    /'
    echo "$out" | grep -qx "active=$want" || fail "status says $(echo "$out" | head -n 1), expected active=$want"
    echo "$out" | grep -q "^$want port=.* state=running health=ok" || fail "$want is not running and healthy"
}
expect_active blue

# --- a photo for the generations (the JDK writes it; no image tools needed)
cat >"$WORK/Photo.java" <<'EOF'
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class Photo {
    public static void main(String[] args) throws Exception {
        BufferedImage image = new BufferedImage(900, 1200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 900; x++) {
                image.setRGB(x, y, new Color((x * 255) / 900, (y * 255) / 1200, 128).getRGB());
            }
        }
        ImageIO.write(image, "jpg", new File(args[0]));
    }
}
EOF
java "$WORK/Photo.java" "$WORK/photo.jpg"

# --- traffic through nginx
python3 "$KIT/test/client.py" "http://127.0.0.1:$NGINX_PORT" "$PIXFINO_ADMIN_EMAIL" "$PIXFINO_ADMIN_PASSWORD" \
    "$WORK/photo.jpg" "$WORK" >"$WORK/client.log" 2>&1 &
CLIENT_PID=$!
until [ -f "$WORK/client.ready" ]; do
    kill -0 "$CLIENT_PID" 2>/dev/null || { cat "$WORK/client.log"; fail "the client stopped before its traffic began"; }
    [ "$SECONDS" -lt "$DEADLINE" ] || fail "the client never got ready"
    sleep 0.5
done
log "traffic flows; deploying"
sleep 3

timed() { local t0=$SECONDS; "$@"; echo $((SECONDS - t0)); }
t0=$(date +%s.%N); "$DEPLOY" deploy "$JAR"; deploy_s=$(python3 -c "print(round($(date +%s.%N)-$t0,1))")
expect_active green
# the event stream opened before the switch stays with its old nginx worker (and blue) until
# worker_shutdown_timeout (30 s) closes it; the client reconnects, now to green
sleep 35
t0=$(date +%s.%N); "$DEPLOY" rollback; rollback_s=$(python3 -c "print(round($(date +%s.%N)-$t0,1))")
expect_active blue
sleep 6
# the old slot stops gracefully: its event streams end with the retry hint, its job steps are handed back
t0=$(date +%s.%N); "$DEPLOY" stop-old; stop_s=$(python3 -c "print(round($(date +%s.%N)-$t0,1))")
"$DEPLOY" status | grep -q "^green port=.* state=stopped" || fail "green still runs after stop-old"
sleep 4

touch "$WORK/client.stop"
log "waiting for the client's generations to finish"
while kill -0 "$CLIENT_PID" 2>/dev/null; do
    [ "$SECONDS" -lt "$DEADLINE" ] || fail "the client did not finish in time"
    sleep 1
done
wait "$CLIENT_PID" || { cat "$WORK/client.log"; fail "the client failed"; }
CLIENT_PID=

# the servers wrote JSON lines (PIXFINO_LOG_FORMAT=json) and no secret
python3 - "$WORK/home/slots/blue/server.log" "$WORK/home/slots/green/server.log" "$PIXFINO_ADMIN_PASSWORD" <<'EOF'
import json, sys
*logs, secret = sys.argv[1:]
lines = 0
for path in logs:
    for line in open(path):
        record = json.loads(line)
        assert "level" in record and "formattedMessage" in record, line
        assert secret not in line, "a secret in the log"
        lines += 1
print(f"    {lines} server log lines, each a JSON object, no secret among them")
EOF

python3 - "$WORK/client.json" "$deploy_s" "$rollback_s" "$stop_s" <<'EOF'
import json, sys
f = json.load(open(sys.argv[1]))
deploy_s, rollback_s, stop_s = sys.argv[2:5]
print("blue-green figures:")
print(f"    requests sent through nginx: {f['requests']}, failed: {f['failures']}")
print(f"    event stream: {f['sse_connects']} connections, {f['sse_retry_hints']} retry hints, {f['sse_events']} events")
print(f"    generations ({f['preset']}): {f['generations_started']} started, {f['generations_completed']} completed, "
      f"{len(f['generations_other'])} failed/canceled, {f['generations_unfinished']} unfinished")
print(f"    deploy (start green, health, switch): {deploy_s} s; rollback: {rollback_s} s; stop-old (graceful): {stop_s} s")
problems = []
if f["failures"]:
    problems.append(f"{f['failures']} failed requests: {f['failure_samples']}")
if f["generations_completed"] != f["generations_started"] or f["generations_started"] == 0:
    problems.append(f"generations not all completed: {f['generations_other']}")
if f["sse_retry_hints"] < 1 or f["sse_connects"] < 2:
    problems.append("the event stream was never ended with a retry hint and reopened")
if problems:
    print("FAILED: " + "; ".join(problems))
    sys.exit(1)
print("blue-green: passed")
EOF
