"""The video hub: published videos newest first, numbered pages, each card linking to the video's page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from .factories import VideoFactory

pytestmark = pytest.mark.django_db
NOW = timezone.now().replace(microsecond=0)


def videos(count):
    """`count` published videos, an hour apart, the newest first."""
    return [
        VideoFactory(title=f"Video {n}", slug=f"video-{n}", published_at=NOW - datetime.timedelta(hours=n))
        for n in range(count)
    ]


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def cards(soup):
    return [(card.select_one(".video-title").get_text(), card["href"]) for card in soup.select(".video-card")]


def test_hub_lists_published_videos_newest_first_linking_to_their_pages(client, hub):
    videos(3)
    VideoFactory(title="Belum terbit", published_at=None)
    VideoFactory(title="Terjadwal", published_at=timezone.now() + datetime.timedelta(hours=1))
    soup = soup_of(client.get("/video/"))
    assert [h1.get_text() for h1 in soup.select("h1")] == ["Video"]
    assert cards(soup) == [
        ("Video 0", "/video/video-0/"),
        ("Video 1", "/video/video-1/"),
        ("Video 2", "/video/video-2/"),
    ]
    assert not soup.select(".pager")


def test_hub_pages_by_number(client, hub):
    videos(23)
    first = soup_of(client.get("/video/"))
    assert len(cards(first)) == 20
    assert first.select_one(".pager a[rel=next]")["href"] == "?halaman=2"
    assert first.select_one(".pager-position").get_text() == "Halaman 1 dari 2"
    second = soup_of(client.get("/video/?halaman=2"))
    assert [title for title, _url in cards(second)] == ["Video 20", "Video 21", "Video 22"]
    assert second.select_one(".pager a[rel=prev]")["href"] == "?"


def test_hub_says_when_there_are_no_videos(client, hub):
    assert soup_of(client.get("/video/")).select_one(".empty").get_text() == "Belum ada video."


def test_hub_is_english_under_en(client, hub):
    videos(21)
    soup = soup_of(client.get("/en/video/"))
    assert cards(soup)[0] == ("Video 0", "/en/video/video-0/")
    assert soup.select_one(".pager-position").get_text() == "Page 1 of 2"


def test_the_old_english_page_parameter_is_sent_to_halaman(client, hub):
    response = client.get("/video/?page=2")
    assert (response.status_code, response["Location"]) == (301, "/video/?halaman=2")
