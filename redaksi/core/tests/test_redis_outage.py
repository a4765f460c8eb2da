"""Redis down: pages render from the database, /health/ names Redis, the edition moves on when it returns."""

import time

import pytest
import redis
from django.db import DatabaseError
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core import edition
from redaksi.core.edition import FRESH, Outage, current_edition, new_edition
from redaksi.core.models import PendingEdition
from redaksi.newsroom.models import ScheduleHeartbeat
from redaksi.readership.tests.redis_server import restartable_redis
from redaksi.settings.base import redis_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server(settings, monkeypatch):
    """The production cache settings pointing at a real redis-server the test can stop, freeze and restart."""
    for name, value in fresh_process().items():
        monkeypatch.setattr(Outage, name, value)
    monkeypatch.setattr(edition, "RETRY_AFTER", 0)  # ask the cache again at once, as a second later would
    with restartable_redis() as server:
        settings.REDIS_URL = server.url
        settings.CACHES = {"default": redis_cache(server.url)}
        yield server


def fresh_process(**state):
    """An app process's view of the cache (edition.Outage): the defaults of a new process, updated by `state`."""
    return {"retry_at": 0.0, "seen": False, "last_edition": None, "owed": False, **state}


def become(state):
    """Make this test process look like another app process; return the state it had."""
    mine = {name: getattr(Outage, name) for name in fresh_process()}
    for name, value in state.items():
        setattr(Outage, name, value)
    return mine


def restart_keeping_data(server):
    """Stop and start Redis with its data, as a server with persistence comes back (a snapshot on shutdown)."""
    redis.Redis.from_url(server.url).save()
    server.stop()
    assert current_edition().startswith(FRESH)  # this process sees the outage
    server.start()


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


def test_a_hung_redis_fails_open_and_the_edition_moves_on_when_it_answers(redis_server):
    """A change published while Redis was frozen could not start its edition: the next one starts on return."""
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


def test_health_names_redis_again_within_seconds_of_its_return(client, redis_server):
    ScheduleHeartbeat.objects.update_or_create(pk=1, defaults={"worker": "test:1", "last_seen": timezone.now()})
    assert client.get("/health/").json()["redis"] == "ok"
    redis_server.stop()
    assert (client.get("/health/").status_code, client.get("/health/").json()["redis"]) == (503, "unavailable")
    redis_server.start()
    started = time.monotonic()
    while (response := client.get("/health/")).status_code != 200 and time.monotonic() - started < 10:
        time.sleep(0.1)
    assert response.json()["redis"] == "ok"
    assert time.monotonic() - started < 2


def test_an_outage_without_changes_keeps_the_edition_and_its_fragments(redis_server):
    """The fragments from before the outage serve at once: no process renders everything again after it."""
    before = current_edition()
    edition.cached_for_edition("menu", lambda: "before the outage")
    restart_keeping_data(redis_server)
    assert current_edition() == before
    assert edition.cached_for_edition("menu", lambda: "rendered again") == "before the outage"


def test_a_change_during_the_outage_starts_one_new_edition_for_every_process(redis_server):
    """The publishing process leaves the edition it could not start in the database; whoever is back first starts
    it, and the others (the publisher too) find it started."""
    before = current_edition()
    edition.cached_for_edition("menu", lambda: "before the change")
    redis.Redis.from_url(redis_server.url).save()
    redis_server.stop()
    assert new_edition() is None  # a story published during the outage
    assert PendingEdition.objects.count() == 1
    redis_server.start()
    publisher = become(fresh_process(seen=True, last_edition=before))  # a reader process is back first
    started = current_edition()
    assert started > before
    become(publisher)
    assert current_edition() == started
    assert not PendingEdition.objects.exists()
    assert edition.cached_for_edition("menu", lambda: "after the change") == "after the change"


def test_a_cache_back_from_an_older_snapshot_starts_a_new_edition(redis_server):
    """Redis restored from a snapshot taken before the last change: its edition is older than this process saw."""
    edition.cached_for_edition("menu", lambda: "before the change")
    redis.Redis.from_url(redis_server.url).save()
    seen = new_edition()  # the change after the snapshot: lost with the restart
    redis_server.stop()
    assert current_edition().startswith(FRESH)
    redis_server.start()
    assert current_edition() >= seen
    assert edition.cached_for_edition("menu", lambda: "after the change") == "after the change"


def test_a_pending_edition_the_database_cannot_keep_is_started_by_its_process(redis_server, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("database down too")

    monkeypatch.setattr(PendingEdition.objects, "update_or_create", refuse)
    before = current_edition()
    redis.Redis.from_url(redis_server.url).save()
    redis_server.stop()
    assert new_edition() is None
    redis_server.start()
    assert current_edition() > before
