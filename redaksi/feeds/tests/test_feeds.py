"""RSS 2.0 and Atom feeds, read by a real client (feedparser) and checked against the W3C validator's rules."""

import datetime
import email.utils

import feedparser
import pytest
from lxml import etree

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.feeds import feeds

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
MEDIA = "{http://search.yahoo.com/mrss/}"


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return response


def test_rss_items_carry_permanent_guid_wib_date_authors_categories_and_credited_image(client, wire_story):
    response = fetch(client, "/rss/")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "rss20"
    assert parsed.feed.title == "Warta Ekonomi" and parsed.feed.language == "id"
    [item] = parsed.entries
    assert item.title == "Alot, Rusia Bilang Dialog dengan Amerika Berlanjut"
    assert item.link == f"http://localhost{wire_story.url}"
    assert item.id == f"http://localhost/read{wire_story.pk}"
    assert item.summary == "Pembicaraan di Jenewa berakhir tanpa terobosan."
    assert item.author == "Ayu Lestari, Budi Santoso"
    assert [tag.term for tag in item.tags] == ["News", "Rusia"]

    channel = etree.fromstring(response.content).find("channel")
    raw = channel.find("item")
    assert raw.findtext("pubDate") == "Fri, 21 Jan 2022 10:15:00 +0700"  # RFC 822, in WIB
    assert email.utils.parsedate_to_datetime(raw.findtext("pubDate")) == wire_story.published_at
    assert raw.find("guid").get("isPermaLink") == "true"
    media = raw.find(f"{MEDIA}content")
    assert media.get("url") == f"http://localhost{wire_story.hero_image.file.url}" and media.get("medium") == "image"
    assert media.findtext(f"{MEDIA}credit") == "Reuters/Anna Kudriavtseva"
    assert media.findtext(f"{MEDIA}description") == "Lavrov di Jenewa"


def test_rss_channel_has_what_the_w3c_validator_requires(client, wire_story):
    channel = etree.fromstring(fetch(client, "/rss/").content).find("channel")
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    assert email.utils.parsedate_to_datetime(channel.findtext("lastBuildDate")).utcoffset() == datetime.timedelta(
        hours=7
    )
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == "http://localhost/rss/"


def test_atom_has_ids_rfc3339_wib_times_and_a_feed_author(client, wire_story):
    response = fetch(client, "/atom/")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    root = etree.fromstring(response.content)
    assert root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}author/{ATOM}name") == "Warta Ekonomi"
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}id") == f"http://localhost/read{wire_story.pk}"
    assert entry.findtext(f"{ATOM}published") == "2022-01-21T10:15:00+07:00"
    assert entry.findtext(f"{ATOM}updated").endswith("+07:00")
    assert entry.find(f"{ATOM}link[@rel='alternate']").get("href") == f"http://localhost{wire_story.url}"
    assert entry.findtext(f"{MEDIA}content/{MEDIA}credit") == "Reuters/Anna Kudriavtseva"


def test_section_feeds_hold_only_their_section(client, outlet, news, sport):
    ArticlePageFactory(section=news, title="Berita news")
    ArticlePageFactory(section=sport, title="Berita olahraga")
    for url in ("/rss/sport/", "/atom/sport/"):
        parsed = feedparser.parse(fetch(client, url).content)
        assert [entry.title for entry in parsed.entries] == ["Berita olahraga"]
        assert parsed.feed.title == "Sport | Warta Ekonomi"
    assert client.get("/rss/tidak-ada/").status_code == 404


def test_feeds_hold_the_latest_stories_newest_first(client, outlet, news, monkeypatch):
    monkeypatch.setattr(feeds, "FEED_LENGTH", 3)
    start = datetime.datetime(2022, 3, 1, tzinfo=datetime.UTC)
    for day in range(5):
        ArticlePageFactory(section=news, title=f"Hari {day}", first_published_at=start + datetime.timedelta(days=day))
    parsed = feedparser.parse(fetch(client, "/rss/").content)
    assert [entry.title for entry in parsed.entries] == ["Hari 4", "Hari 3", "Hari 2"]


@pytest.mark.parametrize("count", [3, 30])
def test_feed_queries_do_not_grow_with_stories(client, outlet, news, django_assert_num_queries, count):
    for _ in range(count):
        ArticlePageFactory(section=news, with_image=True)
    fetch(client, "/rss/news/")  # warm the site and settings caches
    with django_assert_num_queries(5):
        fetch(client, "/rss/news/")
