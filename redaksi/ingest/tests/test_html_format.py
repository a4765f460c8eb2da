"""The saved-page format: what it reads from a page, and the junk it refuses. No database involved."""

import datetime
from pathlib import Path

import lxml.html
import pytest

from redaksi.core.wib import WIB

from ..formats.base import ParseError
from ..formats.html import MAX_BYTES, parse, published_at

PAGE = Path(__file__).parent / "data" / "html" / "seed_saved_page.html"
BODY = "<p>Banjir setinggi lutut merendam permukiman warga di Jakarta Utara sejak Senin pagi, kata petugas.</p>" * 4


def page(head="", body=BODY, title="Banjir Rendam Jakarta Utara"):
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def stamps(head="", body=""):
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_the_seed_page_gives_headline_time_author_standfirst_and_addresses():
    story = parse(PAGE.read_bytes(), "seed.html")
    assert story.headline == "Alot, Rusia Bilang Dialog dengan Amerika Berlanjut Saat Pembicaraan di Jenewa"
    assert story.published_at == datetime.datetime(2022, 1, 21, 19, 30, tzinfo=WIB)
    assert story.authors == ("Muhammad Syahrianto",)
    assert story.standfirst.startswith("Menteri Luar Negeri Rusia Sergei Lavrov mengatakan dialog")
    assert story.url == "https://www.wartaekonomi.example/read382467/alot-rusia-bilang-dialog-dengan-amerika-berlanjut"
    assert story.lead_image.endswith("/wp-content/uploads/2022/01/lavrov-blinken-jenewa.jpg")
    assert story.site_name == "Warta Ekonomi"


def test_menu_sidebar_footer_and_scripts_stay_out_of_the_body():
    body = parse(PAGE.read_bytes(), "seed.html").body_html
    assert "Blinken dijadwalkan mengadakan jumpa pers sendiri" in body
    for boilerplate in ("Kabar Finansial", "Terpopuler", "Harga Emas Hari Ini", "Hak cipta", "dataLayer", "Bagikan"):
        assert boilerplate not in body


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<meta property="article:published_time" content="2022-01-21T12:30:00Z">', "", (2022, 1, 21, 19, 30)),
        ('<meta itemprop="datePublished" content="2022-01-21T08:00:00-05:00">', "", (2022, 1, 21, 20, 0)),
        ('<script type="application/ld+json">[{"@graph": [{"datePublished": "2022-01-21T10:00:00+07:00"}]}]</script>',
         "", (2022, 1, 21, 10, 0)),
        ("", '<time datetime="2022-01-21 09:15">Jumat pagi</time>', (2022, 1, 21, 9, 15)),
        ('<meta name="date" content="2022-01-21">', "", (2022, 1, 21, 0, 0)),
        ('<meta property="article:published_time" content="kemarin sore">'
         '<meta name="pubdate" content="2022-01-20T07:00:00+07:00">', "", (2022, 1, 20, 7, 0)),
    ],
)  # fmt: skip
def test_publication_time_comes_from_the_page_stamps_in_wib(head, body, expected):
    assert published_at(stamps(head, body), None) == datetime.datetime(*expected, tzinfo=WIB)


def test_without_stamps_the_extractor_date_is_midnight_wib_and_junk_is_no_date():
    assert published_at(stamps(), "2021-12-31") == datetime.datetime(2021, 12, 31, tzinfo=WIB)
    assert published_at(stamps(), None) is None
    assert published_at(stamps('<script type="application/ld+json">{not json</script>'), "bukan tanggal") is None


def test_several_authors_are_split_and_repeats_dropped():
    head = '<meta name="author" content="Ani Lestari; Budi Santoso; Ani Lestari">'
    assert parse(page(head).encode(), "p.html").authors == ("Ani Lestari", "Budi Santoso")


def test_without_og_image_the_first_body_picture_leads_made_absolute():
    head = '<link rel="canonical" href="https://lama.example/2020/01/banjir">'
    story = parse(page(head, body='<img src="/foto/banjir.jpg">' + BODY).encode(), "p.html")
    assert story.lead_image == "https://lama.example/foto/banjir.jpg"


def test_base_url_makes_addresses_absolute_when_the_page_has_none():
    story = parse(page(body='<img src="foto/banjir.jpg">' + BODY).encode(), "p.html", "https://lama.example/arsip/")
    assert (story.url, story.lead_image) == ("", "https://lama.example/arsip/foto/banjir.jpg")


def test_a_page_in_latin_1_declared_in_its_meta_is_read():
    data = page('<meta charset="iso-8859-1">', title="Caf\xe9 di Bandung").encode("latin-1")
    assert parse(data, "p.html").headline == "Café di Bandung"


JUNK = {
    "empty": (b"", 1, "the file is empty"),
    "blank": (b" \n\t\n", 1, "the file is empty"),
    "binary": (b"GIF89a\n\x01\x00\x00\x00", 2, "binary data"),
    "no story": (b"<html><head><title>Beranda</title></head><body><nav>Menu</nav></body></html>", 1, "no story"),
    "plain text": (b"Bukan HTML sama sekali, hanya satu baris.", 1, "no story"),
    "no headline": (page(title="").replace("<h1></h1>", "").encode(), 1, "no headline"),
}


@pytest.mark.parametrize(("data", "line", "problem"), JUNK.values(), ids=JUNK.keys())
def test_junk_is_refused_naming_the_file(data, line, problem):
    with pytest.raises(ParseError) as caught:
        parse(data, "junk.html")
    assert str(caught.value).startswith(f"junk.html:{line}: ")
    assert problem in str(caught.value)


def test_an_oversized_file_is_refused_before_parsing():
    with pytest.raises(ParseError, match="larger than 20 MB"):
        parse(b" " * (MAX_BYTES + 1), "big.html")


def test_the_h1_wins_over_a_title_with_the_site_name_added():
    data = page(title="Banjir Rendam Jakarta Utara").replace(
        "<title>Banjir Rendam Jakarta Utara</title>", "<title>Banjir Rendam Jakarta Utara | Warta Kota</title>"
    )
    assert parse(data.encode(), "p.html").headline == "Banjir Rendam Jakarta Utara"


def test_pictures_that_bring_other_stories_along_are_left_out_with_a_note():
    teasers = "".join(
        f'<li><img src="/t{number}.jpg"><a href="/berita/{number}">Berita lain nomor {number} tentang hal lain</a></li>'
        for number in range(30)
    )
    story = parse(page(body=BODY + f"<ul>{teasers}</ul>").encode(), "p.html")
    assert story.notes == ("pictures in the body left out: with them the extractor took in text around the story",)
    assert "<img" not in story.body_html and "Berita lain nomor 7" not in story.body_html


def test_pictures_of_the_story_are_kept():
    story = parse(PAGE.read_bytes(), "seed.html")
    assert story.notes == () and 'src="../images/peta-ukraina.jpg"' in story.body_html
