"""Bad Indeks parameters answer the page in the site's design with the form and a clear Indonesian message."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from redaksi.articles.models import ArticleIndexPage

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
FILTERS_MESSAGE = "Filter ini tidak dapat ditampilkan. Periksa tanggal dan rubrik, lalu coba lagi."


@pytest.fixture
def indeks(home, outlet, news):
    with time_machine.travel(datetime.datetime(2022, 1, 21, 12, 0, tzinfo=WIB), tick=False):
        ArticlePageFactory(section=news)
        yield home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))


def answer(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("nav.main-menu") and len(soup.find_all("h1")) == 1
    assert soup.select_one("form.index-filter select[name=rubrik]")
    return soup.select_one(".notice[role=alert]").get_text(" ", strip=True)


@pytest.mark.parametrize(
    "query",
    [
        "tanggal=abc",
        "tanggal=2999-01-01",
        "tanggal=1899-12-31",
        "tanggal=99999-01-01",
        "tanggal=2022-02-30",
        "halaman=-1",
        "halaman=0",
        "halaman=abc",
        "halaman=1e3",
        "halaman=" + "9" * 40,
        "rubrik=nope",
        "rubrik=../admin",
    ],
)
def test_invalid_input_is_a_400_with_the_form_and_a_message(client, indeks, query):
    assert FILTERS_MESSAGE in answer(client, f"{indeks.url}?{query}", 400)


def test_a_future_date_says_why(client, indeks):
    response = client.get(f"{indeks.url}?tanggal=2999-01-01")
    assert "Pilih tanggal paling lambat hari ini." in response.content.decode()


def test_a_bad_page_number_says_why(client, indeks):
    assert "Nomor halaman harus bilangan bulat mulai dari 1." in answer(client, f"{indeks.url}?halaman=-1", 400)


def test_a_page_past_the_end_of_the_day_is_a_404_with_a_way_back(client, indeks):
    message = answer(client, f"{indeks.url}?halaman=999", 404)
    assert message.startswith("Halaman indeks ini tidak ada.")
    response = client.get(f"{indeks.url}?tanggal=2022-01-21&halaman=2")
    assert response.status_code == 404
    back = BeautifulSoup(response.content, "html.parser").select_one(".notice a")
    assert back["href"] == "?tanggal=2022-01-21"
