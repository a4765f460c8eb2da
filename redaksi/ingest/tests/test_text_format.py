"""The plain-text format reads the outlet's seed page element by element; no database involved."""

import pytest

from ..formats.base import Paragraph, ParseError, RelatedLink
from ..formats.text import parse
from .texts import SEED, SEED_RELATED, article_text


@pytest.fixture(scope="module")
def seed():
    return parse(SEED.read_bytes(), SEED.name)


def paragraphs(story):
    return [block for block in story.body if isinstance(block, Paragraph)]


def test_headline_is_kept_as_written(seed):
    assert seed.headline == "Alot, Rusia Bilang Dialog dengan Amerika Berlanjut Saat Pembicaraan..."


def test_hero_credit_and_alt_text(seed):
    assert seed.hero_credit == "Reuters/Anna Kudriavtseva"
    assert seed.hero_alt_text == "Alot, Rusia Bilang Dialog dengan Amerika Berlanjut Saat Pembicaraan..."


def test_dateline_city_editor_and_wire(seed):
    assert (seed.dateline_city, seed.editor, seed.wire_source) == ("Jenewa", "Muhammad Syahrianto", "Reuters")


def test_body_has_nine_paragraphs_and_baca_juga_between_the_second_and_third(seed):
    assert (len(seed.body), len(paragraphs(seed))) == (10, 9)
    assert [type(block) for block in seed.body[1:4]] == [Paragraph, RelatedLink, Paragraph]
    assert seed.body[2] == RelatedLink(SEED_RELATED, 22)
    assert seed.body[0].text.startswith("Menteri Luar Negeri Rusia Sergei Lavrov")
    assert seed.body[3].text.startswith("Rusia, yang memiliki puluhan ribu tentara")


def test_read_more_is_split_off_the_paragraph_it_ends(seed):
    marked = [block for block in paragraphs(seed) if block.read_more]
    assert len(marked) == 1
    assert marked[0].text.endswith("Moskow akan membayar mahal.")
    assert "Baca selengkapnya" not in " ".join(block.text for block in paragraphs(seed))


def test_navigation_and_trailer_stay_out_of_the_body(seed):
    text = " ".join(block.text for block in paragraphs(seed))
    for word in ("Menu", "EkBis", "Social Media", "Editor:", "Bagikan Artikel", "Video Pilihan"):
        assert word not in text


def test_lines_are_remembered_for_later_errors(seed):
    assert seed.lines == {
        "headline": 13, "hero": 15, "dateline_city": 16, "editor": 38, "wire_source": 28, "authors": None
    }  # fmt: skip


def test_windows_line_ends_and_byte_order_mark_are_accepted():
    story = parse(b"\xef\xbb\xbf" + article_text().replace("\n", "\r\n").encode(), "crlf.txt")
    assert story.headline == "Harga Minyak Naik Tajam"
    assert [block.text for block in story.body] == ["Paragraf pertama berita.", "Paragraf kedua berita."]


def test_lines_of_one_paragraph_are_joined():
    story = parse(article_text(body=["Baris satu\nbaris dua."]).encode(), "joined.txt")
    assert story.body == (Paragraph("Baris satu baris dua.", 11),)


def test_baca_juga_is_its_own_block_and_ignores_case():
    story = parse(article_text(body=["Pertama.\nBACA JUGA:  Judul Lain \nKedua."]).encode(), "related.txt")
    assert story.body == (Paragraph("Pertama.", 11), RelatedLink("Judul Lain", 12), Paragraph("Kedua.", 13))


def test_missing_alt_text_falls_back_to_the_headline():
    story = parse(article_text(credit_line="Kredit Foto: Antara").encode(), "alt.txt")
    assert (story.hero_alt_text, story.hero_credit) == ("Harga Minyak Naik Tajam", "Antara")


