"""Story filters: section, tag and author by slug, and publication time (dates and times in WIB unless zoned)."""

import datetime

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import TagFactory

from .conftest import get_json, ids

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def mixed(news, sport):
    """Three stories across two sections, tags and authors: one on 20 Jan 2022 10:00 WIB, two on 22 Jan 01:30 WIB.

    01:30 WIB on the 22nd is still the 21st in UTC, so a filter that read dates in UTC would pick other stories.
    """
    rusia, ayu = TagFactory(name="Rusia", slug="rusia"), PersonFactory(name="Ayu", slug="ayu")
    at = [datetime.datetime(2022, 1, 20, 3, 0, tzinfo=UTC), datetime.datetime(2022, 1, 21, 18, 30, tzinfo=UTC)]
    return [
        ArticlePageFactory(section=news, tags=[rusia], authors=[ayu], first_published_at=at[0]),
        ArticlePageFactory(section=sport, tags=[rusia], first_published_at=at[1]),
        ArticlePageFactory(section=sport, authors=[ayu, PersonFactory()], first_published_at=at[1]),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [2, 1, 0]),
        ("section=sport", [2, 1]),
        ("tag=rusia", [1, 0]),
        ("person=ayu", [2, 0]),
        ("section=sport&tag=rusia&person=ayu", []),
        ("published_after=2022-01-22", [2, 1]),
        ("published_before=2022-01-22", [0]),
        ("published_after=2022-01-20&published_before=2022-01-21", [0]),
        ("published_after=2022-01-21T18:30:00Z", [2, 1]),
        ("published_after=2022-01-21T18:30:01%2B00:00", []),
        ("published_before=2022-01-22T01:30", [0]),
        ("published_before=2022-01-22T01:30:01", [2, 1, 0]),
    ],
)
def test_filters_narrow_the_listing(client, mixed, query, expected):
    assert ids(get_json(client, f"/api/v1/stories?{query}")) == [mixed[i].pk for i in expected]
