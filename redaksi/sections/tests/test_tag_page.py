"""The tag page: the tag's name and description, its published stories newest first, keyset pages."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory

from .factories import SectionPageFactory, TagFactory

pytestmark = pytest.mark.django_db
NOW = timezone.now().replace(microsecond=0)


@pytest.fixture
def rusia(home):
    return TagFactory(name="Rusia", description="Kabar tentang Rusia dan hubungannya dengan Indonesia.")


def tagged_stories(tag, count, **fields):
    """`count` published stories with `tag`, one minute apart, the newest first."""
    section = SectionPageFactory()
    return [
        ArticlePageFactory(
            section=section,
            title=f"Berita Rusia {n}",
            tags=[tag],
            first_published_at=NOW - datetime.timedelta(minutes=n),
        )
        for n in range(count)
    ]


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def headlines(soup):
    return [link.get_text(strip=True) for link in soup.select(".story-list .headline a")]


def test_tag_page_shows_name_description_and_tagged_stories_newest_first(client, rusia):
    tagged_stories(rusia, 3)
    ArticlePageFactory(title="Berita tanpa tag Rusia")
    ArticlePageFactory(title="Draf Rusia", tags=[rusia], draft=True)
    soup = soup_of(client.get("/tag/rusia/"))
    assert [h1.get_text(strip=True) for h1 in soup.select("h1")] == ["Rusia"]
    assert soup.select_one(".standfirst").get_text(strip=True) == rusia.description
    assert headlines(soup) == ["Berita Rusia 0", "Berita Rusia 1", "Berita Rusia 2"]


def test_tag_page_pages_older_and_back_by_keyset(client, rusia):
    stories = tagged_stories(rusia, 25)
    first = soup_of(client.get("/tag/rusia/"))
    assert len(headlines(first)) == 20
    older_link = first.select_one(".pager a[rel=next]")["href"]
    assert older_link == f"?sebelum={stories[19].pk}"
    older = soup_of(client.get(f"/tag/rusia/{older_link}"))
    assert headlines(older) == [f"Berita Rusia {n}" for n in range(20, 25)]
    assert older.select_one(".pager a[rel=prev]")["href"] == f"?sesudah={stories[20].pk}"


def test_tag_page_says_when_there_are_no_stories(client, rusia):
    soup = soup_of(client.get("/tag/rusia/"))
    assert soup.select_one(".empty").get_text(strip=True) == "Belum ada berita."


def test_tag_page_is_english_under_en(client, rusia):
    soup = soup_of(client.get("/en/tag/rusia/"))
    assert soup.select_one(".kicker").get_text(strip=True) == "Tag"
    assert soup.title.get_text(strip=True).startswith("Tag: Rusia")
