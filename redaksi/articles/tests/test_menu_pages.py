"""Every main-menu target renders: home, section, Indeks, video hub, static page (their query budgets are tested
with each page type: pages/, sections/, articles/test_indeks_queries.py, media/)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.utils import timezone

from redaksi.articles.models import ArticleIndexPage
from redaksi.media.models import VideoIndexPage
from redaksi.media.tests.factories import VideoFactory
from redaksi.pages.models import StandardPage
from redaksi.sections.tests.factories import SectionPageFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def get_soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def headlines(soup):
    return [a.get_text(strip=True) for a in soup.select(".story-card .headline a")]


def stories(section, *ages_in_hours, **kwargs):
    return [
        ArticlePageFactory(
            section=section,
            title=f"{section.title} {hours}",
            first_published_at=timezone.now() - datetime.timedelta(hours=hours),
            **kwargs,
        )
        for hours in ages_in_hours
    ]


def test_home_leads_with_the_newest_story_then_the_latest_without_drafts(client, outlet, news):
    sport = SectionPageFactory(title="Sport")
    stories(news, 3, 1)
    stories(sport, 2)
    ArticlePageFactory(section=news, draft=True, title="Draf")
    soup = get_soup(client, "/")
    assert soup.select_one(".lead-story .headline a").get_text(strip=True) == "News 1"
    latest = soup.select_one(".front-latest")
    assert headlines(latest) == ["Sport 2", "News 3"]
    assert [p.get_text(strip=True) for p in latest.select(".story-card .kicker")] == ["Sport", "News"]
    assert "Draf" not in soup.get_text()
    assert len(soup.find_all("h1")) == 1
    assert latest.select_one(".story-card h3.headline")


def test_section_lists_only_its_own_stories(client, outlet, news):
    stories(news, 5, 1)
    stories(SectionPageFactory(title="Sport"), 2)
    soup = get_soup(client, news.url)
    assert soup.h1.get_text(strip=True) == "News"
    assert headlines(soup) == ["News 1", "News 5"]


@time_machine.travel(datetime.datetime(2022, 1, 21, 12, 0, tzinfo=WIB), tick=False)
def test_indeks_shows_todays_stories_by_default(client, outlet, news, home):
    index = home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))
    stories(news, 1, 30)
    soup = get_soup(client, index.url)
    day = soup.select_one(".index-day")
    assert day.h2.get_text(strip=True) == "Jumat, 21 Januari 2022"
    assert headlines(day) == ["News 1"]
    assert day.select_one("h2 + ol .story-card h3.headline")


def test_video_hub_lists_published_videos(client, outlet, home):
    hub = home.add_child(instance=VideoIndexPage(title="Video", slug="video"))
    shown = VideoFactory(is_featured=False)
    VideoFactory(published_at=None, title="Belum terbit")
    soup = get_soup(client, hub.url)
    assert [a["href"] for a in soup.select("a.video-card")] == [f"/video/{shown.slug}/"]


def test_static_page_shows_its_body(client, outlet, home):
    about = home.add_child(instance=StandardPage(title="About Us", slug="about-us", body="<p>Tentang kami.</p>"))
    soup = get_soup(client, about.url)
    assert soup.h1.get_text(strip=True) == "About Us"
    assert soup.select_one(".rich-text").get_text(strip=True) == "Tentang kami."


def test_missing_page_is_a_404_in_the_site_frame(client, outlet):
    response = client.get("/read999999/tidak-ada")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Halaman tidak ditemukan"
    assert soup.select_one("nav.main-menu a[href='#sosial-media']")