@pytest.mark.parametrize(
    ("sentence", "agency"),
    [
        ("Hal itu disampaikan, dilansir Reuters, Jumat (21/1/2022).", "Reuters"),
        ("Dilansir dari The Straits Times Senin (3/1), harga naik.", "The Straits Times"),
        ("Seperti dilansir CNBC Indonesia.", "CNBC Indonesia"),
        ("Tidak ada sumber kantor berita di sini.", ""),
        ("Data yang dilansir pemerintah kemarin.", ""),
    ],
)
def test_wire_source_comes_from_dilansir(sentence, agency):
    assert parse(article_text(body=[sentence]).encode(), "wire.txt").wire_source == agency


def test_dateline_accepts_a_dash_of_any_length_and_a_city_with_a_comma():
    story = parse(article_text(dateline="Warta Ekonomi, Washington, D.C. \u2014").encode(), "dash.txt")
    assert story.dateline_city == "Washington, D.C."


def test_a_lone_baca_selengkapnya_is_still_marked():
    story = parse(article_text(body=["Isi.", "Baca selengkapnya"]).encode(), "alone.txt")
    assert story.body[-1] == Paragraph("", 13, read_more=True)


def seed_with(edit):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    edit(lines)
    return "\n".join(lines).encode()


def replace_line(number, text):
    return lambda lines: lines.__setitem__(number - 1, text)


def delete_lines(first, last=None):
    return lambda lines: lines.__delitem__(slice(first - 1, last or first))


JUNK = {
    "empty": (b"", 1, "the file is empty"),
    "only blank lines": (b"\n   \n\t\n", 1, "the file is empty"),
    "binary": (b"Menu\nNews\n\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 5, "binary data"),
    "not UTF-8": (seed_with(lambda lines: None).replace(b"Jenewa -", b"Gen\xe8ve -"), 16, "not UTF-8"),
    "control character": (seed_with(replace_line(20, "Berbicara\x0bpada")), 20, "control character U+000B"),
    "navigation only": (b"Menu\nNews\nEkBis\n", 3, "no headline after the navigation block"),
    "no headline": (seed_with(delete_lines(13, 14)), 13, "expected the headline, found the photo credit"),
    "no Kredit Foto line": (seed_with(delete_lines(15)), 15, "expected the '<alt text> Kredit Foto: <credit>'"),
    "empty credit": (seed_with(replace_line(15, "Alot Kredit Foto:  ")), 15, "Kredit Foto: <credit>"),
    "no dateline": (seed_with(delete_lines(16)), 17, "expected the dateline '<Outlet>, <City> -'"),
    "dateline without dash": (seed_with(replace_line(16, "Warta Ekonomi, Jenewa")), 16, "dateline"),
    "no body": (seed_with(delete_lines(17, 37)), 17, "no body paragraphs"),
    "no Editor line": (seed_with(delete_lines(38)), 41, "no 'Editor: <name>' line"),
    "empty editor name": (seed_with(replace_line(38, "Editor:")), 38, "no name after 'Editor:'"),
    "empty Baca Juga": (seed_with(replace_line(22, "Baca Juga:")), 22, "no headline after 'Baca Juga:'"),
}


@pytest.mark.parametrize(("data", "line", "problem"), JUNK.values(), ids=JUNK.keys())
def test_junk_is_refused_naming_file_and_line(data, line, problem):
    with pytest.raises(ParseError) as caught:
        parse(data, "junk.txt")
    assert str(caught.value).startswith(f"junk.txt:{line}: ")
    assert problem in str(caught.value)


def test_a_body_of_only_baca_juga_lines_has_no_paragraphs():
    with pytest.raises(ParseError, match=r"^page.txt:13: no body paragraphs"):
        parse(article_text(body=["Baca Juga: Judul Lain"]).encode(), "page.txt")


def test_the_headline_line_names_a_missing_headline():
    with pytest.raises(ParseError, match=r"^page.txt:7: expected the headline, found the photo credit"):
        parse(article_text(headline=None).encode(), "page.txt")
