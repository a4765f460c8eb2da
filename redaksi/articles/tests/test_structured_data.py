"""NewsArticle JSON-LD, breadcrumbs, Open Graph and Twitter tags, read back with extruct and checked against
Google's Article guidance (headline, images in 16:9, 4:3 and 1:1, dates with the zone, authors with URLs)."""

import datetime
from pathlib import Path

import extruct
import pytest
from django.conf import settings
from PIL import Image

from redaksi.articles.models import Correction

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def extract(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    data = extruct.extract(response.content.decode(), base_url="http://localhost/", syntaxes=["json-ld", "opengraph"])
    by_type = {item["@type"]: item for item in data["json-ld"]}
    opengraph = dict(data["opengraph"][0]["properties"])
    return by_type, opengraph


def image_size(url):
    path = Path(settings.MEDIA_ROOT) / url.removeprefix("http://localhost" + settings.MEDIA_URL)
    with Image.open(path) as image:
        return image.size


def test_news_article_follows_googles_article_guidance(client, seed_story):
    article = extract(client, seed_story)[0]["NewsArticle"]
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == seed_story.title and len(article["headline"]) <= 110
    assert article["mainEntityOfPage"] == article["url"] == f"http://localhost{seed_story.url}"
    sizes = [image_size(url) for url in article["image"]]  # the 1200x675 original is never enlarged
    assert [round(width / height, 2) for width, height in sizes] == [round(16 / 9, 2), round(4 / 3, 2), 1.0]
    assert sizes[0] == (1200, 675) and all(width * height >= 50_000 for width, height in sizes)
    assert article["datePublished"] == "2022-01-21T10:15:00+07:00"
    assert article["dateModified"].endswith("+07:00")
    [author] = article["author"]
    assert author == {"@type": "Person", "name": "Wartawan Jenewa", "url": "http://localhost/profil/wartawan-jenewa/"}
    assert article["editor"]["name"] == "Muhammad Syahrianto" and article["editor"]["url"].startswith("http://")
    assert article["publisher"]["name"] == "Warta Ekonomi"
    assert article["articleSection"] == "News"
    assert article["keywords"] == ["Rusia", "Ukraina"]
    assert article["inLanguage"] == "id" and article["isAccessibleForFree"] is True


def test_wire_story_names_its_source(client, seed_story):
    article = extract(client, seed_story)[0]["NewsArticle"]
    assert article["sourceOrganization"] == {"@type": "NewsMediaOrganization", "name": "Reuters"}
    assert article["isBasedOn"] == "https://www.reuters.com/world/europe/"


def test_a_correction_moves_date_modified(client, seed_story):
    Correction.objects.create(
        article=seed_story, noted_at=datetime.datetime(2022, 1, 22, 1, 0, tzinfo=datetime.UTC), text="Ralat nama."
    )
    assert extract(client, seed_story)[0]["NewsArticle"]["dateModified"] == "2022-01-22T08:00:00+07:00"


def test_breadcrumbs_lead_from_home_through_the_section(client, seed_story, news):
    trail = extract(client, seed_story)[0]["BreadcrumbList"]["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "Warta Ekonomi", "http://localhost/"),
        (2, "News", f"http://localhost{news.url}"),
        (3, seed_story.title, f"http://localhost{seed_story.url}"),
    ]


def test_open_graph_and_twitter_card(client, seed_story):
    response = client.get(seed_story.url)
    _, opengraph = extract(client, seed_story)
    assert opengraph["og:type"] == "article" and opengraph["og:title"] == seed_story.title
    assert opengraph["og:url"] == f"http://localhost{seed_story.url}"
    assert image_size(opengraph["og:image"]) == (1200, 675)
    assert opengraph["article:published_time"] == "2022-01-21T10:15:00+07:00"
    assert b'<meta name="twitter:card" content="summary_large_image">' in response.content


def test_a_headline_cannot_close_the_json_ld_script(client, news, outlet):
    story = ArticlePageFactory(section=news, title="Kutipan </script><script>alert(1)</script> & lainnya")
    html = client.get(story.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert extract(client, story)[0]["NewsArticle"]["headline"] == story.title


def test_feed_links_in_the_head(client, seed_story, news):
    html = client.get(seed_story.url).content.decode()
    for href in ("/rss/", "/atom/", f"/rss/{news.slug}/", f"/atom/{news.slug}/"):
        assert 'rel="alternate" type="application/' in html and f'href="{href}"' in html, href
