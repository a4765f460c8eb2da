"""Site plumbing views."""

import logging

from django.db import Error as DatabaseError
from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe

from redaksi.core.wib import iso_wib
from redaksi.newsroom.schedule import schedule_status

logger = logging.getLogger(__name__)

UNKNOWN_SCHEDULE = {"overdue": None, "worker_last_seen": None, "worker_stale": None}


@require_safe
def health(request):
    """Database and schedule health as JSON for monitoring: 200 when all is well, 503 when someone must act."""
    try:
        status = schedule_status()
    except DatabaseError as error:
        logger.warning("health check: database unavailable: %s", error)
        body = {"status": "degraded", "database": "unavailable", "schedule": UNKNOWN_SCHEDULE}
    else:
        last_seen = iso_wib(status.last_seen)
        schedule = {"overdue": status.overdue, "worker_last_seen": last_seen, "worker_stale": status.worker_stale}
        body = {"status": "degraded" if status.alarm else "ok", "database": "ok", "schedule": schedule}
    response = JsonResponse(body, status=200 if body["status"] == "ok" else 503)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request):
    """Render the 500 page from a template alone: no context processors, no database, which may be what failed.

    Never cached: a shared cache must not keep serving an error after the fault is fixed.
    """
    response = HttpResponseServerError(loader.get_template("500.html").render())
    response["Cache-Control"] = "no-store"
    return response
