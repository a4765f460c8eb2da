"""The video hub and a video page run the same number of queries with 3 or 30 videos."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import VideoFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm alike: renditions exist, the site root paths are cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode().count('class="video-card"')


@pytest.mark.parametrize(
    "url, first, cards",
    [
        ("/video/", 3, (3, 20)),  # 3 videos, then 30
        ("/video/pertama/", 3, (2, 4)),  # the others, at most four
        ("/video/?halaman=2", 23, (3, 20)),  # 23 videos, then 50
    ],
)
def test_video_pages_queries_do_not_grow_with_videos(client, hub, url, first, cards):
    VideoFactory(slug="pertama", published_at="2022-01-01T00:00Z")
    VideoFactory.create_batch(first - 1)
    few, few_cards = queries_for(client, url)
    VideoFactory.create_batch(27)
    many, many_cards = queries_for(client, url)
    assert many == few
    assert (few_cards, many_cards) == cards
