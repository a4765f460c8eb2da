"""Redis down: the pixel answers, reads are held in the process and written to the database, none lost."""

import pytest
from django.urls import reverse

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership import fallback, pending
from redaksi.readership.models import HourlyReads
from redaksi.settings.base import redis_cache

from .redis_server import restartable_redis
from .test_bots import READERS

pytestmark = pytest.mark.django_db

ANDROID = READERS["Chrome on Android"]


@pytest.fixture
def redis_server(settings, monkeypatch):
    """Counting and the read dedupe in a real redis-server (the production cache settings) the test can stop."""
    monkeypatch.setattr(pending.Unreachable, "until", 0.0)
    monkeypatch.setattr(pending, "RETRY_AFTER", 0)
    fallback.held.clear()
    fallback.remembered.clear()
    with restartable_redis() as server:
        settings.REDIS_URL = server.url
        settings.CACHES = {"default": redis_cache(server.url)}
        yield server
    fallback.held.clear()
    fallback.remembered.clear()


def read(client, story, address, user_agent=ANDROID):
    url = reverse("count_read", kwargs={"article_id": story.pk})
    response = client.get(url, headers={"User-Agent": user_agent}, REMOTE_ADDR=address)
    assert response.status_code == 200
    return response


def reads_of(story):
    return sum(HourlyReads.objects.filter(article_id=story.pk).values_list("reads", flat=True))


def test_reads_during_an_outage_are_held_then_written_none_lost(client, news, redis_server, monkeypatch):
    story = ArticlePageFactory(section=news)
    read(client, story, "192.0.2.1")
    redis_server.stop()
    for reader in range(2, 6):
        read(client, story, f"192.0.2.{reader}")
    assert sum(fallback.held.values()) == 4 and reads_of(story) == 0  # held, one write per FLUSH_EVERY
    monkeypatch.setattr(fallback, "FLUSH_EVERY", 0)
    read(client, story, "192.0.2.6")  # the oldest held read is due: all are written
    assert reads_of(story) == 5 and not fallback.held
    redis_server.start()
    read(client, story, "192.0.2.7")
    pending.flush_reads()  # the worker's pass; the read before the outage went with the restarted Redis
    assert reads_of(story) == 6


def test_a_reader_reloading_during_the_outage_counts_once(client, news, redis_server):
    story = ArticlePageFactory(section=news)
    redis_server.stop()
    for _reload in range(3):
        read(client, story, "192.0.2.1")
    assert sum(fallback.held.values()) == 1


def test_held_reads_are_written_when_the_process_exits(client, news, redis_server):
    story = ArticlePageFactory(section=news)
    redis_server.stop()
    read(client, story, "192.0.2.1")
    read(client, story, "192.0.2.2")
    fallback.write_at_exit()
    assert reads_of(story) == 2
