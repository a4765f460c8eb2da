"""A flush the database refuses leaves every count waiting in Redis for the next flush."""

import pytest
from django.db import DatabaseError, connection
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom.tests.outage import database_outage
from redaksi.readership.models import HourlyReads
from redaksi.readership.pending import PENDING, add_read, field_of, flush_reads
from redaksi.readership.services import hour_of

pytestmark = pytest.mark.django_db(transaction=True)


def test_counts_survive_a_database_outage_during_the_flush(news, redis, caplog):
    first, second = ArticlePageFactory.create_batch(2, section=news)
    hour = hour_of(timezone.now())
    for story, reads in [(first, 3), (second, 1)]:
        for _ in range(reads):
            add_read(story.pk, hour)

    with database_outage(table=HourlyReads._meta.db_table), pytest.raises(DatabaseError):
        flush_reads()
    connection.close()  # what the worker does after a database error

    assert redis.hgetall(PENDING) == {field_of(first.pk, hour).encode(): b"3", field_of(second.pk, hour).encode(): b"1"}
    assert redis.keys("*flushing*") == []
    assert "read counts put back for the next flush: 2 story-hour(s)" in caplog.text
    assert not HourlyReads.objects.exists()

    add_read(first.pk, hour)  # a read during the outage's aftermath joins the put-back counts
    assert flush_reads().reads == 5
    assert set(HourlyReads.objects.values_list("article_id", "reads")) == {(first.pk, 4), (second.pk, 1)}
