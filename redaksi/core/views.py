"""Site plumbing views."""

import functools
import logging

import redis
from django.conf import settings
from django.db import Error as DatabaseError
from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_safe
from redis.backoff import NoBackoff
from redis.retry import Retry

from redaksi.core.wib import iso_wib
from redaksi.newsroom.schedule import schedule_status

logger = logging.getLogger(__name__)

UNKNOWN_SCHEDULE = {"overdue": None, "worker_last_seen": None, "worker_stale": None}
REDIS_TIMEOUT = 1  # seconds: a hung Redis is reported as down, not waited for


@require_safe
def health(request):
    """Database, Redis and schedule health as JSON: 200 when all is well, 503 naming the part that is down."""
    body = database_and_schedule()
    if settings.REDIS_URL:
        body["redis"] = redis_status()
    down = body["database"] != "ok" or body.get("redis", "ok") != "ok" or body["schedule_alarm"]
    del body["schedule_alarm"]
    body = {"status": "degraded" if down else "ok", **body}
    response = JsonResponse(body, status=503 if down else 200)
    response["Cache-Control"] = "no-store"
    return response


def database_and_schedule():
    try:
        status = schedule_status()
    except DatabaseError as error:
        logger.warning("health check: database unavailable: %s", error)
        return {"database": "unavailable", "schedule": UNKNOWN_SCHEDULE, "schedule_alarm": False}
    last_seen = iso_wib(status.last_seen)
    schedule = {"overdue": status.overdue, "worker_last_seen": last_seen, "worker_stale": status.worker_stale}
    return {"database": "ok", "schedule": schedule, "schedule_alarm": status.alarm}


def redis_status():
    """ "ok" when Redis (the cache, the edition, the waiting read counts) answers a PING, else "unavailable"."""
    try:
        redis_client(settings.REDIS_URL).ping()
    except redis.RedisError as error:
        logger.warning("health check: redis unavailable: %s", error)
        return "unavailable"
    return "ok"


@functools.cache
def redis_client(url):
    timeouts = {"socket_timeout": REDIS_TIMEOUT, "socket_connect_timeout": REDIS_TIMEOUT}
    return redis.Redis.from_url(url, retry=Retry(NoBackoff(), 1), **timeouts)  # once: a pre-restart connection


@requires_csrf_token
def server_error(request):
    """Render the 500 page from a template alone: no context processors, no database, which may be what failed.

    Never cached: a shared cache must not keep serving an error after the fault is fixed.
    """
    response = HttpResponseServerError(loader.get_template("500.html").render())
    response["Cache-Control"] = "no-store"
    return response
