"""404 and 500 pages: friendly, in the site's language, and the 500 page needs no database."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client, RequestFactory

from redaksi.articles.models import ArticleIndexPage
from redaksi.core.views import server_error
from redaksi.pages.models import HomePage


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def indeks(home):
    return home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))


@pytest.fixture
def failing_home(home, monkeypatch):
    """The front page fails with an unexpected error; the client answers like a server would."""

    def fail(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "serve", fail)
    return Client(raise_request_exception=False)


def test_404_is_indonesian_in_the_site_frame_with_links_home_and_to_indeks(client, indeks):
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.html["lang"] == "id"
    assert [h1.get_text() for h1 in soup.select("h1")] == ["Halaman tidak ditemukan"]
    assert soup.select_one(".site-header .main-menu") and soup.select_one(".site-footer")
    links = [(a.get_text(), a["href"]) for a in soup.select(".error-links a")]
    assert links == [("Kembali ke beranda", "/"), ("Telusuri semua berita menurut tanggal di Indeks", "/indeks/")]


def test_404_is_english_under_en(client, indeks):
    soup = soup_of(client.get("/en/nothing-here/"))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "Page not found"
    assert [a["href"] for a in soup.select(".error-links a")] == ["/en/", "/en/indeks/"]


def test_404_without_indeks_links_home_only(client, home):
    assert [a["href"] for a in soup_of(client.get("/tidak-ada/")).select(".error-links a")] == ["/"]


def test_an_unexpected_error_is_the_friendly_500_never_cached(failing_home):
    response = failing_home.get("/")
    assert response.status_code == 500
    assert response["Cache-Control"] == "no-store"
    soup = soup_of(response)
    assert soup.html["lang"] == "id"
    assert [h1.get_text() for h1 in soup.select("h1")] == ["Terjadi kesalahan"]
    assert soup.select_one(".error-links a")["href"] == "/"
    assert soup.select_one('link[rel="stylesheet"]')["href"] == "/static/redaksi/css/site.css"


def test_500_is_english_under_en(failing_home):
    soup = soup_of(failing_home.get("/en/"))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "Something went wrong"
    assert soup.select_one(".error-links a")["href"] == "/en/"


def test_500_renders_with_the_database_unreachable(django_db_blocker):
    with django_db_blocker.block():
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Terjadi kesalahan" in response.content.decode()
