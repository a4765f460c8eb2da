"""The reader's search page: results, filters, orders, pages, and a helpful answer to every query."""

import datetime

import pytest
import time_machine

from redaksi.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 10, 5, 0, tzinfo=datetime.UTC)  # 12:00 WIB


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def stories(outlet, indexed_story):
    """Three rupiah stories: an old one about rupiah in the headline, a fresh one in the body, one in Sport."""
    sport = SectionPageFactory(title="Sport", slug="sport")
    return {
        "old": indexed_story(title="Rupiah melemah, rupiah tertekan", first_published_at=days_ago(60)),
        "fresh": indexed_story(title="Pasar hari ini", text="Rupiah bergerak datar.", first_published_at=days_ago(1)),
        "sport": indexed_story(section=sport, title="Bonus atlet dalam rupiah", first_published_at=days_ago(3)),
        "other": indexed_story(title="Harga cabai naik", first_published_at=days_ago(2)),
    }


def page(client, query, status=200):
    response = client.get(f"/cari/{query}")
    assert response.status_code == status
    return response.content.decode()


def positions(html, stories, *names):
    return [html.index(f"/read{stories[name].pk}/") for name in names]


def test_results_show_headline_section_time_and_highlighted_snippet(client, stories):
    html = page(client, "?q=rupiah&urut=terbaru")
    assert "3 berita untuk “rupiah”" in html
    assert '<a href="/read{}/pasar-hari-ini">Pasar hari ini</a>'.format(stories["fresh"].pk) in html
    assert "<mark>Rupiah</mark> bergerak datar." in html
    assert "<mark>Rupiah</mark> melemah, <mark>rupiah</mark> tertekan" in html
    assert "Senin, 9 Maret 2026 | 12:00 WIB" in html and ">Sport<" in html
    assert "Harga cabai" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_newest_orders_by_time(client, stories):
    html = page(client, "?q=rupiah&urut=terbaru")
    fresh, sport, old = positions(html, stories, "fresh", "sport", "old")
    assert fresh < sport < old


def test_relevance_shows_every_story_with_the_word(client, stories):
    html = page(client, "?q=rupiah")
    assert len(positions(html, stories, "fresh", "sport", "old")) == 3 and "Harga cabai" not in html
    assert "3 berita untuk “rupiah”" in html


def test_a_misspelled_query_offers_the_spelling_the_stories_use(client, stories, indexed_story):
    for n in range(2):
        indexed_story(title=f"Rupiah hari ini {n}")
    html = page(client, "?q=Rupaih")
    assert "Mungkin maksud Anda:" in html and "?q=Rupiah" in html and "3 berita" not in html


def test_filters_by_section_and_dates(client, stories):
    html = page(client, "?q=rupiah&rubrik=sport")
    assert positions(html, stories, "sport") and f"/read{stories['fresh'].pk}/" not in html
    html = page(client, f"?q=rupiah&dari={days_ago(5):%Y-%m-%d}&sampai={days_ago(2):%Y-%m-%d}")
    assert "1 berita untuk" in html and positions(html, stories, "sport")


def test_stems_and_synonyms_find_stories(client, outlet, indexed_story):
    story = indexed_story(title="IHSG ditutup menguat", text="Pembicaraan dagang berlanjut.")
    assert f"/read{story.pk}/" in page(client, "?q=bicara")
    assert f"/read{story.pk}/" in page(client, "?q=indeks+harga+saham+gabungan")
    assert "<mark>IHSG</mark> ditutup" in page(client, "?q=indeks+harga+saham+gabungan")


def test_quoted_words_must_be_side_by_side(client, outlet, indexed_story):
    story = indexed_story(title="Harga minyak dunia", text="Minyak goreng mahal, harga naik.")
    assert f"/read{story.pk}/" in page(client, '?q="harga+minyak"')
    assert f"/read{story.pk}/" not in page(client, '?q="minyak+harga"')


def test_empty_query_gets_tips_and_sections(client, stories):
    html = page(client, "")
    assert "Apa yang Anda cari?" in html and 'href="/sport/"' in html
    assert "Apa yang Anda cari?" in page(client, "?q=+++")


def test_query_of_common_words_only_gets_tips(client, stories):
    assert "Kata-kata ini terlalu umum untuk dicari" in page(client, "?q=yang+dan+di")


def test_no_results_gets_suggestions(client, stories):
    html = page(client, "?q=kuda+nil")
    assert "Tidak ada berita untuk “kuda nil”" in html and 'href="/sport/"' in html


def test_pages_of_results(client, outlet, indexed_story):
    for number in range(12):
        indexed_story(title=f"Rupiah hari ke-{number}", first_published_at=days_ago(number))
    first = page(client, "?q=rupiah&urut=terbaru")
    assert "12 berita untuk" in first and 'rel="next" href="?q=rupiah&amp;urut=terbaru&amp;halaman=2"' in first
    second = page(client, "?q=rupiah&urut=terbaru&halaman=2")
    assert "hari ke-11</a>" in second and "hari ke-0</a>" not in second
    assert 'rel="prev" href="?q=rupiah&amp;urut=terbaru"' in second
    page(client, "?q=rupiah&halaman=3", status=404)


def test_header_box_is_a_labelled_get_form_on_every_page(client, stories):
    html = page(client, "?q=rupiah")
    assert '<form class="search-box" method="get" action="/cari/" role="search">' in html
    assert '<label for="search-box-q">' in html and 'value="rupiah"' in html
    home = client.get("/").content.decode()
    assert 'action="/cari/"' in home and "<script" not in html
