"""Gunicorn for Redaksi: `gunicorn -c deploy/gunicorn.conf.py redaksi.wsgi:application` (docs/deployment.md).

Command-line flags override these values: tools/prod-local.sh passes its own bind, pidfile and log files.
"""

import multiprocessing
import os

wsgi_app = "redaksi.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")

# Sync workers, one request each. A request spends part of its time waiting on PostgreSQL and Redis, so
# gunicorn's rule of thumb, 2 x cores + 1, keeps every core busy while some workers wait; WEB_CONCURRENCY
# overrides it (fewer on a machine shared with the database, more when queries are slow).
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
worker_class = "sync"
# Load Django once in the master: workers fork with the code already imported (less memory, faster restarts).
preload_app = True

# Recycle each worker after 20,000 to 22,000 requests (a slow leak never grows far: docs/security.md); the jitter
# keeps the workers from restarting all at once.
max_requests = 20000  # a leak guard: each restart costs a cold worker (templates, DB connection)
max_requests_jitter = 2000

timeout = 30  # a worker silent for longer is killed and replaced
graceful_timeout = 20  # on restart or stop, requests in flight get this long to finish
keepalive = 5  # seconds an idle connection from the edge cache stays open

accesslog = None  # the edge cache or load balancer logs every request; the app logs only errors
errorlog = "-"
loglevel = "info"
