#!/bin/sh
# Install the Debian packages a target needs, only when missing. Usage: tools/system-deps.sh demo|test|prod|bench
set -eu

need=""
probe=$(mktemp -d)
python3 -m venv "$probe/venv" >/dev/null 2>&1 || need="$need python3-venv"  # Debian splits venv/ensurepip out
rm -rf "$probe"
if [ "${1:-demo}" = test ]; then
    [ -x /usr/bin/chromium ] || need="$need chromium"
    command -v npm >/dev/null 2>&1 || need="$need nodejs npm"  # npm ci: axe-core for the browser tests
fi
case "${1:-demo}" in test|prod|bench)  # the cache tests, `make prod-local` and `make bench` run real servers
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need="$need postgresql"
    command -v redis-server >/dev/null 2>&1 || need="$need redis-server"
    [ -x /usr/sbin/varnishd ] || need="$need varnish"
    ls /usr/lib/*/varnish/vmods/libvmod_vsthrottle.so >/dev/null 2>&1 || need="$need varnish-modules"  # the miss bound
esac
[ "${1:-demo}" = bench ] && { command -v wrk >/dev/null 2>&1 || need="$need wrk"; }
[ -z "$need" ] && exit 0

if [ "$(id -u)" != 0 ]; then
    echo "Missing Debian packages:$need — install them as root (apt-get install$need)." >&2
    exit 1
fi
echo "Installing Debian packages:$need"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q $need
