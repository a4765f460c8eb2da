"""A section pages through its archive by keyset: no gaps, no repeats, no OFFSET, constant queries."""

import datetime
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from redaksi.articles.models import STORIES_PER_PAGE, ArticlePage
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core.edition import new_edition

pytestmark = pytest.mark.django_db
NOW = timezone.now().replace(microsecond=0)


@pytest.fixture
def archive(news):
    """Forty-five stories, fifteen pairs of them sharing a publication time: ties are broken by id."""
    for n in range(45):
        ArticlePageFactory(section=news, first_published_at=NOW - datetime.timedelta(minutes=n - n % 3 // 2))
    return list(ArticlePage.objects.in_section(news).newest_first().values_list("pk", flat=True))


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    pks = [int(a["href"].split("/")[1].removeprefix("read")) for a in soup.select(".story-card .headline a")]
    links = {a["rel"][0]: urljoin(url, a["href"]) for a in soup.select(".pager a")}
    return pks, links


def walk(client, url, rel):
    pages = []
    while url:
        pks, links = page(client, url)
        pages.append(pks)
        url = links.get(rel)
    return pages


def test_walking_older_then_newer_shows_every_story_once_in_order(client, outlet, news, archive):
    older = walk(client, news.url, "next")
    assert [len(pks) for pks in older] == [STORIES_PER_PAGE, STORIES_PER_PAGE, 5]
    assert [pk for pks in older for pk in pks] == archive
    _pks, links = page(client, news.url + f"?sebelum={older[1][-1]}")
    assert walk(client, links["prev"], "prev") == older[-2::-1]


def test_a_deep_page_seeks_instead_of_skipping(client, outlet, news, archive):
    with CaptureQueriesContext(connection) as queries:
        pks, _links = page(client, f"{news.url}?sebelum={archive[39]}")
    assert pks == archive[40:]
    assert not any("OFFSET" in query["sql"].upper() for query in queries.captured_queries)


# When the listing must render (a new edition): Wagtail's routing (site, pages along the path, alias check, view
# restrictions), settings; the cursor story's time, the page of stories and their renditions, menu, footer links.
SECTION_QUERIES = 12
# Within an edition: routing and settings; the listing (per query string), menu and footer come from the cache.
CACHED_SECTION_QUERIES = 7


@pytest.mark.parametrize("count", [3, 30])
def test_section_queries_do_not_grow_with_stories(client, outlet, news, count, django_assert_num_queries):
    stories = [ArticlePageFactory(section=news, with_image=True) for _ in range(count + 1)]
    url = f"{news.url}?sebelum={stories[-1].pk}"
    client.get(url)  # warm alike: renditions exist, the site root paths are cached
    new_edition()
    with django_assert_num_queries(SECTION_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    with django_assert_num_queries(CACHED_SECTION_QUERIES):
        assert client.get(url).content == response.content
