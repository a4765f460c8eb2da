#!/bin/sh
# The production-like stack on loopback (docs/deployment.md): PostgreSQL, Redis, gunicorn workers, the schedule
# worker and Varnish in front, all state under $PROD_LOCAL_DIR (default var/prod-local).
# Usage: tools/prod-local.sh start|stop|status
# Ports: PROD_LOCAL_EDGE_PORT (8080), PROD_LOCAL_APP_PORT (8001), PROD_LOCAL_PG_PORT (5433), PROD_LOCAL_REDIS_PORT (6380).
# PROD_LOCAL_DEMO_STORIES: corpus stories load_demo adds to an empty database (default 300).
set -eu
cd "$(dirname "$0")/.."
repo=$(pwd)
PY=${PY:-$repo/.venv/bin/python}
mkdir -p "${PROD_LOCAL_DIR:-var/prod-local}"
dir=$(cd "${PROD_LOCAL_DIR:-var/prod-local}" && pwd)
edge_port=${PROD_LOCAL_EDGE_PORT:-8080}
app_port=${PROD_LOCAL_APP_PORT:-8001}
pg_port=${PROD_LOCAL_PG_PORT:-5433}
redis_port=${PROD_LOCAL_REDIS_PORT:-6380}
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run="$dir/run"
log="$dir/log"

as_postgres() {
    if [ "$(id -u)" = 0 ]; then (cd "$dir" && runuser -u postgres -- "$@"); else "$@"; fi
}

say() { echo "prod-local: $*"; }
fail() { echo "prod-local: $*" >&2; exit 1; }

