"""Retry a reader's GET once when its database connection dropped (a restart, a failover, a killed backend).

A persistent connection (CONN_MAX_AGE) outlives a PostgreSQL restart on the client side only: the next query
on it fails with OperationalError or InterfaceError, and so does a connect while the server is still coming
up. For GET and HEAD (which change nothing) the request is run once more on a new connection, after waiting
up to WAIT_FOR_DATABASE for the database to take connections again. Other methods are never retried: a POST
may have done part of its work. Errors on a connection that still works (a statement timeout, a lock) are
not retried either: running them again would only double the load.

Django turns an exception into a 500 response inside every middleware layer, so the error is recognised
from the `got_request_exception` signal, which carries the request while the exception is being handled.
The first attempt is still logged by `django.request`; the retry logs a warning.
"""

import logging
import sys
import time

from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.dispatch import receiver

logger = logging.getLogger(__name__)

RETRIED_METHODS = frozenset({"GET", "HEAD"})
WAIT_FOR_DATABASE = 1.0  # seconds: a restart (0.4 s measured on the local stack) fits; a long outage does not
POLL_EVERY = 0.1  # seconds between connection attempts while waiting
DROPPED = "_redaksi_database_connection_dropped"


class RetryDroppedConnectionMiddleware:
    """First in MIDDLEWARE, so a dropped connection anywhere (sessions, sites, the view, the template) is retried."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, DROPPED, False) and request.method in RETRIED_METHODS:
            setattr(request, DROPPED, False)
            logger.warning("database connection dropped: retrying %s %s once", request.method, request.path)
            reconnect()
            response = self.get_response(request)
        return response


@receiver(got_request_exception)
def note_dropped_connection(sender, request=None, **kwargs):
    """Mark the request when the exception being handled is a lost database connection."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, OperationalError | InterfaceError) and connection_lost():
        setattr(request, DROPPED, True)


def connection_lost():
    """Whether a database connection of this thread is closed or no longer answers."""
    return any(db.connection is None or not db.is_usable() for db in connections.all(initialized_only=True))


def reconnect():
    """Close every connection of this thread, then wait up to WAIT_FOR_DATABASE until the default one opens."""
    for db in connections.all(initialized_only=True):
        try:
            db.close()
        except DatabaseError:
            db.connection = None  # broken beyond closing: drop it, Django connects afresh
    deadline = time.monotonic() + WAIT_FOR_DATABASE
    while True:
        try:
            connections["default"].ensure_connection()
            return
        except DatabaseError:
            if time.monotonic() >= deadline:
                return  # the retry fails as the first attempt did
            time.sleep(POLL_EVERY)
