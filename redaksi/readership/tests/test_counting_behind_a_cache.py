"""Reads count when the article page comes from a shared cache: the page never counts, its pixel always does."""

import pytest
from bs4 import BeautifulSoup

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership.models import HourlyReads

from .test_bots import READERS

pytestmark = pytest.mark.django_db


def test_each_reader_of_a_cached_page_is_counted_through_the_pixel(client, news):
    story = ArticlePageFactory(section=news)
    page = client.get(story.url)  # what an edge cache fetches once and then serves to everyone
    assert page.status_code == 200
    assert not HourlyReads.objects.exists()  # serving the page counted nothing
    pixel_url = BeautifulSoup(page.content, "html.parser").select_one("img.read-pixel")["src"]

    for number, user_agent in enumerate(READERS.values()):
        response = client.get(pixel_url, headers={"User-Agent": user_agent}, REMOTE_ADDR=f"198.51.100.{number}")
        assert response["Cache-Control"] == "no-store, private"  # an edge cache passes every pixel through
        assert not response.has_header("Expires") and not response.cookies

    assert HourlyReads.objects.get().reads == len(READERS)
