"""Unpublished or unknown videos and junk page numbers answer the friendly 404, never a 500."""

import pytest

from .factories import VideoFactory

pytestmark = pytest.mark.django_db


def assert_friendly_404(response):
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_unpublished_video_is_a_404(client, hub):
    VideoFactory(slug="belum-terbit", published_at=None)
    assert_friendly_404(client.get("/video/belum-terbit/"))


def test_unknown_video_is_a_404(client, hub):
    assert_friendly_404(client.get("/video/tidak-ada/"))


@pytest.mark.parametrize("number", ["abc", "-1", "0", "3", "1.5", "９", "99999999999", ""])
def test_junk_page_number_is_a_404(client, hub, number):
    VideoFactory.create_batch(3)
    assert_friendly_404(client.get(f"/video/?halaman={number}"))
