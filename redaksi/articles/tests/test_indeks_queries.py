"""Indeks costs the same queries for a day of 3 stories as for 30, and finds the day by an indexed time range."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redaksi.articles.models import ArticleIndexPage

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
DAY = datetime.datetime(2022, 1, 20, tzinfo=WIB)

# Wagtail's routing (site, pages along the path, alias check, view restrictions), settings; the section named
# in the filter, the sections for the form's select, the day's count, its page of stories and their
# renditions. The menu and footer links come from the cache until the next edition.
INDEKS_QUERIES = 12


@pytest.fixture
def indeks(home, outlet):
    with time_machine.travel(datetime.datetime(2022, 1, 21, 12, 0, tzinfo=WIB), tick=False):
        yield home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))


@pytest.mark.parametrize("count", [3, 30])
def test_indeks_queries_do_not_grow_with_stories(client, indeks, news, count, django_assert_num_queries):
    for minute in range(count):
        ArticlePageFactory(section=news, with_image=True, first_published_at=DAY + datetime.timedelta(minutes=minute))
    url = f"{indeks.url}?tanggal=2022-01-20&rubrik=news"
    client.get(url)  # warm alike: renditions exist, the site root paths are cached
    with django_assert_num_queries(INDEKS_QUERIES):
        assert client.get(url).status_code == 200


def test_the_day_is_a_time_range_not_a_date_cast(client, indeks, news):
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{indeks.url}?tanggal=2022-01-20")
    story_queries = [q["sql"] for q in queries.captured_queries if 'FROM "articles_articlepage"' in q["sql"]]
    assert story_queries
    for sql in story_queries:
        assert '"articles_articlepage"."published_at" >= ' in sql and '"articles_articlepage"."published_at" < ' in sql
        assert "cast_date" not in sql and "AT TIME ZONE" not in sql and "::date" not in sql
