#!/usr/bin/env bash
# Blue-green deploys of the Pixfino server behind nginx.
#
#   deploy.sh deploy [JAR]   start the idle slot on JAR (default: $PIXFINO_JAR), wait for /health and a smoke call,
#                            switch nginx to it; the old slot keeps running (rollback stays instant)
#   deploy.sh rollback       switch nginx back to the other slot (it must still be running)
#   deploy.sh status         which slot is active, and each slot's state, health and version
#   deploy.sh stop-old       stop the slot nginx does not send traffic to (graceful: SIGTERM)
#
# Production defaults (systemd units pixfino@blue / pixfino@green, /opt/pixfino, /etc/nginx/pixfino); every path,
# port and command can be overridden through the environment, which is how installers/test/blue-green.sh runs it
# as a plain user-space process tree:
#   PIXFINO_HOME        /opt/pixfino              slots/<slot>/pixfino-server.jar live here
#   PIXFINO_JAR         $PIXFINO_HOME/pixfino-server.jar   the jar `deploy` uses without an argument
#   ACTIVE_SLOT_CONF    /etc/nginx/pixfino/active-slot.conf
#   NGINX_CMD           nginx                     the nginx command, e.g. "nginx -c /tmp/x/nginx.conf"
#   BLUE_PORT/GREEN_PORT  8001 / 8002
#   SLOT_CONTROL        systemd                   or "process": java -jar in the background (pid and log in the slot dir)
#   JAVA                java                      (process mode)
#   HEALTH_TIMEOUT      180                       seconds a new slot may take to answer /health
#   STOP_TIMEOUT        90                        seconds a stopping slot may take (process mode; systemd has TimeoutStopSec)
set -euo pipefail

PIXFINO_HOME=${PIXFINO_HOME:-/opt/pixfino}
PIXFINO_JAR=${PIXFINO_JAR:-$PIXFINO_HOME/pixfino-server.jar}
ACTIVE_SLOT_CONF=${ACTIVE_SLOT_CONF:-/etc/nginx/pixfino/active-slot.conf}
NGINX_CMD=${NGINX_CMD:-nginx}
BLUE_PORT=${BLUE_PORT:-8001}
GREEN_PORT=${GREEN_PORT:-8002}
SLOT_CONTROL=${SLOT_CONTROL:-systemd}
JAVA=${JAVA:-java}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-180}
STOP_TIMEOUT=${STOP_TIMEOUT:-90}

