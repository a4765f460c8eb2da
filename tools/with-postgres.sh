#!/bin/sh
# Run a command against a throwaway PostgreSQL cluster on loopback, then remove the cluster.
# Usage: tools/with-postgres.sh COMMAND... (DATABASE_URL is set for the command)
set -eu

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d /tmp/redaksi-pg.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_postgres() {
    if [ "$(id -u)" = 0 ]; then (cd "$dir" && runuser -u postgres -- "$@"); else "$@"; fi
}

cleanup() {
    as_postgres "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

[ "$(id -u)" = 0 ] && chown postgres: "$dir"
as_postgres "$pgbin/initdb" -D "$dir/data" -U redaksi --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
as_postgres "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U redaksi redaksi

echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (in $dir)"
DATABASE_URL="postgres://redaksi@127.0.0.1:$port/redaksi" "$@"
