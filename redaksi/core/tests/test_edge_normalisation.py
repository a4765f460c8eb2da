"""The edge normalises URLs before lookup: tracking parameters go, pages keep only what they read, sorted."""

import pytest

from redaksi.articles.models import ArticleIndexPage
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core.tests.edge_client import ECHO_URLCONF, seen_by_app

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(outlet, news):
    return ArticlePageFactory(section=news, title="Harga beras naik lagi", slug="harga-beras-naik")


@pytest.fixture
def echo(settings):
    settings.ROOT_URLCONF = ECHO_URLCONF


def caches(edge, paths):
    return [edge.get(path).cache for path in paths]


def test_tracking_variants_of_a_story_are_one_object(edge, story):
    variants = ["?utm_source=1", "?utm_source=2&utm_medium=social", "?fbclid=IwAR0x", "?gclid=Cj0K&_ga=1.2", ""]
    assert caches(edge, [story.url, *(story.url + query for query in variants)]) == ["MISS"] + ["HIT"] * 5


def test_pages_that_take_no_parameters_drop_them_all(edge, story):
    for path in (story.url, f"/read{story.pk}", "/rss/", "/sitemap.xml", "/en/"):
        edge.get(path)
        assert edge.get(f"{path}?foo=1&x").cache == "HIT", path
        assert edge.get(f"{path}?sebelum=5").cache == "HIT", path


def test_parameter_order_does_not_matter(edge, story):
    assert caches(edge, ["/cari/?q=beras&urut=terbaru", "/cari/?urut=terbaru&q=beras"]) == ["MISS", "HIT"]
    assert edge.get("/cari/?utm_campaign=x&urut=terbaru&zz=1&q=beras").cache == "HIT"


def test_search_and_the_indeks_keep_their_real_parameters(edge, story, home):
    home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))
    distinct = ["/cari/?q=beras", "/cari/?q=padi", "/cari/?q=beras&halaman=2", "/cari/?q=beras&rubrik=news"]
    distinct += ["/indeks/", "/indeks/?tanggal=2022-01-21", "/indeks/?tanggal=2022-01-21&rubrik=news"]
    distinct += ["/news/?sebelum=1"]
    assert caches(edge, distinct) == ["MISS"] * len(distinct)
    assert caches(edge, distinct) == ["HIT"] * len(distinct)
    assert edge.get("/cari/?fbclid=1&q=beras").cache == "HIT"


def test_the_app_gets_the_normalised_address(edge, echo):
    seen = seen_by_app(edge, "/_echo/?utm_source=x&zz=1&sesudah=9&page=2&fbclid=y&&sebelum=5&Page=3&%70age=4")
    assert seen["path"] == "/_echo/?page=2&sebelum=5&sesudah=9"
    assert seen_by_app(edge, "/_echo/?utm_source=x&gclid=1")["path"] == "/_echo/"


def test_the_front_page_keeps_only_wordpress_query_addresses(edge, story):
    assert caches(edge, ["/", "/?x=1&utm_source=a", "/?p=12", "/?utm_medium=b&p=12", "/?p=abc"]) == [
        "MISS",
        "HIT",
        "MISS",
        "HIT",
        "HIT",
    ]


def test_the_api_loses_tracking_parameters_but_still_refuses_unknown_ones(edge, story):
    assert edge.get("/api/v1/stories?utm_source=newsletter").status == 200
    refused = edge.get("/api/v1/stories?sectoin=news")
    assert (refused.status, "sectoin" in refused.body) == (400, True)
