#!/bin/sh
# `make demo`: the schedule worker in the background, the development server in the foreground.
# When the server stops (Ctrl-C, or it exits on its own) the worker is stopped too.
# Usage: tools/demo-serve.sh [ADDRESS:PORT]   (default 127.0.0.1:8000; PY overrides the Python)
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}

"$PY" manage.py run_schedule &
worker=$!
trap 'kill -TERM "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$PY" manage.py runserver "${1:-127.0.0.1:8000}"