alive() {  # alive PIDFILE: the process named in the pidfile is running
    [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

pg_alive() { as_postgres "$pgbin/pg_ctl" -D "$dir/pg" status >/dev/null 2>&1; }

port_free() {  # port_free PORT NAME VARIABLE: fail naming the variable to change when something listens there
    if "$PY" -c "import socket, sys; sys.exit(socket.socket().connect_ex(('127.0.0.1', $1)) != 0)"; then
        fail "127.0.0.1:$1 is taken by another program; choose a free port for $2 with $3"
    fi
}

wait_for() {  # wait_for SECONDS NAME COMMAND...: poll until COMMAND succeeds
    limit=$1 name=$2
    shift 2
    i=0
    until "$@" >/dev/null 2>&1; do
        i=$((i + 1))
        [ "$i" -le $((limit * 4)) ] || fail "$name did not come up in ${limit}s; see $log/"
        sleep 0.25
    done
}

answers() {  # answers URL: an HTTP server answers there, whatever the status
    "$PY" -c "import sys, urllib.error, urllib.request
try:
    urllib.request.urlopen(sys.argv[1], timeout=2)
except urllib.error.HTTPError:
    pass" "$1"
}

secret() {  # secret FILE: a random value made once per stack and kept (mode 600)
    [ -s "$1" ] || (umask 077 && "$PY" -c "import secrets; print(secrets.token_urlsafe(40))" >"$1")
    cat "$1"
}

write_env() {
    pg_password=$(secret "$dir/pg-password")
    secret_key=$(secret "$dir/secret-key")
    cat >"$dir/env" <<EOF
# Written by tools/prod-local.sh start: \`set -a; . $dir/env; set +a\` to run manage.py against this stack.
export DJANGO_SETTINGS_MODULE='redaksi.settings.production'
export DATABASE_URL='postgres://redaksi:$pg_password@127.0.0.1:$pg_port/redaksi'
export REDIS_URL='redis://127.0.0.1:$redis_port/0'
export EDGE_CACHE_URL='http://127.0.0.1:$edge_port'
export SECRET_KEY='$secret_key'
export ALLOWED_HOSTS='127.0.0.1,localhost'
export CSRF_TRUSTED_ORIGINS='http://127.0.0.1:$edge_port,http://127.0.0.1:$app_port'
export SECURE_COOKIES='false'
export SECURE_SSL_REDIRECT='false'  # plain http on loopback: no TLS in front
export WAGTAILADMIN_BASE_URL='http://127.0.0.1:$edge_port'
export REDAKSI_VAR_DIR='$dir/var'
export REDAKSI_SERVE_MEDIA='1'
EOF
    chmod 600 "$dir/env"
}

start_postgres() {
    pg_alive && return
    if [ ! -s "$dir/pg/PG_VERSION" ]; then
        mkdir -p "$dir/pg"
        [ "$(id -u)" = 0 ] && chown postgres: "$dir/pg" && chmod 700 "$dir/pg"
        as_postgres test -w "$dir/pg" || fail "the postgres user cannot write $dir/pg: put PROD_LOCAL_DIR where it can"
        secret "$dir/pg-password" >/dev/null
        [ "$(id -u)" = 0 ] && chown postgres: "$dir/pg-password"
        as_postgres "$pgbin/initdb" -D "$dir/pg" -U redaksi --pwfile="$dir/pg-password" --auth=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 >"$log/initdb.log"
        # Production-like: durable commits (fsync on), modest memory for a machine shared with the app.
        cat >>"$dir/pg/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = on
synchronous_commit = on
shared_buffers = 128MB
effective_cache_size = 512MB
work_mem = 8MB
max_connections = 100
EOF
    fi
    port_free "$pg_port" PostgreSQL PROD_LOCAL_PG_PORT
    touch "$log/postgresql.log"
    [ "$(id -u)" = 0 ] && chown postgres: "$log/postgresql.log"
    as_postgres "$pgbin/pg_ctl" -D "$dir/pg" -l "$log/postgresql.log" -w -o "-p $pg_port" start >/dev/null
    if ! PGPASSWORD=$(cat "$dir/pg-password") "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U redaksi -d postgres -tAc \
        "select 1 from pg_database where datname = 'redaksi'" | grep -q 1; then
        PGPASSWORD=$(cat "$dir/pg-password") "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U redaksi redaksi
    fi
}

start_redis() {
    alive "$run/redis.pid" && return
    port_free "$redis_port" Redis PROD_LOCAL_REDIS_PORT
    mkdir -p "$dir/redis"
    # RDB snapshots (Terpopuler counters survive a restart); the cache itself could be lost without harm.
    redis-server --port "$redis_port" --bind 127.0.0.1 --daemonize yes --dir "$dir/redis" \
        --pidfile "$run/redis.pid" --logfile "$log/redis.log" --save "3600 1 300 100 60 10000" --appendonly no
    wait_for 10 Redis redis-cli -p "$redis_port" ping
}

prepare_app() {
    # collectstatic needs no database: hash and compress the static files while migrations run.
    "$PY" manage.py collectstatic --noinput >"$log/collectstatic.log" 2>&1 &
    collecting=$!
    "$PY" manage.py migrate --noinput >"$log/migrate.log"
    wait "$collecting" || fail "collectstatic failed: see $log/collectstatic.log"
}

load_demo_once() {  # after Varnish is up: publishing the demo stories purges the edge
    users=$(PGPASSWORD=$(cat "$dir/pg-password") "$pgbin/psql" -h 127.0.0.1 -p "$pg_port" -U redaksi -d redaksi \
        -tAc "select count(*) from newsroom_user")
    if [ "$users" = 0 ]; then
        say "empty database: loading the demo outlet"
        "$PY" manage.py load_demo --stories "${PROD_LOCAL_DEMO_STORIES:-300}"
    fi
}

start_gunicorn() {
    alive "$run/gunicorn.pid" && return
    port_free "$app_port" gunicorn PROD_LOCAL_APP_PORT
    "$repo/.venv/bin/gunicorn" -c deploy/gunicorn.conf.py --bind "127.0.0.1:$app_port" --daemon \
        --pid "$run/gunicorn.pid" --error-logfile "$log/gunicorn.log" --capture-output
    wait_for 60 gunicorn answers "http://127.0.0.1:$app_port/health/"
}

start_worker() {
    alive "$run/worker.pid" && return
    nohup "$PY" manage.py run_schedule </dev/null >>"$log/worker.log" 2>&1 &
    echo $! >"$run/worker.pid"
}

start_varnish() {
    alive "$run/varnishd.pid" && return
    port_free "$edge_port" Varnish PROD_LOCAL_EDGE_PORT
    [ -s deploy/varnish/redaksi.vcl ] || fail "deploy/varnish/redaksi.vcl is missing"
    mkdir -p "$dir/varnish"
    printf 'backend default { .host = "127.0.0.1"; .port = "%s"; }\n' "$app_port" >"$dir/varnish/backend.vcl"
    /usr/sbin/varnishd -n "$dir/varnish/work" -a "127.0.0.1:$edge_port" -s malloc,256M \
        -p "vcl_path=$dir/varnish:$repo/deploy/varnish" -f "$repo/deploy/varnish/redaksi.vcl" -P "$run/varnishd.pid" >"$log/varnishd.log" 2>&1
    wait_for 20 Varnish answers "http://127.0.0.1:$edge_port/health/"
}

all_alive() {
    pg_alive && alive "$run/redis.pid" && alive "$run/gunicorn.pid" && alive "$run/worker.pid" \
        && alive "$run/varnishd.pid"
}

urls() {
    say "readers  http://127.0.0.1:$edge_port/  (Varnish)"
    say "app      http://127.0.0.1:$app_port/  (gunicorn, no edge cache)"
    say "admin    http://127.0.0.1:$edge_port/admin/  (user admin; load_demo printed the password at the first start)"
    say "shell    set -a; . $dir/env; set +a; $PY manage.py ...   logs: $log/"
}

start() {
    mkdir -p "$run" "$log" "$dir/var"
    if all_alive; then
        say "already running"
        urls
        return
    fi
    write_env
    set -a
    . "$dir/env"
    set +a
    start_postgres
    start_redis
    prepare_app
    start_worker
    start_gunicorn
    start_varnish
    load_demo_once
    say "started"
    urls
}

stop_pid() {  # stop_pid NAME PIDFILE: SIGTERM, then wait (gunicorn lets requests finish), SIGKILL after 30 s
    if alive "$2"; then
        pid=$(cat "$2")
        kill -TERM "$pid"
        i=0
        while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 120 ]; do
            i=$((i + 1))
            sleep 0.25
        done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
        say "$1 stopped"
    fi
    rm -f "$2"
}

stop() {
    stop_pid Varnish "$run/varnishd.pid"
    stop_pid gunicorn "$run/gunicorn.pid"
    stop_pid "schedule worker" "$run/worker.pid"
    stop_pid Redis "$run/redis.pid"
    if [ -s "$dir/pg/PG_VERSION" ] && pg_alive; then
        as_postgres "$pgbin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null
        say "PostgreSQL stopped"
    fi
}

show() {  # show NAME PIDFILE ADDRESS
    if alive "$2"; then say "$1 running (pid $(cat "$2")) on $3"; else say "$1 stopped"; fi
}

status() {
    if [ -s "$dir/pg/PG_VERSION" ] && pg_alive; then
        say "PostgreSQL running (pid $(head -n 1 "$dir/pg/postmaster.pid")) on 127.0.0.1:$pg_port"
    else
        say "PostgreSQL stopped"
    fi
    show Redis "$run/redis.pid" "127.0.0.1:$redis_port"
    show gunicorn "$run/gunicorn.pid" "127.0.0.1:$app_port"
    show "schedule worker" "$run/worker.pid" "(no port)"
    show Varnish "$run/varnishd.pid" "127.0.0.1:$edge_port"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*) fail "usage: tools/prod-local.sh start|stop|status" ;;
esac
