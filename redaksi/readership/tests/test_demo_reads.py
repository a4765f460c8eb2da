"""load_demo fills Terpopuler with a deterministic week of demo reads for the newest stories."""

import datetime

import pytest
import time_machine
from django.core.management import call_command

from redaksi.articles.models import ArticlePage
from redaksi.demo.reads import DEMO_READ_STORIES, load_reads
from redaksi.readership.models import HourlyReads
from redaksi.readership.services import DAY, WEEK, most_read

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home, tmp_path):
    """The demo loaded on the half hour, so the test stays within one clock hour."""
    with time_machine.travel(datetime.datetime(2024, 5, 6, 5, 30, tzinfo=datetime.UTC)):
        call_command("load_demo", "--stories", "12", stdout=(tmp_path / "out.txt").open("w"))
        yield


def test_load_demo_gives_terpopuler_both_windows(demo):
    newest = set(ArticlePage.objects.published().newest_first().values_list("pk", flat=True)[:DEMO_READ_STORIES])
    assert set(HourlyReads.objects.values_list("article_id", flat=True)) == newest
    assert most_read(DAY) and len(most_read(WEEK)) == 5


def test_loading_reads_again_sets_the_same_counts(demo):
    counts = set(HourlyReads.objects.values_list("article_id", "hour", "reads"))

    load_reads()

    assert set(HourlyReads.objects.values_list("article_id", "hour", "reads")) == counts
