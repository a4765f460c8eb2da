"""A real database outage for tests, no mocks: the database itself refuses Django's default connection.

PostgreSQL: the test database stops accepting connections and every other backend is terminated, which is
what clients see while the server restarts (`terminating connection due to administrator command`, then
`database ... is not currently accepting connections`). SQLite has no server to restart: a second
connection holds a write lock on `table`, as another process would, and Django's queries of it fail with
`database table is locked`. Use with `django_db(transaction=True)`: a test transaction cannot survive this.
"""

import sqlite3
from contextlib import contextmanager

from django.db import connection


@contextmanager
def database_outage(table="wagtailcore_revision"):
    """Inside the block Django's default connection fails; after it the database answers again."""
    if connection.vendor == "postgresql":
        with postgresql_restart():
            yield
    else:
        with sqlite_write_lock(table):
            yield


@contextmanager
def postgresql_restart():
    database = connection.settings_dict["NAME"]

    def allow_connections(allow, terminate=False):
        with connection._nodb_cursor() as cursor:  # from the "postgres" database, as Django's test setup does
            cursor.execute(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS {str(allow).lower()}')
            if terminate:
                cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [database])

    allow_connections(False, terminate=True)
    try:
        yield
    finally:
        allow_connections(True)


@contextmanager
def sqlite_write_lock(table):
    other = sqlite3.connect(connection.settings_dict["NAME"], uri=True, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute(f"UPDATE {table} SET id = id")  # noqa: S608 - a table name from the test, not input
    try:
        with short_busy_timeout():
            yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@contextmanager
def short_busy_timeout(seconds=0.1):
    """Fail a locked write after `seconds`, not the settings' 20: the outage is under test, not the wait.

    Set for the open connection and for any Django opens inside the block (a worker reconnects after an error).
    """
    options = connection.settings_dict["OPTIONS"]
    saved = options["timeout"]
    options["timeout"] = seconds
    set_busy_timeout(seconds)
    try:
        yield
    finally:
        options["timeout"] = saved
        set_busy_timeout(saved)


def set_busy_timeout(seconds):
    if connection.connection is not None:
        connection.connection.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")


@contextmanager
def read_outage(table):
    """Inside the block reading `table` fails, as in an outage; reads of SQLite in WAL mode pass a writer's lock,
    so there the table is renamed away on Django's own connection (inside the test's transaction)."""
    if connection.vendor == "postgresql":
        with postgresql_restart():
            yield
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_away")  # noqa: S608 - a table name from the test
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table}_away RENAME TO {table}")  # noqa: S608
