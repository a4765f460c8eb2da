"""End to end: the seed page, imported by load_demo through the importer, shows every element it had.

Expected words come from the seed file itself (redaksi/demo/data/articles/), not from the code under test.
"""

from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from redaksi.articles.models import ArticlePage

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "000_42ac34568c9be250.txt"
SEED_LINES = SEED.read_text(encoding="utf-8").splitlines()
MENU = SEED_LINES[1:11]  # the navigation block after "Menu"
HEADLINE = SEED_LINES[12]
SEED_PARAGRAPHS = [line for line in SEED_LINES[17 : SEED_LINES.index("Editor: Muhammad Syahrianto")] if line.strip()]


def text_of(element):
    return " ".join(element.get_text(" ").split())


@pytest.fixture
def seed(loaded):
    return ArticlePage.objects.get(guid="text:000_42ac34568c9be250")


@pytest.fixture
def html(client, seed):
    response = client.get(seed.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_seed_files_shape_is_what_these_tests_assume():
    assert (SEED_LINES[0], MENU[0], MENU[-1]) == ("Menu", "News", "Social Media")
    assert SEED_LINES[14].endswith("Kredit Foto: Reuters/Anna Kudriavtseva")
    assert SEED_LINES[15] == "Warta Ekonomi, Jenewa -"


def test_main_menu_is_the_seed_menu_and_every_link_works(client, html):
    links = html.select("nav.main-menu a")
    assert [text_of(a) for a in links] == MENU
    for a in links:
        if a["href"].startswith("#"):
            assert html.find(id=a["href"][1:]), a["href"]
        else:
            assert client.get(a["href"]).status_code == 200, a["href"]


def test_semantic_headline_and_hero_with_credit(html):
    article = html.select_one("main article")
    assert [text_of(h1) for h1 in html.find_all("h1")] == [HEADLINE]
    hero = article.select_one("figure")
    assert hero.select_one("img")["alt"] == HEADLINE
    assert "Kredit Foto: Reuters/Anna Kudriavtseva" in text_of(hero.figcaption)


def test_dateline_leads_the_first_paragraph(html):
    first = html.select_one(".story-body p")
    assert text_of(first.select_one(".dateline")) == "Warta Ekonomi, Jenewa -"
    assert text_of(first).startswith("Warta Ekonomi, Jenewa - Menteri Luar Negeri Rusia Sergei Lavrov")


def test_every_seed_paragraph_in_order_with_baca_juga_between(client, html):
    body = html.select_one(".story-body")
    shown = [text_of(p) for p in body.find_all("p") if not p.find_parent(class_="read-also")]
    expected = [p for p in SEED_PARAGRAPHS if not p.startswith("Baca Juga:")]
    assert shown[0] == "Warta Ekonomi, Jenewa - " + expected[0]
    assert shown[1:] == expected[1:]
    read_also = body.select_one(".read-also")
    assert text_of(read_also) == next(p for p in SEED_PARAGRAPHS if p.startswith("Baca Juga:"))
    target = client.get(read_also.a["href"])
    assert target.status_code == 200
    assert read_also.a.get_text(strip=True) in target.content.decode()


def test_wire_attribution_with_read_more_link(html):
    body = text_of(html.select_one(".story-body"))
    assert "dilansir Reuters" in body
    read_more = html.find_all("a", string="Baca selengkapnya")
    assert [a["href"] for a in read_more] == ["https://www.reuters.com/"]


def test_editor_credit(html):
    assert text_of(html.select_one("article .editor")) == "Editor: Muhammad Syahrianto"


def test_share_links_are_plain_links_to_the_canonical_url(html, seed):
    share = html.select_one(".share")
    assert text_of(share.find(["h2", "h3", "p"])) == "Bagikan Artikel:"
    url = "http://127.0.0.1:8000" + seed.url
    hrefs = [a["href"] for a in share.select("ul a")]
    hosts = [
        "https://wa.me/",
        "https://www.facebook.com/",
        "https://x.com/",
        "https://t.me/",
        "https://www.linkedin.com/",
    ]
    assert [text_of(a) for a in share.select("ul a")] == ["WhatsApp", "Facebook", "X", "Telegram", "LinkedIn"]
    assert [href[: len(host)] for href, host in zip(hrefs, hosts, strict=True)] == hosts
    assert all(quote(url, safe="") in href for href in hrefs)
    assert share.select_one("input#share-url")["value"] == url
    assert not html.find("script", src=lambda src: src and not src.startswith("/static/"))


def test_video_pilihan_strip(html):
    strip = html.select_one(".video-strip")
    assert text_of(strip.find("h2")) == "Video Pilihan"
    assert len(strip.select("a")) >= 4


def test_publication_time_in_wib(html):
    time = html.select_one("article time")
    assert time["datetime"] == "2022-01-21T21:10:00+07:00"
    assert text_of(time) == "Jumat, 21 Januari 2022 | 21:10 WIB"
