"""A draft, a scheduled story and an unpublished story (and an unpublished video) appear in no API response."""

import datetime

import pytest
from django.utils import timezone

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.media.tests.factories import VideoFactory

from .conftest import get_json

pytestmark = pytest.mark.django_db
LISTINGS = [
    "/api/v1/stories",
    "/api/v1/stories?section=news",
    "/api/v1/stories?tag=rahasia",
    "/api/v1/stories?person=dewi-rahasia",
    "/api/v1/stories?published_after=2000-01-01",
    "/api/v1/stories?published_before=2999-01-01",
    "/api/v1/videos",
]


def test_hidden_stories_are_in_no_listing_or_detail(client, news, wire_story, hidden_stories):
    visible = ArticlePageFactory(section=news, title="Baru terbit")
    bodies = {url: client.get(url).content.decode() for url in LISTINGS}
    assert all(visible.title in bodies[url] for url in LISTINGS[:2])
    for story in hidden_stories:
        assert get_json(client, f"/api/v1/stories/{story.pk}", status=404)["error"]["parameter"] == "id"
        for url, body in bodies.items():
            assert story.title not in body and f"/read{story.pk}/" not in body, (story.title, url)


def test_body_links_to_hidden_stories_and_videos_are_left_out(client, news, hidden_stories, video_hub):
    scheduled_video = VideoFactory(title="Video besok", published_at=timezone.now() + datetime.timedelta(days=1))
    body = [("related_story", {"story": story}) for story in hidden_stories] + [("video", scheduled_video)]
    story = ArticlePageFactory(section=news, body=body)
    detail = get_json(client, f"/api/v1/stories/{story.pk}")
    assert detail["body"] == [] and detail["body_html"] == ""
    assert get_json(client, f"/api/v1/videos/{scheduled_video.pk}", status=404)
    assert "Video besok" not in client.get("/api/v1/videos").content.decode()


def test_unpublished_section_is_not_listed(client, news, sport):
    sport.unpublish()
    assert [section["slug"] for section in get_json(client, "/api/v1/sections")["results"]] == ["news"]
    assert get_json(client, "/api/v1/stories?section=sport", status=400)["error"]["parameter"] == "section"