say() { printf '%s deploy: %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { say "error: $*" >&2; exit 1; }

port_of() { if [ "$1" = blue ]; then echo "$BLUE_PORT"; else echo "$GREEN_PORT"; fi; }
other_of() { if [ "$1" = blue ]; then echo green; else echo blue; fi; }
slot_dir() { echo "$PIXFINO_HOME/slots/$1"; }

# The active slot, as the nginx include says ("none" before the first deploy).
active_slot() {
    if [ -f "$ACTIVE_SLOT_CONF" ]; then
        sed -n 's/^# slot: \(blue\|green\)$/\1/p' "$ACTIVE_SLOT_CONF" | head -n 1 | grep . || echo none
    else
        echo none
    fi
}

slot_running() {
    local slot=$1
    if [ "$SLOT_CONTROL" = systemd ]; then
        systemctl is-active --quiet "pixfino@$slot"
    else
        local pid_file
        pid_file="$(slot_dir "$slot")/server.pid"
        [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
    fi
}

slot_start() {
    local slot=$1
    if [ "$SLOT_CONTROL" = systemd ]; then
        systemctl start "pixfino@$slot"
    else
        local dir
        dir=$(slot_dir "$slot")
        # the caller's environment carries the shared settings (database, storage); the slot adds its port
        (
            cd "$dir" || exit 1
            PIXFINO_PORT=$(port_of "$slot") nohup "$JAVA" -jar "$dir/pixfino-server.jar" \
                >>"$dir/server.log" 2>&1 </dev/null &
            echo $! >"$dir/server.pid"
        )
    fi
}

# Graceful stop: SIGTERM, then wait (the server drains event streams, requests and running job steps).
slot_stop() {
    local slot=$1
    if [ "$SLOT_CONTROL" = systemd ]; then
        systemctl stop "pixfino@$slot"
        return
    fi
    local pid_file pid waited=0
    pid_file="$(slot_dir "$slot")/server.pid"
    [ -f "$pid_file" ] || return 0
    pid=$(cat "$pid_file")
    if kill -TERM "$pid" 2>/dev/null; then
        while kill -0 "$pid" 2>/dev/null; do
            if [ "$waited" -ge $((STOP_TIMEOUT * 10)) ]; then
                say "$slot did not stop within ${STOP_TIMEOUT}s: killing it"
                kill -KILL "$pid" 2>/dev/null || true
                break
            fi
            sleep 0.1
            waited=$((waited + 1))
        done
    fi
    rm -f "$pid_file"
}

health_of() { curl -fsS --max-time 5 "http://127.0.0.1:$(port_of "$1")/health" 2>/dev/null; }

wait_healthy() {
    local slot=$1 deadline=$((SECONDS + HEALTH_TIMEOUT))
    until health_of "$slot" | grep -q '"status":"ok"'; do
        slot_running "$slot" || return 1
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 1
    done
    # smoke call: a real API route through the database, not only the health check
    curl -fsS --max-time 10 "http://127.0.0.1:$(port_of "$slot")/api/v1/presets" | grep -q '"slug"'
}

# Points nginx at the slot: a new include written beside the old one and moved over it (one rename, never a
# half-written file), checked with nginx -t and reloaded; if the check fails, the previous include comes back.
switch_to() {
    local slot=$1 dir tmp backup
    dir=$(dirname "$ACTIVE_SLOT_CONF")
    tmp=$(mktemp "$dir/.active-slot.XXXXXX")
    backup=$(mktemp "$dir/.active-slot.previous.XXXXXX")
    [ -f "$ACTIVE_SLOT_CONF" ] && cp -p "$ACTIVE_SLOT_CONF" "$backup"
    cat >"$tmp" <<EOF
# Managed by deploy.sh (replaced atomically on each switch): the slot nginx sends traffic to.
# slot: $slot
upstream pixfino_active {
    server 127.0.0.1:$(port_of "$slot");
}
EOF
    chmod 644 "$tmp"
    mv -f "$tmp" "$ACTIVE_SLOT_CONF"
    if $NGINX_CMD -t -q && $NGINX_CMD -s reload; then
        rm -f "$backup"
        return 0
    fi
    if [ -s "$backup" ]; then
        mv -f "$backup" "$ACTIVE_SLOT_CONF"
    else
        rm -f "$backup"
    fi
    return 1
}

cmd_deploy() {
    local jar=${1:-$PIXFINO_JAR} active target dir started
    [ -f "$jar" ] || die "no jar at $jar"
    active=$(active_slot)
    if [ "$active" = none ]; then target=blue; else target=$(other_of "$active"); fi
    dir=$(slot_dir "$target")
    mkdir -p "$dir"
    started=$SECONDS
    if slot_running "$target"; then
        say "stopping the idle slot $target (it ran the release before last)"
        slot_stop "$target"
    fi
    # copy then rename: a slot never starts on a half-copied jar
    cp "$jar" "$dir/.pixfino-server.jar.new"
    mv -f "$dir/.pixfino-server.jar.new" "$dir/pixfino-server.jar"
    say "starting $target on :$(port_of "$target")"
    slot_start "$target"
    if ! wait_healthy "$target"; then
        say "$target did not become healthy: stopping it; $active keeps the traffic"
        slot_stop "$target"
        exit 1
    fi
    say "$target is healthy after $((SECONDS - started))s"
    switch_to "$target" || die "nginx refused the switch to $target; $active keeps the traffic"
    say "switched: active=$target (previous=$active, still running until stop-old)"
}

cmd_rollback() {
    local active target
    active=$(active_slot)
    [ "$active" != none ] || die "nothing deployed yet"
    target=$(other_of "$active")
    slot_running "$target" || die "$target is stopped (stop-old ran): deploy the release you want instead"
    # degraded (a provider's breaker open) still serves; a slot that cannot reach the database does not
    health_of "$target" | grep -q '"database":"ok"' || die "$target does not answer /health with its database: not switching"
    switch_to "$target" || die "nginx refused the switch back to $target"
    say "rolled back: active=$target (previous=$active, still running until stop-old)"
}

cmd_status() {
    local active slot state health version
    active=$(active_slot)
    echo "active=$active"
    for slot in blue green; do
        if slot_running "$slot"; then state=running; else state=stopped; fi
        health=$(health_of "$slot" || true)
        version=$(printf '%s' "$health" | sed -n 's/.*"version":"\([^"]*\)".*/\1/p')
        if printf '%s' "$health" | grep -q '"status":"ok"'; then health=ok; elif [ -n "$health" ]; then health=degraded; else health=none; fi
        echo "$slot port=$(port_of "$slot") state=$state health=$health version=${version:--}$([ "$slot" = "$active" ] && echo ' (active)')"
    done
}

cmd_stop_old() {
    local active old
    active=$(active_slot)
    [ "$active" != none ] || die "nothing deployed yet"
    old=$(other_of "$active")
    if slot_running "$old"; then
        say "stopping $old (graceful)"
        slot_stop "$old"
        say "stopped $old; active=$active"
    else
        say "$old is not running; active=$active"
    fi
}

case "${1:-}" in
    deploy) shift; cmd_deploy "$@" ;;
    rollback) cmd_rollback ;;
    status) cmd_status ;;
    stop-old) cmd_stop_old ;;
    *) echo "usage: $0 deploy [jar] | rollback | status | stop-old" >&2; exit 2 ;;
esac
