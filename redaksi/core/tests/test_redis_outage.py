"""Redis down: pages render from the database, /health/ names Redis, the edition moves on when it returns."""

import time

import pytest
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core import edition
from redaksi.core.edition import FRESH, current_edition, new_edition
from redaksi.newsroom.models import ScheduleHeartbeat
from redaksi.readership.tests.redis_server import restartable_redis
from redaksi.settings.base import redis_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(settings, monkeypatch):
    """The production cache settings pointing at a real redis-server the test can stop, freeze and restart."""
    monkeypatch.setattr(edition.Outage, "retry_at", 0.0)
    monkeypatch.setattr(edition.Outage, "seen", False)
    with restartable_redis() as server:
        settings.REDIS_URL = server.url
        settings.CACHES = {"default": redis_cache(server.url)}
        yield server


def test_with_redis_stopped_every_page_renders_from_the_database(client, redis_server, outlet, news):
    story = ArticlePageFactory(section=news)
    pages = ["/", story.url, news.url, "/en/"]
    assert [client.get(page).status_code for page in pages] == [200] * 4  # the cache holds their fragments now
    redis_server.stop()
    started = time.monotonic()
    responses = [client.get(page) for page in pages]
    assert [response.status_code for response in responses] == [200] * 4
    assert time.monotonic() - started < 4  # no retries with back-off: redis-py's default took seconds per call
    assert story.title in responses[1].text


def test_health_is_503_naming_redis_while_it_is_down(client, redis_server):
    ScheduleHeartbeat.objects.update_or_create(pk=1, defaults={"worker": "test:1", "last_seen": timezone.now()})
    assert client.get("/health/").json() | {"schedule": None} == {
        "status": "ok",
        "database": "ok",
        "redis": "ok",
        "schedule": None,
    }
    redis_server.stop()
    response = client.get("/health/")
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    assert (response.json()["status"], response.json()["database"], response.json()["redis"]) == (
        "degraded",
        "ok",
        "unavailable",
    )


def test_an_unknown_edition_renders_fresh_and_caches_nothing(redis_server):
    redis_server.stop()
    assert current_edition().startswith(FRESH)
    assert current_edition() != current_edition()  # no two renders share a key
    calls = []
    assert edition.cached_for_edition("menu", lambda: calls.append(1) or "computed") == "computed"
    assert edition.cached_for_edition("menu", lambda: calls.append(1) or "computed") == "computed"
    assert len(calls) == 2


def test_a_hung_redis_fails_open_and_the_edition_moves_on_when_it_answers(redis_server, monkeypatch):
    """A change published while Redis was frozen could not start its edition: the next one starts on return."""
    monkeypatch.setattr(edition, "RETRY_AFTER", 0)
    before = current_edition()
    edition.cached_for_edition("menu", lambda: "before the change")
    redis_server.pause()
    try:
        assert new_edition() is None  # what a publish during the outage gets
    finally:
        redis_server.resume()
    after = current_edition()
    assert after > before  # the same Redis, data kept: without the catch-up this would be `before`
    assert edition.cached_for_edition("menu", lambda: "after the change") == "after the change"
    assert current_edition() == after  # once per outage
