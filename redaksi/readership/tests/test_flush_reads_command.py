"""manage.py flush_reads: move the reads waiting in Redis to HourlyReads by hand, and say how many."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership.models import HourlyReads
from redaksi.readership.pending import add_read
from redaksi.readership.services import hour_of

pytestmark = pytest.mark.django_db


def test_flush_reads_moves_the_waiting_reads(news, redis, capsys):
    story = ArticlePageFactory(section=news)
    add_read(story.pk, hour_of(timezone.now()))
    add_read(story.pk, hour_of(timezone.now()))

    call_command("flush_reads")

    assert HourlyReads.objects.get().reads == 2
    assert "2 read(s) moved to 1 hourly count(s)." in capsys.readouterr().out


def test_flush_reads_without_redis_says_there_is_nothing_to_flush(capsys):
    call_command("flush_reads")

    assert "REDIS_URL is not set: reads go to the database directly, nothing to flush." in capsys.readouterr().out


def test_flush_reads_with_redis_down_fails_clearly(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    with pytest.raises(CommandError, match="Could not flush the waiting reads: .*"):
        call_command("flush_reads")
