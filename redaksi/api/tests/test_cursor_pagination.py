"""Cursor pages walk a listing newest first by (publication time, id): no story repeated or skipped, ties too."""

import datetime

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.media.tests.factories import VideoFactory
from redaksi.people.tests.factories import PersonFactory

from .conftest import get_json, ids

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def walk(client, url):
    """Every page of a listing by following `next`; returns the pages."""
    pages = [get_json(client, url)]
    while pages[-1]["next"]:
        assert len(pages) < 20, "the cursor does not advance"
        pages.append(get_json(client, pages[-1]["next"].removeprefix("http://testserver")))
    return pages


def test_pages_follow_publication_time_then_id_through_ties(client, news):
    same_minute = datetime.datetime(2022, 1, 21, 3, 15, tzinfo=UTC)
    older = ArticlePageFactory(section=news, first_published_at=same_minute - datetime.timedelta(days=1))
    tied = [ArticlePageFactory(section=news, first_published_at=same_minute) for _ in range(4)]
    newest = ArticlePageFactory(section=news)
    pages = walk(client, "/api/v1/stories?limit=2&section=news")
    assert [ids(page) for page in pages] == [
        [newest.pk, tied[3].pk],
        [tied[2].pk, tied[1].pk],
        [tied[0].pk, older.pk],
    ]
    assert pages[-1]["next_cursor"] is None and pages[0]["next_cursor"] in pages[0]["next"]
    assert "section=news" in pages[0]["next"] and "limit=2" in pages[0]["next"]


def test_default_page_is_twenty(client, news):
    stories = [ArticlePageFactory(section=news) for _ in range(21)]
    first = get_json(client, "/api/v1/stories")
    assert ids(first) == [story.pk for story in stories[::-1][:20]]
    assert ids(get_json(client, f"/api/v1/stories?cursor={first['next_cursor']}")) == [stories[0].pk]


def test_people_page_by_name_and_videos_by_time(client, home):
    names = ["Citra", "Ayu", "Budi", "Ayu"]
    people = [PersonFactory(name=name, slug=f"{name.lower()}-{i}") for i, name in enumerate(names)]
    pages = walk(client, "/api/v1/people?limit=3")
    assert [ids(page) for page in pages] == [[people[1].pk, people[3].pk, people[2].pk], [people[0].pk]]
    videos = [VideoFactory(published_at=datetime.datetime(2022, 1, day, tzinfo=UTC)) for day in (3, 1, 2)]
    pages = walk(client, "/api/v1/videos?limit=2")
    assert [ids(page) for page in pages] == [[videos[0].pk, videos[2].pk], [videos[1].pk]]


def test_sections_in_tree_order_and_tags_by_name(client, news, sport, wire_story):
    assert ids(get_json(client, "/api/v1/sections")) == [news.pk, sport.pk]
    tags = get_json(client, "/api/v1/tags")["results"]
    assert [tag["slug"] for tag in tags] == ["rusia"]
