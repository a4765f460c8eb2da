"""prune_reads deletes hourly counts older than 8 days; the week window keeps what it needs."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership.models import HourlyReads
from redaksi.readership.services import hour_of

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 5, 6, 5, 30, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_prune_reads_deletes_rows_older_than_eight_days(news, capsys):
    story = ArticlePageFactory(section=news)
    for days in (0, 7, 8, 9, 30):
        HourlyReads.objects.create(article=story, hour=hour_of(NOW - datetime.timedelta(days=days, hours=1)), reads=1)

    call_command("prune_reads")

    kept = sorted((NOW - hour).days for hour in HourlyReads.objects.values_list("hour", flat=True))
    assert kept == [0, 7]
    assert "3 hourly read count(s) older than 8 days deleted." in capsys.readouterr().out


def test_the_schedule_worker_prunes_at_most_once_an_hour(news):
    from redaksi.newsroom.schedule import PRUNE_READS_EVERY, Worker

    story = ArticlePageFactory(section=news)
    stale = hour_of(timezone.now() - datetime.timedelta(days=9))
    HourlyReads.objects.create(article=story, hour=stale, reads=1)
    worker = Worker(interval=1)

    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert worker.tick()
        assert not HourlyReads.objects.exists()
        HourlyReads.objects.create(article=story, hour=stale, reads=1)
        traveller.shift(PRUNE_READS_EVERY - datetime.timedelta(minutes=1))
        worker.tick()
        assert HourlyReads.objects.exists()
        traveller.shift(datetime.timedelta(minutes=1))
        worker.tick()
        assert not HourlyReads.objects.exists()
