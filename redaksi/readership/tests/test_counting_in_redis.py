"""With REDIS_URL set a counted read is one Redis round trip; a flush moves the counts to HourlyReads."""

import datetime

import pytest
import time_machine

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership import fallback
from redaksi.readership.models import HourlyReads
from redaksi.readership.pending import PENDING, add_read, field_of, flush_reads
from redaksi.readership.services import hour_of

from .test_bots import ROBOTS
from .test_count_read import fetch_pixel

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 5, 6, 5, 30, tzinfo=datetime.UTC)  # 12:30 WIB
HOUR = hour_of(NOW)
EARLIER = HOUR - datetime.timedelta(hours=1)


def table():
    return set(HourlyReads.objects.values_list("article_id", "hour", "reads"))


@time_machine.travel(NOW, tick=False)
def test_a_counted_read_waits_in_redis_not_in_the_database(client, news, redis, django_assert_num_queries):
    story = ArticlePageFactory(section=news)
    fetch_pixel(client, story.pk, address="192.0.2.1")

    with django_assert_num_queries(1):  # the story is published; the count goes to Redis
        fetch_pixel(client, story.pk, address="192.0.2.2")

    assert not HourlyReads.objects.exists()
    assert redis.hgetall(PENDING) == {field_of(story.pk, HOUR).encode(): b"2"}
    assert 0 < redis.ttl(PENDING) <= 8 * 24 * 3600


@time_machine.travel(NOW, tick=False)
def test_flush_moves_exactly_the_counts_and_adds_to_existing_rows(news, redis):
    first, second, third = ArticlePageFactory.create_batch(3, section=news)
    HourlyReads.objects.create(article=first, hour=HOUR, reads=10)
    for story, hour, reads in [(first, HOUR, 3), (first, EARLIER, 2), (second, HOUR, 1), (third, EARLIER, 5)]:
        for _ in range(reads):
            add_read(story.pk, hour)

    flushed = flush_reads()

    assert (flushed.reads, flushed.counts) == (11, 4)
    assert table() == {(first.pk, HOUR, 13), (first.pk, EARLIER, 2), (second.pk, HOUR, 1), (third.pk, EARLIER, 5)}
    assert not redis.keys("*readership*")  # nothing waiting, no flush key left behind


@time_machine.travel(NOW, tick=False)
def test_two_flushes_in_a_row_do_not_count_twice(news, redis):
    story = ArticlePageFactory(section=news)
    add_read(story.pk, HOUR)
    flush_reads()

    assert flush_reads().reads == 0
    add_read(story.pk, HOUR)
    assert flush_reads().reads == 1
    assert table() == {(story.pk, HOUR, 2)}


def test_flush_without_redis_does_nothing(news):
    assert flush_reads().reads == 0


@time_machine.travel(NOW, tick=False)
def test_reads_of_a_story_deleted_before_the_flush_are_dropped_the_rest_flushed(news, redis):
    kept, deleted = ArticlePageFactory.create_batch(2, section=news)
    add_read(kept.pk, HOUR)
    add_read(deleted.pk, HOUR)
    deleted.delete()

    assert flush_reads().counts == 1
    assert table() == {(kept.pk, HOUR, 1)}
    assert not redis.exists(PENDING)


@time_machine.travel(NOW, tick=False)
def test_malformed_waiting_counts_are_logged_and_dropped(news, redis, caplog):
    story = ArticlePageFactory(section=news)
    add_read(story.pk, HOUR)
    junk = {
        "junk": 3,
        field_of(story.pk, EARLIER): -4,
        "7:abc": 1,
        f"{story.pk}:1:2": 1,
        f"{2**70}:{int(HOUR.timestamp())}": 1,  # past the id column: PostgreSQL would refuse every flush
        field_of(story.pk, EARLIER - datetime.timedelta(hours=1)): 2**40,
        f"{story.pk}:{10**15}": 1,  # no datetime
    }
    redis.hset(PENDING, mapping=junk)

    assert flush_reads().reads == 1

    assert table() == {(story.pk, HOUR, 1)}
    assert caplog.text.count("dropped a malformed waiting read count") == len(junk)
    assert not redis.exists(PENDING)


@pytest.mark.parametrize("robot", ["Googlebot", "WhatsApp link preview", "curl"])
def test_robots_are_not_counted_in_redis_either(client, news, redis, robot):
    story = ArticlePageFactory(section=news)

    fetch_pixel(client, story.pk, ROBOTS[robot])

    assert not redis.exists(PENDING)


def test_a_redis_outage_costs_neither_the_read_nor_the_pixel(client, news, settings, caplog):
    story = ArticlePageFactory(section=news)
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    response = fetch_pixel(client, story.pk)

    assert response.status_code == 200 and response.content.startswith(b"GIF89a")
    assert "Redis unreachable, holding reads in this process" in caplog.text
    assert sum(fallback.held.values()) == 1  # written to the database later (test_redis_outage.py)
