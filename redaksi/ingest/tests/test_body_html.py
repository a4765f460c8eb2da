"""Markup from wires and saved pages to body blocks: links, pictures, embeds, junk."""

import re
from html import unescape
from pathlib import Path

import pytest
from django.utils.html import strip_tags

from redaksi.articles.models import ArticlePage
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.ingest.body import html_to_body, video_link
from redaksi.media.tests.factories import PhotoFactory

from .test_body_wordpress import read, stored


def test_links_are_rewritten_and_only_web_and_mail_links_survive():
    source = (
        '<p><a href="https://lama.example/2019/01/berita">lama</a> <a href="/relatif">relatif</a> '
        '<a href="mailto:redaksi@example.com">surel</a> <a href="javascript:alert(1)">js</a> '
        '<a href="ftp://example.com/f">ftp</a></p>'
    )
    conversion = html_to_body(source, rewrite_url=lambda url: url.replace("lama.example", "baru.example"))
    assert stored(conversion) == [
        (
            "paragraph",
            '<p><a href="https://baru.example/2019/01/berita">lama</a> relatif '
            '<a href="mailto:redaksi@example.com">surel</a> js ftp</p>',
        )
    ]


def test_relative_links_live_when_rewrite_url_makes_them_absolute():
    conversion = html_to_body(
        '<p><a href="/2019/berita">x</a></p>', rewrite_url=lambda url: f"https://baru.example{url}"
    )
    assert stored(conversion) == [("paragraph", '<p><a href="https://baru.example/2019/berita">x</a></p>')]


def test_only_bold_italic_links_and_line_breaks_are_kept():
    source = (
        '<p style="color:red" class="x"><span style="font-weight:bold">a</span> <strong>b</strong> <em>c</em> '
        "<u>d</u> <sup>e</sup> <code>f</code><br>g</p>"
    )
    assert stored(html_to_body(source, autop=False)) == [("paragraph", "<p>a <b>b</b> <i>c</i> d e f<br>g</p>")]


@pytest.mark.django_db
def test_found_picture_becomes_an_image_block_with_its_caption():
    photo = PhotoFactory()
    found = {"https://lama.example/foto.jpg": photo}
    source = (
        '<figure><img src="https://lama.example/foto.jpg"><figcaption>Presiden di <b>Istana</b></figcaption></figure>'
    )
    conversion = html_to_body(source, find_image=found.get)
    assert stored(conversion) == [("image", {"image": photo, "caption": "Presiden di Istana"})]
    assert conversion.warnings == []


@pytest.mark.django_db
def test_converted_blocks_save_and_render_in_an_article(news):
    photo = PhotoFactory()
    source = (
        '<h2>Sub judul</h2><p>Teks <a href="https://example.com/">tautan</a></p>'
        '<blockquote><p>Kutipan</p><cite>Narasumber</cite></blockquote><img src="https://lama.example/f.jpg">'
    )
    conversion = html_to_body(source, find_image=lambda src: photo)
    page = ArticlePage.objects.get(pk=ArticlePageFactory(section=news, body=conversion.blocks).pk)
    assert [block.block_type for block in page.body] == ["heading", "paragraph", "quote", "image"]
    rendered = str(page.body)
    assert "Sub judul" in rendered and 'href="https://example.com/"' in rendered and "Narasumber" in rendered


def test_iframes_videos_and_custom_embeds_become_links_with_warnings():
    source = (
        '<iframe src="https://www.youtube-nocookie.com/embed/abc?rel=0"></iframe>'
        '<video><source src="https://cdn.example/v.mp4"></video>'
        '<iframe src="javascript:alert(1)"></iframe>'
    )
    conversion = html_to_body(source, autop=False)
    assert stored(conversion) == [
        ("paragraph", '<p><a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></p>'),
        ("paragraph", '<p><a href="https://cdn.example/v.mp4">https://cdn.example/v.mp4</a></p>'),
    ]
    assert conversion.warnings == [
        "iframe https://www.youtube-nocookie.com/embed/abc?rel=0 replaced by a link",
        "video https://cdn.example/v.mp4 replaced by a link",
        "iframe dropped",
    ]


def test_video_link_turns_player_addresses_into_watch_pages():
    assert video_link("https://www.youtube.com/embed/abc") == "https://www.youtube.com/watch?v=abc"
    assert video_link("https://player.vimeo.com/video/123") == "https://vimeo.com/123"
    assert video_link("https://example.com/embed/x") == "https://example.com/embed/x"


