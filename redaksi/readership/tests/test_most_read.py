"""Terpopuler ranks published stories by reads in the last 24 hours and 7 days, cached, in fixed queries."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership.models import HourlyReads
from redaksi.readership.services import DAY, WEEK, hour_of, most_read

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 5, 6, 5, 30, tzinfo=datetime.UTC)  # 12:30 WIB


def read(story, hours_ago, reads):
    HourlyReads.objects.create(article=story, hour=hour_of(NOW - datetime.timedelta(hours=hours_ago)), reads=reads)


def titles(stories):
    return [story.listing_title for story in stories]


@pytest.fixture
def stories(news):
    """Stories read at different times: today, three days ago, last month."""
    today, this_week, last_month = (
        ArticlePageFactory(section=news, title=title) for title in ("Hari ini", "Pekan ini", "Bulan lalu")
    )
    read(today, 1, 10)
    read(today, 20, 5)
    read(this_week, 3 * 24, 40)
    read(last_month, 30 * 24, 500)
    return today, this_week, last_month


@time_machine.travel(NOW, tick=False)
def test_day_and_week_count_their_own_window(stories):
    assert titles(most_read(DAY)) == ["Hari ini"]
    assert [story.reads for story in most_read(DAY)] == [15]
    assert titles(most_read(WEEK)) == ["Pekan ini", "Hari ini"]


@time_machine.travel(NOW, tick=False)
def test_a_read_leaves_the_day_window_once_its_hour_is_over_24_hours_ago(news):
    story = ArticlePageFactory(section=news)
    read(story, 25, 3)

    assert most_read(DAY) == []
    assert titles(most_read(WEEK)) == [story.title]


@time_machine.travel(NOW, tick=False)
def test_equal_reads_rank_the_newer_story_first(news):
    older = ArticlePageFactory(section=news, title="Lama", first_published_at=NOW - datetime.timedelta(days=2))
    newer = ArticlePageFactory(section=news, title="Baru", first_published_at=NOW - datetime.timedelta(days=1))
    read(older, 1, 7)
    read(newer, 1, 7)

    assert titles(most_read(DAY)) == ["Baru", "Lama"]


@time_machine.travel(NOW, tick=False)
def test_unpublished_stories_drop_out(news):
    kept, withdrawn = ArticlePageFactory.create_batch(2, section=news)
    read(kept, 1, 1)
    read(withdrawn, 1, 99)
    withdrawn.unpublish()

    assert [story.pk for story in most_read(DAY)] == [kept.pk]


@time_machine.travel(NOW, tick=False)
def test_rows_carry_what_a_card_shows(news):
    story = ArticlePageFactory(section=news, title="Judul panjang sekali", short_title="Judul pendek")
    read(story, 1, 2)

    (row,) = most_read(DAY)

    assert (row.listing_title, row.section_title, row.url) == ("Judul pendek", "News", story.url)
    assert row.first_published_at == story.first_published_at


@time_machine.travel(NOW, tick=False)
def test_limit_keeps_the_top(news):
    for reads in range(1, 8):
        read(ArticlePageFactory(section=news, title=f"Dibaca {reads}"), 1, reads)

    assert titles(most_read(DAY, limit=3)) == ["Dibaca 7", "Dibaca 6", "Dibaca 5"]


@pytest.mark.parametrize("count", [3, 30])
def test_one_query_per_window_then_none_from_the_cache(news, count, django_assert_num_queries):
    for story in ArticlePageFactory.create_batch(count, section=news):
        HourlyReads.objects.create(article=story, hour=hour_of(timezone.now()), reads=story.pk)

    with django_assert_num_queries(2):
        day, week = most_read(DAY, limit=10), most_read(WEEK, limit=10)
    with django_assert_num_queries(0):
        assert most_read(DAY, limit=10) == day and most_read(WEEK, limit=10) == week
    assert len(day) == min(count, 10)


def test_the_ranking_is_cached_for_a_few_minutes(news):
    story = ArticlePageFactory(section=news)
    with time_machine.travel(NOW, tick=False) as traveller:
        assert most_read(DAY) == []
        read(story, 0, 1)
        assert most_read(DAY) == []
        traveller.shift(datetime.timedelta(minutes=6))
        assert titles(most_read(DAY)) == [story.title]


@pytest.mark.parametrize("withdraw", ["unpublish", "delete"])
def test_a_withdrawn_story_leaves_the_cached_ranking_at_once(news, withdraw):
    kept, withdrawn = ArticlePageFactory.create_batch(2, section=news)
    with time_machine.travel(NOW, tick=False):
        read(kept, 1, 1)
        read(withdrawn, 1, 9)
        assert [story.pk for story in most_read(DAY)] == [withdrawn.pk, kept.pk]

        getattr(withdrawn, withdraw)()

        assert [story.pk for story in most_read(DAY)] == [kept.pk]
