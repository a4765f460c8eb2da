"""Readership fixtures: counting in the database unless a test asks for a real Redis."""

import pytest

from redaksi.readership import fallback, pending
from redaksi.readership.pending import redis_client

from .redis_server import running_redis


@pytest.fixture(autouse=True)
def count_in_the_database(settings):
    """Tests count in the database even when the environment sets REDIS_URL; `redis` switches to Redis."""
    settings.REDIS_URL = ""


@pytest.fixture(autouse=True)
def no_reads_held(monkeypatch):
    """Each test starts with no read held in the process and Redis not marked unreachable (fallback.py)."""
    monkeypatch.setattr(pending.Unreachable, "until", 0.0)
    fallback.held.clear()
    fallback.remembered.clear()
    yield
    fallback.held.clear()
    fallback.remembered.clear()


@pytest.fixture(scope="session")
def redis_url():
    with running_redis() as url:
        yield url


@pytest.fixture
def redis(redis_url, settings, count_in_the_database):
    """Count reads in a real, empty Redis (one server for the session); the cache stays in memory."""
    settings.REDIS_URL = redis_url
    client = redis_client(redis_url)
    client.flushall()
    yield client
    client.flushall()


@pytest.fixture
def redis_cache(redis, settings):
    """Django's cache in the same Redis, as in production: the read dedupe is shared by every app server."""
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": settings.REDIS_URL}}
    return redis
