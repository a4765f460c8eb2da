"""A draft, a scheduled story and an unpublished story appear in no feed and no sitemap."""

import pytest
from lxml import etree

from redaksi.articles.tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
FEEDS = ["/rss/", "/atom/", "/rss/news/", "/atom/news/"]


def sitemap_urls(client):
    index = etree.fromstring(client.get("/sitemap.xml").content)
    return [loc.text.removeprefix("http://localhost") for loc in index.iter(f"{SM}loc")] + ["/sitemap-news.xml"]


def test_hidden_stories_are_in_no_feed_or_sitemap(client, news, wire_story, hidden_stories):
    fresh = ArticlePageFactory(section=news, title="Baru terbit")
    bodies = {url: client.get(url).content.decode() for url in FEEDS + sitemap_urls(client)}
    for url in FEEDS:
        assert wire_story.title in bodies[url] and fresh.title in bodies[url], url
    for story in (wire_story, fresh):
        assert sum(story.url in body for url, body in bodies.items() if "sitemap-2" in url) == 1
    assert fresh.url in bodies["/sitemap-news.xml"]
    for story in hidden_stories:
        for url, body in bodies.items():
            assert story.title not in body and f"/read{story.pk}" not in body, (story.title, url)
