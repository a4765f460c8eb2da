"""Static pages (Tentang Kami, Pedoman Media Siber, Kontak) render their rich text under one h1."""

import pytest
from bs4 import BeautifulSoup

from redaksi.pages.models import StandardPage

pytestmark = pytest.mark.django_db

BODY = (
    "<h2>Ruang Lingkup</h2><p>Media siber adalah <b>segala bentuk media</b>.</p>"
    "<ol><li>Verifikasi</li><li>Keberimbangan</li></ol>"
    '<p>Surel: <a href="mailto:redaksi@example.com">redaksi@example.com</a></p>'
)


@pytest.fixture
def guideline(home):
    return home.add_child(instance=StandardPage(title="Pedoman Media Siber", slug="pedoman-media-siber", body=BODY))


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_static_page_renders_headings_lists_and_links_under_one_h1(client, guideline):
    soup = soup_of(client, "/pedoman-media-siber/")
    assert [h1.get_text() for h1 in soup.select("h1")] == ["Pedoman Media Siber"]
    body = soup.select_one(".static-page .rich-text")
    assert body.h2.get_text() == "Ruang Lingkup"
    assert body.b.get_text() == "segala bentuk media"
    assert [li.get_text() for li in body.select("ol li")] == ["Verifikasi", "Keberimbangan"]
    assert body.select_one("a")["href"] == "mailto:redaksi@example.com"


def test_static_page_title_names_the_page(client, guideline):
    assert soup_of(client, "/pedoman-media-siber/").title.get_text().startswith("Pedoman Media Siber |")


def test_static_page_is_served_under_en_with_the_english_frame(client, guideline):
    soup = soup_of(client, "/en/pedoman-media-siber/")
    assert soup.html["lang"] == "en"
    assert soup.select_one(".skip-link").get_text() == "Skip to content"
