"""The demo outlet's static pages: Tentang Kami, Redaksi, Pedoman Media Siber and Kontak, linked from the footer."""

import pytest
from bs4 import BeautifulSoup

from redaksi.conftest import module_transaction
from redaksi.demo.tests.conftest import load_demo
from redaksi.pages.models import MastheadPage, StandardPage

GUIDELINE_SECTIONS = [
    "1. Ruang Lingkup",
    "2. Verifikasi dan keberimbangan berita",
    "3. Isi Buatan Pengguna (User Generated Content)",
    "4. Ralat, Koreksi, dan Hak Jawab",
    "5. Pencabutan Berita",
    "6. Iklan",
    "7. Hak Cipta",
    "8. Pencantuman Pedoman",
    "9. Sengketa",
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo once for this module and roll it back after."""
    with module_transaction(django_db_blocker):
        load_demo()
        yield


@pytest.fixture
def soup(demo, db, client):
    def get(url):
        response = client.get(url, HTTP_HOST="127.0.0.1:8000")
        assert response.status_code == 200
        return BeautifulSoup(response.content, "html.parser")

    return get


def test_footer_links_the_four_static_pages(soup):
    links = [(a.get_text(), a["href"]) for a in soup("/").select(".footer-links a")]
    assert links == [
        ("Tentang Kami", "/tentang-kami/"),
        ("Redaksi", "/redaksi/"),
        ("Pedoman Media Siber", "/pedoman-media-siber/"),
        ("Kontak", "/kontak/"),
    ]


def test_guideline_is_dewan_pers_text_in_its_nine_sections(soup):
    body = soup("/pedoman-media-siber/").select_one(".rich-text")
    assert [h2.get_text() for h2 in body.select("h2")] == GUIDELINE_SECTIONS
    text = body.get_text()
    assert "Peraturan Dewan Pers Nomor 1/Peraturan-DP/III/2012" in text
    assert "selambat-lambatnya 2 x 24 jam setelah pengaduan diterima" in text


def test_masthead_lists_the_demo_newsroom_from_the_top(soup):
    entries = soup("/redaksi/").select(".masthead-entry")
    assert [entry.dt.get_text() for entry in entries][:2] == ["Pemimpin Redaksi", "Redaktur Pelaksana"]
    assert entries[0].select_one("dd a")["href"] == "/profil/sri-wahyuningsih/"
    assert "Muhammad Syahrianto" not in soup("/redaksi/").select_one(".masthead-list").get_text()


def test_contact_page_gives_address_email_and_phone(soup):
    text = soup("/kontak/").select_one(".rich-text").get_text()
    assert "redaksi@wartaekonomi.example" in text and "(021) 1234-5678" in text


def test_a_second_run_adds_no_static_page_or_masthead_entry(demo, db):
    before = (StandardPage.objects.count(), MastheadPage.objects.get().entries.count())
    load_demo()
    assert (StandardPage.objects.count(), MastheadPage.objects.get().entries.count()) == before == (3, 11)
