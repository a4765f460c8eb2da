"""The schedule worker flushes the waiting reads every pass; a failing flush never costs the pass."""

import pytest
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom.schedule import Worker
from redaksi.newsroom.tests.outage import database_outage
from redaksi.readership.models import HourlyReads
from redaksi.readership.pending import PENDING, add_read
from redaksi.readership.services import hour_of


@pytest.mark.django_db
def test_each_pass_flushes_the_waiting_reads(news, redis):
    story = ArticlePageFactory(section=news)
    worker = Worker(interval=1)
    add_read(story.pk, hour_of(timezone.now()))

    assert worker.tick()
    assert HourlyReads.objects.get().reads == 1
    add_read(story.pk, hour_of(timezone.now()))
    assert worker.tick()
    assert HourlyReads.objects.get().reads == 2
    assert not redis.exists(PENDING)


@pytest.mark.django_db
def test_a_redis_outage_is_logged_and_the_pass_still_succeeds(news, settings, caplog):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    assert Worker(interval=1).tick()
    assert "flushing read counts failed; they wait for the next pass" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_a_database_error_while_flushing_keeps_the_counts_and_the_worker(news, redis, caplog):
    story = ArticlePageFactory(section=news)
    worker = Worker(interval=1)
    worker.tick()  # the pass's own work is done; only the flush meets the outage below
    add_read(story.pk, hour_of(timezone.now()))

    with database_outage(table=HourlyReads._meta.db_table):
        worker.flush_reads()

    assert "flushing read counts failed" in caplog.text
    assert redis.exists(PENDING)
    assert worker.tick()  # on PostgreSQL only because the broken connection was dropped
    assert HourlyReads.objects.get().reads == 1
