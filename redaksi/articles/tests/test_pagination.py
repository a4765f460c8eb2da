"""Keyset pagination walks a listing both ways without gaps or duplicates, and refuses junk cursors."""

import datetime

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from redaksi.articles.models import ArticlePage
from redaksi.articles.pagination import paginate_stories

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
NOW = timezone.now().replace(microsecond=0)


@pytest.fixture
def listing(news):
    """Eleven stories, several sharing a publication time: ties are broken by id."""
    ages = [0, 1, 1, 1, 2, 3, 3, 4, 5, 5, 6]
    for minutes in ages:
        ArticlePageFactory(section=news, first_published_at=NOW - datetime.timedelta(minutes=minutes))
    return ArticlePage.objects.published()


def expected_order(queryset):
    return list(queryset.order_by("-first_published_at", "-pk").values_list("pk", flat=True))


def walk_older(queryset, per_page):
    pages, params = [], {}
    while True:
        page = paginate_stories(queryset, params, per_page)
        pages.append(page)
        if page.older_cursor is None:
            return pages
        params = {"sebelum": str(page.older_cursor)}


def test_walking_older_visits_every_story_once_in_order(listing):
    pages = walk_older(listing, 3)
    assert [story.pk for page in pages for story in page.stories] == expected_order(listing)
    assert [len(page.stories) for page in pages] == [3, 3, 3, 2]
    assert pages[0].is_first and not pages[1].is_first


def test_walking_back_newer_returns_the_same_pages(listing):
    older_pages = walk_older(listing, 3)
    page = older_pages[-1]
    seen = [[story.pk for story in page.stories]]
    while page.newer_cursor is not None:
        page = paginate_stories(listing, {"sesudah": str(page.newer_cursor)}, 3)
        seen.append([story.pk for story in page.stories])
    assert seen[::-1] == [[story.pk for story in page.stories] for page in older_pages]


def test_a_newer_page_links_older_to_the_story_right_after_it(listing):
    order = expected_order(listing)
    page = paginate_stories(listing, {"sesudah": str(order[5])}, 3)
    assert [story.pk for story in page.stories] == order[2:5]
    assert page.older_cursor == order[4]
    assert page.newer_cursor == order[2]


def test_a_deep_page_seeks_instead_of_skipping(listing):
    order = expected_order(listing)
    with CaptureQueriesContext(connection) as queries:
        page = paginate_stories(listing, {"sebelum": str(order[8])}, 3)
    assert [story.pk for story in page.stories] == order[9:]
    assert len(queries) == 2  # the cursor's time, then the page
    assert not any("OFFSET" in query["sql"].upper() for query in queries.captured_queries)


@pytest.mark.parametrize(
    "params",
    [{"sebelum": "abc"}, {"sebelum": "-1"}, {"sesudah": "1.5"}, {"sebelum": "٣"}, {"sebelum": "9" * 40}],
)
def test_junk_cursors_are_not_found(listing, params):
    with pytest.raises(Http404):
        paginate_stories(listing, params, 3)


def test_a_cursor_outside_the_listing_is_not_found(listing, news):
    draft = ArticlePageFactory(section=news, draft=True)
    with pytest.raises(Http404):
        paginate_stories(listing, {"sebelum": str(draft.pk)}, 3)


def test_both_cursors_at_once_are_refused(listing):
    pk = str(expected_order(listing)[3])
    with pytest.raises(Http404):
        paginate_stories(listing, {"sebelum": pk, "sesudah": pk}, 3)
