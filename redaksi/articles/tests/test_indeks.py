"""Indeks: one WIB day's published stories, newest first, by section, in pages of 30, with day-to-day links."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from redaksi.articles.models import ArticleIndexPage
from redaksi.sections.tests.factories import SectionPageFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
TODAY = datetime.datetime(2022, 1, 21, 0, 30, tzinfo=WIB)  # still 20 January in UTC


@pytest.fixture
def indeks(home, outlet):
    with time_machine.travel(TODAY, tick=False):
        yield home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))


def at(day, hour, minute=0):
    return datetime.datetime(2022, 1, day, hour, minute, tzinfo=WIB)


def story(section, published, title):
    return ArticlePageFactory(section=section, title=title, first_published_at=published)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".index-day .story-card .headline a")]


def test_today_in_wib_is_the_default_day(client, indeks, news):
    story(news, at(21, 0, 10), "Lewat tengah malam")
    story(news, at(20, 23, 50), "Sebelum tengah malam")
    soup = soup_of(client, indeks.url)
    assert soup.select_one(".index-day h2").get_text(strip=True) == "Jumat, 21 Januari 2022"
    assert titles(soup) == ["Lewat tengah malam"]
    assert soup.select_one("input[type=date][name=tanggal]")["value"] == "2022-01-21"


def test_a_chosen_day_lists_its_stories_newest_first_with_their_section(client, indeks, news):
    sport = SectionPageFactory(title="Sport")
    story(news, at(20, 0, 0), "Tepat tengah malam")
    story(sport, at(20, 15), "Sore")
    story(news, at(20, 9), "Pagi")
    story(news, at(21, 0, 0), "Hari berikutnya")
    ArticlePageFactory(section=news, title="Draf", draft=True)
    soup = soup_of(client, f"{indeks.url}?tanggal=2022-01-20")
    assert titles(soup) == ["Sore", "Pagi", "Tepat tengah malam"]
    assert [p.get_text(strip=True) for p in soup.select(".index-day .kicker")] == ["Sport", "News", "News"]


def test_the_section_filter_keeps_one_desk(client, indeks, news):
    story(news, at(20, 9), "Berita News")
    story(SectionPageFactory(title="Sport", slug="sport"), at(20, 10), "Berita Sport")
    soup = soup_of(client, f"{indeks.url}?tanggal=2022-01-20&rubrik=sport")
    assert titles(soup) == ["Berita Sport"]
    assert soup.select_one("select[name=rubrik] option[selected]")["value"] == "sport"


def test_the_form_is_a_plain_get_form_in_indonesian(client, indeks, news):
    soup = soup_of(client, indeks.url)
    form = soup.select_one("form.index-filter")
    assert form["method"] == "get"
    assert form.select_one("label[for=id_tanggal]").get_text(strip=True) == "Tanggal"
    assert [o.get_text(strip=True) for o in form.select("select[name=rubrik] option")] == ["Semua rubrik", "News"]
    assert form.select_one("option[value=news]")
    assert form.button.get_text(strip=True) == "Tampilkan"


def test_a_day_pages_by_thirty(client, indeks, news):
    for minute in range(31):
        story(news, at(20, 8, minute), f"Berita {minute:02d}")
    first = soup_of(client, f"{indeks.url}?tanggal=2022-01-20")
    assert len(titles(first)) == 30 and titles(first)[0] == "Berita 30"
    assert first.select_one(".pager-position").get_text(strip=True) == "Halaman 1 dari 2"
    second = soup_of(client, indeks.url + first.select_one(".pager a[rel=next]")["href"])
    assert titles(second) == ["Berita 00"]


def test_days_link_to_the_day_before_and_after_but_not_past_today(client, indeks, news):
    earlier = soup_of(client, f"{indeks.url}?tanggal=2022-01-20&rubrik=news")
    assert earlier.select_one(".index-days a[rel=prev]")["href"] == "?tanggal=2022-01-19&rubrik=news"
    assert earlier.select_one(".index-days a[rel=next]")["href"] == "?tanggal=2022-01-21&rubrik=news"
    today = soup_of(client, indeks.url)
    assert today.select_one(".index-days a[rel=next]") is None


def test_an_empty_day_says_so(client, indeks, news):
    soup = soup_of(client, f"{indeks.url}?tanggal=2021-06-01")
    assert soup.select_one(".index-day .empty").get_text(strip=True) == "Tidak ada berita yang terbit pada tanggal ini."


def test_a_day_runs_from_midnight_to_midnight_wib_across_the_year_end(client, indeks, news):
    story(news, datetime.datetime(2021, 12, 31, 23, 59, 59, tzinfo=WIB), "Malam tahun baru")
    story(news, datetime.datetime(2022, 1, 1, 0, 0, 0, tzinfo=WIB), "Tepat tahun baru")
    story(news, datetime.datetime(2022, 1, 1, 6, 59, 59, tzinfo=WIB), "Pagi tahun baru")  # 31 December in UTC
    assert titles(soup_of(client, f"{indeks.url}?tanggal=2021-12-31")) == ["Malam tahun baru"]
    assert titles(soup_of(client, f"{indeks.url}?tanggal=2022-01-01")) == ["Pagi tahun baru", "Tepat tahun baru"]


@pytest.mark.parametrize(
    ("old", "new", "then"),
    [
        ("?date=2022-01-20&section=news", "?tanggal=2022-01-20&rubrik=news", 200),
        ("?date=2022-01-20&tanggal=2022-01-19", "?tanggal=2022-01-19", 200),  # the Indonesian name wins
        ("?page=2", "?halaman=2", 404),  # judged after the redirect: today has no second page
        ("?section=nope", "?rubrik=nope", 400),
    ],
)
def test_the_old_english_parameter_names_are_sent_to_the_indonesian_ones(client, indeks, news, old, new, then):
    response = client.get(f"{indeks.url}{old}")
    assert (response.status_code, response["Location"]) == (301, f"{indeks.url}{new}")
    assert client.get(response["Location"]).status_code == then
