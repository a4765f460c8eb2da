"""A section page lists its desk's latest stories under its title and description, with Terpopuler beside."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def test_a_section_shows_its_title_description_stories_and_terpopuler(client, outlet, news):
    news.description = "Peristiwa nasional dan daerah."
    news.save()
    ArticlePageFactory(section=news, title="Cerita rubrik ini")
    ArticlePageFactory(section=SectionPageFactory(title="Sport"), title="Cerita rubrik lain")
    ArticlePageFactory(section=news, title="Draf", draft=True)
    soup = soup_of(client.get(news.url))
    assert soup.h1.get_text(strip=True) == "News"
    assert soup.select_one(".page-head .standfirst").get_text(strip=True) == "Peristiwa nasional dan daerah."
    assert [a.get_text(strip=True) for a in soup.select(".story-card .headline a")] == ["Cerita rubrik ini"]
    assert soup.select_one(".sidebar .most-read")
    assert soup.select_one(".pager") is None  # one page only


def test_a_section_an_admin_adds_works_at_once(client, outlet, home):
    section = SectionPageFactory(title="Otomotif", slug="otomotif")
    ArticlePageFactory(section=section, title="Mobil listrik baru")
    response = client.get("/otomotif/")
    assert response.status_code == 200
    assert soup_of(response).select_one(".story-card .headline a").get_text(strip=True) == "Mobil listrik baru"


@pytest.mark.parametrize(
    "query", ["sebelum=abc", "sesudah=-1", "sebelum=999999", "sebelum=1&sesudah=2", "sebelum=" + "9" * 40]
)
def test_a_junk_cursor_is_the_friendly_404(client, outlet, news, query):
    ArticlePageFactory(section=news)
    response = client.get(f"{news.url}?{query}")
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "Halaman tidak ditemukan"
    assert soup.select_one("nav.main-menu")


def test_another_sections_story_is_not_a_cursor_here(client, outlet, news):
    elsewhere = ArticlePageFactory(section=SectionPageFactory(title="Sport"))
    ArticlePageFactory(section=news, first_published_at=timezone.now() - datetime.timedelta(hours=1))
    assert client.get(f"{news.url}?sebelum={elsewhere.pk}").status_code == 404
