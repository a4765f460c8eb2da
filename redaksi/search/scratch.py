"""A throwaway database for one search evaluation run, and the child process that works in it.

Why a child process: Django reads DATABASE_URL once, when the settings load, and then keeps connections,
content types, sites and cached synonyms per process. A fresh `manage.py search_run` whose DATABASE_URL
names the throwaway database cannot touch any other (the parent opens none), starts with empty caches, and
runs the same settings and code as any other command; the parent only checks the input, creates the
database and removes it, also when the child fails or the run is interrupted (Ctrl-C, SIGTERM). The child's
REDAKSI_VAR_DIR is a temporary folder and REDIS_URL is unset, so its cache (which holds the synonym table)
is its own, never the site's.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

from .evaluation import EvaluationError, checked

SERVER_SCHEMES = ("postgres", "postgresql")


def run_in_scratch(spec, server_url=None):
    """Check the input, then file, index and rank in a child on a throwaway database; return its (out, err)."""
    if server_url is not None and urlsplit(server_url).scheme not in SERVER_SCHEMES:
        raise EvaluationError("--database-url must be a PostgreSQL server URL (postgres://user@host:port/dbname)")
    spec, _stories, _topics = checked(spec)
    with terminate_as_interrupt(), scratch_database(server_url) as (url, name, folder):
        return run_child(spec, url, name, folder)


def run_child(spec, url, name, folder):
    """Run search_run for `spec` in a new manage.py on database `url`; raise with its error output if it fails."""
    env = {**os.environ, "DATABASE_URL": url, "REDAKSI_VAR_DIR": str(folder)}
    env.pop("REDIS_URL", None)
    manage = str(Path(settings.BASE_DIR) / "manage.py")
    command = [sys.executable, manage, "search_run", *spec.argv(), "--scratch-database", name]
    child = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if child.returncode:
        raise EvaluationError(f"search_run failed in its throwaway database:\n{child.stderr.strip()[-3000:]}")
    return child.stdout, child.stderr


@contextmanager
def scratch_database(server_url=None):
    """Yield (DATABASE_URL, database name, var folder) of a new, empty database; remove it afterwards.

    SQLite (default): a file in a temporary folder. PostgreSQL: a uniquely named database on the server of
    `server_url`, dropped with its connections.
    """
    folder = Path(tempfile.mkdtemp(prefix="redaksi-search-run-"))
    try:
        if server_url is None:
            path = folder / "search-run.sqlite3"
            yield f"sqlite:///{path}", str(path), folder
        else:
            name = f"redaksi_search_run_{uuid.uuid4().hex[:12]}"
            server_sql(server_url, "CREATE DATABASE {}", name)
            try:
                yield database_url(server_url, name), name, folder
            finally:
                server_sql(server_url, "DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def database_url(server_url, name):
    """The URL of database `name` on the server of `server_url` (same user, host, port and options)."""
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


def server_sql(server_url, statement, name):
    """Run one CREATE/DROP DATABASE `name` statement on the server, outside a transaction."""
    import psycopg
    from psycopg import sql

    try:
        with psycopg.connect(server_url, autocommit=True) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(name)))
    except psycopg.Error as error:
        raise EvaluationError(f"--database-url: {statement.split(' {}')[0]} {name} failed: {error}") from error


@contextmanager
def terminate_as_interrupt():
    """Meanwhile, make SIGTERM stop the run as Ctrl-C does, so the throwaway database is still removed."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def interrupt(signum, frame):
    raise KeyboardInterrupt
