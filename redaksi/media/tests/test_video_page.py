"""A video's own page on the hub: hosted files play natively, external videos are linked, never embedded."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile

from .factories import VideoFactory

pytestmark = pytest.mark.django_db
PUBLISHED = datetime.datetime(2022, 1, 21, 12, 0, tzinfo=datetime.UTC)  # 19:00 WIB


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def youtube_video(hub):
    return VideoFactory(
        title="Sorotan Pasar",
        slug="sorotan-pasar",
        description="Ringkasan pasar sepekan.",
        url="https://www.youtube.com/watch?v=demo01",
        duration=datetime.timedelta(minutes=6, seconds=5),
        published_at=PUBLISHED,
    )


def test_external_video_shows_poster_and_a_watch_link_without_embedding(client, youtube_video):
    soup = soup_of(client.get("/video/sorotan-pasar/"))
    assert [h1.get_text() for h1 in soup.select("h1")] == ["Sorotan Pasar"]
    link = soup.select_one(".video-external")
    assert link["href"] == "https://www.youtube.com/watch?v=demo01"
    assert link["rel"] == ["noopener", "external"]
    assert link.get_text(strip=True) == "Tonton di YouTube"
    assert link.select_one("picture img")
    assert not soup.select("iframe, video, script[src]")


def test_video_page_shows_description_duration_and_wib_date(client, youtube_video):
    soup = soup_of(client.get("/video/sorotan-pasar/"))
    assert soup.select_one(".video-description").get_text(strip=True) == "Ringkasan pasar sepekan."
    duration = soup.select_one(".video-meta .video-duration time")
    assert (duration["datetime"], duration.get_text()) == ("P0DT00H06M05S", "6:05")
    assert soup.select_one(".video-meta > time").get_text() == "Jumat, 21 Januari 2022 | 19:00 WIB"


def test_hosted_video_plays_in_a_native_player_with_its_poster(client, hub):
    VideoFactory(slug="rapat-redaksi", url="", file=ContentFile(b"not really mp4", name="rapat.mp4"))
    soup = soup_of(client.get("/video/rapat-redaksi/"))
    player = soup.select_one(".video-player video")
    assert "controls" in player.attrs and player["preload"] == "none"
    assert player["poster"].endswith(".jpg")
    assert player.source["src"].startswith("/media/videos/rapat")
    assert not soup.select(".video-external")


def test_video_page_lists_other_videos_but_not_itself(client, youtube_video):
    others = VideoFactory.create_batch(5)
    soup = soup_of(client.get("/video/sorotan-pasar/"))
    links = [card["href"] for card in soup.select(".more-videos .video-card")]
    assert links == [f"/video/{video.slug}/" for video in others[::-1][:4]]
    assert soup.select_one("#more-videos-title").get_text() == "Video lainnya"


def test_video_page_is_english_under_en(client, youtube_video):
    soup = soup_of(client.get("/en/video/sorotan-pasar/"))
    assert soup.select_one(".video-external").get_text(strip=True) == "Watch on YouTube"


def test_vimeo_video_names_vimeo(client, hub):
    VideoFactory(slug="dari-vimeo", url="https://vimeo.com/123456")
    assert (
        soup_of(client.get("/video/dari-vimeo/")).select_one(".video-external").get_text(strip=True)
        == "Tonton di Vimeo"
    )
