"""The embedded SQLite with several writers: a short stall makes a writer wait, never fail with "database is locked".

Real connections to one database file, opened with the settings' SQLite options as the web server and the
schedule worker open it, each writing in a Django transaction; the control without a wait shows the stall is real.
"""

import threading
import time
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction

STALL = 0.5  # seconds one writer holds the lock: a heartbeat, an autosave and a save arriving together


@contextmanager
def connection_to(path, name, **options):
    """A connection alias to the SQLite file at `path` with the settings' options (and `options` over them)."""
    alias = f"sqlite-writers-{name}"
    connections.settings[alias] = {
        **connections.settings["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {**settings.SQLITE_OPTIONS, **options},
        "CONN_MAX_AGE": 0,
    }
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]
        del connections.settings[alias]


def write(alias, value, stall=0.0, started=None):
    """Read, then write in one transaction, as a save does; hold the transaction `stall` seconds."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM heartbeat")
        cursor.execute("INSERT INTO heartbeat (at) VALUES (%s)", [value])
        if started:
            started.set()
        time.sleep(stall)


@pytest.fixture
def database_file(tmp_path, django_db_blocker):
    """A fresh SQLite file outside the test database (which pytest-django guards, hence the unblock)."""
    with django_db_blocker.unblock():
        yield make_database(tmp_path)


def make_database(tmp_path):
    path = tmp_path / "redaksi.sqlite3"
    with connection_to(path, "setup") as alias, connections[alias].cursor() as cursor:
        cursor.execute("CREATE TABLE heartbeat (at INTEGER)")
    return path


def save_during_stall(path, **options):
    """Write from a second connection while a first one holds a write transaction; return the rows after both."""
    started = threading.Event()

    def stalled_writer():
        with connection_to(path, "worker") as alias:
            write(alias, 1, stall=STALL, started=started)

    worker = threading.Thread(target=stalled_writer)
    worker.start()
    started.wait()
    try:
        with connection_to(path, "editor", **options) as alias:
            write(alias, 2)
            with connections[alias].cursor() as cursor:
                return cursor.execute("SELECT count(*) FROM heartbeat").fetchone()[0]
    finally:
        worker.join()


def test_the_embedded_database_runs_in_wal_mode(database_file):
    with connection_to(database_file, "reader") as alias, connections[alias].cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_writer_waits_out_a_short_stall_instead_of_failing(database_file):
    assert settings.SQLITE_OPTIONS["timeout"] > STALL * 4
    assert save_during_stall(database_file) == 2


def test_without_a_busy_timeout_the_same_stall_fails(database_file):
    with pytest.raises(OperationalError, match="database is locked"):
        save_during_stall(database_file, timeout=0)


def test_without_immediate_transactions_the_same_stall_fails_despite_the_timeout(database_file):
    with pytest.raises(OperationalError, match="database is locked"):
        save_during_stall(database_file, transaction_mode="DEFERRED")
