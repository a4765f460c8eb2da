"""Junk in any search parameter answers 400 with the form and an Indonesian message, never 500."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

XSS = Path(__file__).parent / "data" / "xss_payloads_quick.txt"  # PayloadsAllTheThings, MIT (data/README.md)
MESSAGE = "Pencarian ini tidak dapat dijalankan"


@pytest.mark.parametrize(
    "query",
    [
        "?q=rupiah&halaman=abc",
        "?q=rupiah&halaman=0",
        "?q=rupiah&halaman=51",
        "?q=rupiah&dari=2999-99-99",
        "?q=rupiah&sampai=kemarin",
        "?q=rupiah&dari=2026-03-10&sampai=2026-03-01",
        "?q=rupiah&dari=0001-01-01",
        "?q=rupiah&sampai=9999-12-31",
        "?q=rupiah&rubrik=nope",
        "?q=rupiah&urut=acak",
        "?q=" + "rupiah+" * 50,
        "?q=rupiah%00",
    ],
)
def test_junk_answers_400_with_the_form_and_a_message(client, outlet, query):
    response = client.get(f"/cari/{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert MESSAGE in html and '<form class="search-form"' in html


def test_page_past_the_cap_says_why(client, outlet):
    html = client.get("/cari/?q=rupiah&halaman=51").content.decode()
    assert "Hasil pencarian hanya sampai halaman 50" in html


def test_only_get(client, outlet):
    assert client.post("/cari/", {"q": "rupiah"}).status_code == 405


class Tags(HTMLParser):
    """Collect the tags and event-handler attributes a page really has (escaped text has none)."""

    def __init__(self):
        super().__init__()
        self.names, self.handlers = set(), []

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)
        self.handlers += [name for name, _value in attrs if name.startswith("on")]


def tags(html):
    parser = Tags()
    parser.feed(html)
    return parser


def payloads():
    return [line for line in XSS.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("payload", payloads())
def test_script_payloads_come_back_escaped(client, outlet, indexed_story, payload):
    indexed_story(title=f"Rupiah {payload}", text=f"Rupiah {payload}")
    for query in (payload, f"rupiah {payload}"):
        response = client.get("/cari/", {"q": query})
        assert response.status_code in (200, 400)
        page = tags(response.content.decode())
        assert page.handlers == []
        assert not page.names & {"script", "img", "svg", "iframe", "object", "embed", "video", "audio"}
