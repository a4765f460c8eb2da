"""load_demo fills Terpopuler with a deterministic week of demo reads for the newest stories."""

import datetime

import pytest
import time_machine
from django.test import override_settings

from redaksi.articles.models import ArticlePage
from redaksi.conftest import module_transaction
from redaksi.demo.reads import DEMO_READ_STORIES, load_reads
from redaksi.demo.tests.conftest import load_demo
from redaksi.readership.models import HourlyReads
from redaksi.readership.services import DAY, WEEK, most_read

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module on the half hour, so the tests stay within one clock hour.

    Rolled back after the module.
    """
    half_hour = datetime.datetime(2024, 5, 6, 5, 30, tzinfo=datetime.UTC)
    with module_transaction(django_db_blocker), time_machine.travel(half_hour):
        with override_settings(REDIS_URL=""):  # reads counted in the database, as count_in_the_database does
            load_demo()
        yield


def test_load_demo_gives_terpopuler_both_windows(demo):
    newest = set(ArticlePage.objects.published().newest_first().values_list("pk", flat=True)[:DEMO_READ_STORIES])
    assert set(HourlyReads.objects.values_list("article_id", flat=True)) == newest
    assert most_read(DAY) and len(most_read(WEEK)) == 5


def test_loading_reads_again_sets_the_same_counts(demo):
    counts = set(HourlyReads.objects.values_list("article_id", "hour", "reads"))

    load_reads()

    assert set(HourlyReads.objects.values_list("article_id", "hour", "reads")) == counts
