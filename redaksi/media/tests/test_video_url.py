"""A video's URL is its page on the hub, known without a query of its own, wherever its card is shown."""

import pytest
from django.utils import translation

from redaksi.media.models import Video

from .factories import VideoFactory

pytestmark = pytest.mark.django_db


def test_video_url_is_the_hub_route(hub):
    video = VideoFactory(slug="sorotan-pasar")
    route = hub.reverse_subpage("video", kwargs={"slug": "sorotan-pasar"})
    assert Video.objects.get(pk=video.pk).get_absolute_url() == hub.url + route == "/video/sorotan-pasar/"


def test_video_url_follows_the_hub_slug_and_the_language(hub):
    hub.slug = "tayangan"
    hub.save_revision().publish()
    VideoFactory(slug="sorotan-pasar")
    with translation.override("en"):
        assert Video.objects.get().get_absolute_url() == "/en/tayangan/sorotan-pasar/"


def test_listed_videos_know_their_url_without_more_queries(hub, django_assert_num_queries):
    VideoFactory.create_batch(3)
    with django_assert_num_queries(1):
        urls = [video.get_absolute_url() for video in Video.objects.published()]
    assert len(set(urls)) == 3


def test_without_a_live_hub_the_card_links_to_the_video_itself(hub):
    hub.unpublish()
    VideoFactory(url="https://www.youtube.com/watch?v=demo01")
    assert Video.objects.get().get_absolute_url() == "https://www.youtube.com/watch?v=demo01"


def test_a_video_not_loaded_through_the_manager_still_finds_the_hub(hub):
    video = VideoFactory.build(slug="baru")
    assert video.get_absolute_url() == "/video/baru/"