def test_dpa_wire_body_headings_lists_tables_and_custom_embeds():
    conversion = html_to_body(read("dpa_rubix_multimedia_testartikel.html"), autop=False)
    rows = stored(conversion)
    assert ("heading", "Zwischentitel") in rows
    assert (
        "paragraph",
        '<p>Oder <a href="https://www.dpa.com/de">Verlinkungen</a>. Enthalten sind aber auch Aufzählungen.</p>',
    ) in rows
    assert ("paragraph", "<p>3. Ein dritter Punkt</p>") in rows
    assert ("paragraph", "<p>• Ein ergänzender Punkt mit<br>Zeilenumbruch</p>") in rows
    assert ("paragraph", "<p>Kategorie 1 | Wert 1 | Wert 2 | Wert 3 mit Absatz</p>") in rows
    youtube = "https://www.youtube.com/watch?v=jNQXAC9IVRw"
    assert ("paragraph", f'<p><a href="{youtube}">{youtube}</a></p>') in rows
    assert "dnl-twitterembed https://x.com/jack/status/20 replaced by a link" in conversion.warnings


def test_dpa_dateline_and_ap_body_keep_their_paragraphs():
    dpa = stored(html_to_body(read("dpa_with_dateline.html"), autop=False))
    assert dpa[0][1].startswith("<p>New York (dpa) - Ein Chatbot aus China")
    ap = stored(html_to_body(read("ninjs_033_body_html.html"), autop=False))
    assert ap[0][1].startswith("<p>GROSSETO, Italy (AP) -- The trial")
    assert all(block_type == "paragraph" for block_type, _value in ap)


def test_sport_tables_in_wire_copy_flatten_to_rows():
    conversion = html_to_body(read("dpa_spe_tab.html"), autop=False)
    assert ("paragraph", "<p>FC Augsburg | - | Bor. Mönchengladbach | 2:1 (1:0)</p>") in stored(conversion)


@pytest.mark.parametrize(
    "junk",
    ["", "   \n\n ", "<p>", "</p></div>", "\x00\x01\x02", "[caption]", "<!-- wp:paragraph -->", "<!-- wp:",
     "<html><head><title>x</title></head><body></body></html>", "\ufeff", "<img>", "<table></table>"],
)  # fmt: skip
def test_empty_markup_gives_no_blocks(junk):
    assert html_to_body(junk).blocks == []


@pytest.mark.parametrize("junk", ["<", "<<<>>>", "[/caption]", "a & b < c", "&#0;&#xD800;"])
def test_stray_markup_characters_stay_escaped_text(junk):
    for _block_type, value in html_to_body(junk).blocks:
        assert value.source.startswith("<p>") and "<" not in value.source[3:-4]


def test_a_full_document_gives_its_body_and_names_what_it_drops():
    conversion = html_to_body(
        "<html><head><title>Judul</title></head><body><p>Isi</p><script>x()</script></body></html>", autop=False
    )
    assert stored(conversion) == [("paragraph", "<p>Isi</p>")]
    assert "script dropped" in conversion.warnings


def test_deep_nesting_converts_and_too_deep_nesting_falls_back_to_plain_text():
    nested = "<div><b>" * 100 + "Dalam" + "</b></div>" * 100
    assert stored(html_to_body(nested, autop=False)) == [("paragraph", "<p><b>Dalam</b></p>")]
    too_deep = html_to_body("<div><b>" * 600 + "Dalam" + "</b></div>" * 600, autop=False)
    assert stored(too_deep) == [("paragraph", "<p>Dalam</p>")]
    assert too_deep.warnings == ["markup nested too deeply: kept as plain text"]
    assert html_to_body("<div>" * 5000, autop=False).blocks == []


def test_many_bracketed_words_convert_quickly():
    assert len(html_to_body("[a] " * 20000).blocks) == 1


def test_naughty_strings_convert_and_plain_ones_keep_their_words():
    lines = (Path(__file__).parent / "data" / "payloads" / "blns.txt").read_text(encoding="utf-8").split("\n")
    for line in (line for line in lines if line.strip() and not line.startswith("#")):
        conversion = html_to_body(line)
        text = " ".join(strip_tags(str(value.source)) for _type, value in conversion.blocks if hasattr(value, "source"))
        if any(char.isalnum() for char in line) and not re.search(r"[<>&\[\]\x00-\x1f\x7f]", line):
            assert " ".join(unescape(text).split()) == " ".join(line.split()), line


def test_script_inside_headings_quotes_and_captions_is_not_kept_as_words():
    source = (
        "<h2>Judul<script>alert(1)</script></h2><blockquote>Kutipan<style>p{}</style><cite>Ani"
        "<script>x()</script></cite></blockquote><table><caption>Tabel<script>y()</script></caption>"
        "<tr><td>Sel<noscript>z</noscript></td></tr></table>"
    )
    conversion = html_to_body(source, autop=False)
    assert stored(conversion) == [
        ("heading", "Judul"),
        ("quote", {"text": "Kutipan", "attribution": "Ani"}),
        ("paragraph", "<p>Tabel</p>"),
        ("paragraph", "<p>Sel</p>"),
    ]
    assert conversion.warnings == [
        "script dropped",
        "style dropped",
        "noscript dropped",
        "table flattened into paragraphs (1 row)",
    ]
