"""Reads counted while flushes run are neither lost nor counted twice; the dedupe in Redis is shared."""

import threading

import pytest
from django.db import connection
from django.db.models import Sum
from django.test import Client

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership.models import HourlyReads
from redaksi.readership.pending import flush_reads

from .test_bots import READERS
from .test_count_read import fetch_pixel

pytestmark = pytest.mark.django_db(transaction=True)

READERS_PER_THREAD, THREADS = 60, 4


def read_in_a_thread(stories, thread, errors):
    """Another app server: its own client, database connection and Redis connections."""
    try:
        client = Client()
        for reader in range(READERS_PER_THREAD):
            story = stories[reader % len(stories)]
            fetch_pixel(client, story.pk, address=f"10.{thread}.{reader // 250}.{reader % 250}")
    except Exception as error:  # noqa: BLE001 - reported by the test
        errors.append(error)
    finally:
        connection.close()


def test_reads_during_flushes_are_all_counted_once(news, redis_cache, caplog):
    stories = ArticlePageFactory.create_batch(3, section=news)
    errors = []
    threads = [threading.Thread(target=read_in_a_thread, args=(stories, n, errors)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    flushes = 0
    while any(thread.is_alive() for thread in threads):
        flushes += bool(flush_reads().reads)
    flush_reads()

    assert errors == [] and "Could not count" not in caplog.text
    assert flushes > 1  # the readers really raced the flushes
    assert HourlyReads.objects.aggregate(total=Sum("reads"))["total"] == READERS_PER_THREAD * THREADS


def on_another_app_server(*readers):
    """Fetch the pixel in a thread: its own Django cache (a RedisCache with its own pool) and database connection."""

    def fetch():
        try:
            for story, user_agent, address in readers:
                fetch_pixel(Client(), story.pk, user_agent, address)
        finally:
            connection.close()

    server = threading.Thread(target=fetch)
    server.start()
    server.join()


def test_a_reader_counts_once_whichever_app_server_answers(news, redis_cache):
    story = ArticlePageFactory(section=news)
    iphone, android = READERS["Safari on iPhone"], READERS["Chrome on Android"]
    fetch_pixel(Client(), story.pk, iphone, "198.51.100.4")

    on_another_app_server((story, iphone, "198.51.100.4"), (story, android, "198.51.100.5"))
    flush_reads()

    assert HourlyReads.objects.get().reads == 2
    remembered = redis_cache.keys("*readership:seen:*")
    assert len(remembered) == 2
    assert all(0 < redis_cache.ttl(key) <= 30 * 60 for key in remembered)
