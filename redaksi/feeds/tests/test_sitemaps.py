"""Sitemap index, month sitemaps, Google News sitemap and robots.txt: valid by the XSDs, complete, and cheap."""

import datetime
from pathlib import Path

import pytest
import time_machine
from lxml import etree

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.feeds import sitemaps

pytestmark = pytest.mark.django_db
XSD = Path(__file__).parent / "xsd"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
IMAGE = "{http://www.google.com/schemas/sitemap-image/1.1}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
UTC = datetime.UTC


def valid_xml(response, schema):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/xml")
    tree = etree.fromstring(response.content)
    xsd = etree.XMLSchema(etree.parse(str(XSD / schema)))
    assert xsd.validate(tree), xsd.error_log
    return tree


def locs(tree):
    return [loc.text for loc in tree.iter(f"{SM}loc")]


def story_at(section, *args, **kwargs):
    """A story published at the UTC time `args`, filed in its month's folder as the newsroom files it."""
    when = datetime.datetime(*args, tzinfo=UTC)
    return ArticlePageFactory(section=section, parent=section.archive_month(when), first_published_at=when, **kwargs)


def test_index_lists_the_pages_sitemap_and_every_month_of_the_archive(client, outlet, news):
    story_at(news, 2022, 1, 21, 3)
    story_at(news, 2022, 3, 2, 3)
    tree = valid_xml(client.get("/sitemap.xml"), "siteindex.xsd")
    assert locs(tree) == [
        "http://localhost/sitemap-halaman.xml",
        "http://localhost/sitemap-2022-01.xml",
        "http://localhost/sitemap-2022-02.xml",
        "http://localhost/sitemap-2022-03.xml",
    ]
    assert client.get("/sitemap-2022-02.xml").status_code == 200  # an empty month inside the archive


def test_a_month_lists_its_wib_stories_with_lastmod_and_hero_image(client, outlet, news):
    late_january_utc = story_at(news, 2022, 1, 31, 20, with_image=True)  # 1 February 03:00 WIB
    january = story_at(news, 2022, 1, 21, 3)
    tree = valid_xml(client.get("/sitemap-2022-01.xml"), "news-image-combined.xsd")
    assert locs(tree) == [f"http://localhost{january.url}"]
    tree = valid_xml(client.get("/sitemap-2022-02.xml"), "news-image-combined.xsd")
    [url] = tree.findall(f"{SM}url")
    assert url.findtext(f"{SM}loc") == f"http://localhost{late_january_utc.url}"
    assert url.findtext(f"{SM}lastmod") == "2022-02-01T03:00:00+07:00"
    image = url.findtext(f"{IMAGE}image/{IMAGE}loc")
    assert image == f"http://localhost{late_january_utc.hero_image.file.url}"


def test_a_correction_moves_the_lastmod(client, outlet, news):
    story = story_at(news, 2022, 1, 21, 3)
    with time_machine.travel(datetime.datetime(2022, 1, 22, 5, 0, tzinfo=UTC), tick=False):
        story.save_revision().publish()
    tree = valid_xml(client.get("/sitemap-2022-01.xml"), "news-image-combined.xsd")
    assert tree.findtext(f"{SM}url/{SM}lastmod") == "2022-01-22T12:00:00+07:00"


def test_a_busy_month_is_split_into_parts_that_cover_it_once(client, outlet, news, monkeypatch):
    monkeypatch.setattr(sitemaps, "URLS_PER_SITEMAP", 2)
    stories = [story_at(news, 2022, 1, day, 3) for day in range(1, 6)]
    index = locs(valid_xml(client.get("/sitemap.xml"), "siteindex.xsd"))
    assert index[1:] == [
        "http://localhost/sitemap-2022-01.xml",
        "http://localhost/sitemap-2022-01-2.xml",
        "http://localhost/sitemap-2022-01-3.xml",
    ]
    listed = [loc for url in index[1:] for loc in locs(valid_xml(client.get(url), "news-image-combined.xsd"))]
    assert listed == [f"http://localhost{story.url}" for story in stories]
    for missing in ("/sitemap-2022-01-4.xml", "/sitemap-2022-01-1.xml", "/sitemap-2022-01-0.xml"):
        assert client.get(missing).status_code == 404, missing


@pytest.mark.parametrize("url", ["/sitemap-2021-12.xml", "/sitemap-2999-01.xml", "/sitemap-2022-13.xml"])
def test_months_outside_the_archive_are_not_found(client, outlet, news, url):
    story_at(news, 2022, 1, 21, 3)
    assert client.get(url).status_code == 404


def test_pages_sitemap_lists_home_and_sections_not_stories(client, outlet, news, wire_story):
    tree = valid_xml(client.get("/sitemap-halaman.xml"), "news-image-combined.xsd")
    assert locs(tree) == ["http://localhost/", f"http://localhost{news.url}"]


def test_news_sitemap_holds_the_last_48_hours_with_publication_and_title(client, outlet, news):
    with time_machine.travel(datetime.datetime(2022, 1, 23, 3, 0, tzinfo=UTC), tick=False):
        fresh = story_at(news, 2022, 1, 22, 3, title="Rupiah menguat & IHSG <naik>")
        story_at(news, 2022, 1, 20, 3, title="Terlalu lama")
        tree = valid_xml(client.get("/sitemap-news.xml"), "news-image-combined.xsd")
    [url] = tree.findall(f"{SM}url")
    assert url.findtext(f"{SM}loc") == f"http://localhost{fresh.url}"
    news_element = url.find(f"{NEWS}news")
    assert news_element.findtext(f"{NEWS}publication/{NEWS}name") == "Warta Ekonomi"
    assert news_element.findtext(f"{NEWS}publication/{NEWS}language") == "id"
    assert news_element.findtext(f"{NEWS}publication_date") == "2022-01-22T10:00:00+07:00"
    assert news_element.findtext(f"{NEWS}title") == "Rupiah menguat & IHSG <naik>"


def test_robots_txt_points_at_both_sitemaps_and_keeps_crawlers_out_of_the_newsroom(client, site):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Sitemap: http://localhost/sitemap-news.xml" in lines


@pytest.mark.parametrize("count", [3, 30])
def test_sitemap_queries_do_not_grow_with_stories(client, outlet, news, django_assert_num_queries, count):
    for day in range(count):
        story_at(news, 2022, 1, 1 + day % 28, 3, with_image=True)
    client.get("/sitemap-2022-01.xml")  # warm the site cache
    with django_assert_num_queries(3):
        client.get("/sitemap.xml")
    with django_assert_num_queries(4):
        client.get("/sitemap-2022-01.xml")
