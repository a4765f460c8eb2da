"""WordPress post content (classic with shortcodes and wpautop, and Gutenberg blocks) to body blocks."""

from pathlib import Path

import pytest

from redaksi.ingest.body import html_to_body
from redaksi.media.tests.factories import PhotoFactory

DATA = Path(__file__).parent / "data" / "body"


def read(name):
    return (DATA / name).read_text(encoding="utf-8")


def stored(conversion):
    """Return the blocks as (type, stored value) pairs: rich text as its source, structs as dicts."""
    rows = []
    for block_type, value in conversion.blocks:
        if hasattr(value, "source"):
            value = value.source
        elif hasattr(value, "items"):
            value = dict(value.items())
        rows.append((block_type, value))
    return rows


def test_blank_lines_make_paragraphs_and_single_newlines_line_breaks():
    conversion = html_to_body("Satu baris\nbaris dua\n\nParagraf kedua\n\n\n<p>Paragraf ketiga</p>")
    assert stored(conversion) == [
        ("paragraph", "<p>Satu baris<br>baris dua</p>"),
        ("paragraph", "<p>Paragraf kedua</p>"),
        ("paragraph", "<p>Paragraf ketiga</p>"),
    ]


def test_without_autop_newlines_are_only_whitespace():
    conversion = html_to_body("<p>Satu baris\nbaris dua</p>\n\nTeks", autop=False)
    assert stored(conversion) == [("paragraph", "<p>Satu baris baris dua</p>"), ("paragraph", "<p>Teks</p>")]


def test_peer_fixture_plain_text_posts_split_on_blank_lines():
    paragraphs = stored(html_to_body(read("peer_raw_text.txt")))
    assert [block_type for block_type, _value in paragraphs] == ["paragraph"] * 7
    assert paragraphs[0][1].startswith("<p>Lorem ipsum dolor sit amet")
    assert paragraphs[-2:] == [("paragraph", "<p>lorem</p>"), ("paragraph", "<p>lorem</p>")]


def test_peer_fixture_styles_dropped_formatting_kept_and_every_drop_named():
    conversion = html_to_body(read("peer_raw_html.txt"))
    rows = stored(conversion)
    assert ("paragraph", "<p>Lorem ipsum (xcounterx) dolor sit amet</p>") in rows  # the styled span
    assert ("heading", "Lorem ipsum dolor sit amet?") in rows
    assert ("paragraph", "<p>• Lorem 1</p>") in rows
    assert ("paragraph", "<p>Item | Amount</p>") in rows
    assert ("paragraph", "<p>Lorem 2 | Lorem 2/1</p>") in rows
    assert [value for block_type, value in rows if block_type == "quote"][0]["text"].startswith("Lorem ipsum")
    link = '<a href="https://www.youtube.com/watch?v=CQ7Gx8b7ac4">https://www.youtube.com/watch?v=CQ7Gx8b7ac4</a>'
    assert ("paragraph", f"<p>{link}</p>") in rows
    assert "style" not in str(rows) and "onmouseover" not in str(rows) and "Submit" not in str(rows)
    assert conversion.warnings == [
        "image https://www.example.com/images/bruno-4-runner.jpg dropped: no imported photo",
        "table flattened into paragraphs (4 rows)",
        "form dropped",
        "iframe https://www.youtube.com/embed/CQ7Gx8b7ac4 replaced by a link",
    ]


def test_caption_shortcode_without_photo_keeps_its_caption_as_a_paragraph():
    content = (
        '[caption id="attachment_7" align="alignnone" width="300"]<a href="https://lama.example/foto.jpg">'
        '<img src="https://lama.example/foto.jpg" alt="Demo"></a> Massa berunjuk rasa di Jakarta[/caption]'
    )
    conversion = html_to_body(content)
    assert stored(conversion) == [("paragraph", "<p>Massa berunjuk rasa di Jakarta</p>")]
    assert conversion.warnings == ["image https://lama.example/foto.jpg dropped: no imported photo"]


def test_old_caption_attribute_is_used_when_the_shortcode_has_no_text():
    conversion = html_to_body('[caption caption="Keterangan lama"]<img src="https://lama.example/a.jpg">[/caption]')
    assert stored(conversion) == [("paragraph", "<p>Keterangan lama</p>")]


def test_media_shortcodes_become_links_and_others_are_dropped_with_a_warning():
    conversion = html_to_body(
        'Awal\n\n[gallery ids="1,2"]\n\n[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n'
        '[contact-form-7 id="9"]\n\nAkhir [sic] dan [Foto: Antara]'
    )
    assert stored(conversion) == [
        ("paragraph", "<p>Awal</p>"),
        (
            "paragraph",
            '<p><a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></p>',
        ),
        ("paragraph", "<p>Akhir [sic] dan [Foto: Antara]</p>"),
    ]
    assert conversion.warnings == [
        "shortcode [gallery] dropped",
        "shortcode [contact-form-7] dropped",
        "iframe https://www.youtube.com/watch?v=abc replaced by a link",
    ]


def test_classic_block_headings_quote_and_nested_lists():
    rows = stored(html_to_body(read("wptt_classic.html")))
    assert rows[:6] == [("heading", f"Heading {level}") for level in range(1, 7)]
    assert rows[6:] == [
        ("paragraph", "<p><b>A paragraph inside a classic block.</b></p>"),
        ("quote", {"text": "A quote inside a classic block", "attribution": ""}),
        ("paragraph", "<p>• Bulleted list</p>"),
        ("paragraph", "<p>• List item</p>"),
        ("paragraph", "<p>• List item</p>"),
        ("paragraph", "<p>1. Numbered list</p>"),
        ("paragraph", "<p>2. List item</p>"),
        ("paragraph", "<p>1. List item</p>"),
    ]


def test_gutenberg_quote_cite_becomes_the_attribution():
    rows = stored(html_to_body(read("wptt_quote.html")))
    assert rows[:2] == [
        ("heading", "Alignment"),
        ("quote", {"text": "Quote, default (no alignment)", "attribution": "Citation"}),
    ]


def test_gutenberg_ordered_list_keeps_its_start_number():
    rows = stored(html_to_body(read("wptt_list.html")))
    start = rows.index(("paragraph", "<p>A second ordered list with starter value set to 4:</p>"))
    assert rows[start + 1] == ("paragraph", "<p>4. List item</p>")


def test_gutenberg_more_block_and_separators_vanish_silently():
    conversion = html_to_body(read("wptt_more.html"))
    assert [value for _type, value in stored(conversion)][1:3] == [
        "<p>On an archive page, only these two paragraphs should be visible.</p>",
        "<p>Content after the more block.</p>",
    ]
    assert conversion.warnings == []


def test_gutenberg_nested_groups_flatten_to_their_paragraphs():
    rows = stored(html_to_body(read("wptt_group.html")))
    assert rows[:2] == [
        ("heading", "Inner blocks use content width"),
        ("paragraph", "<p>A paragraph inside a group. No alignment, default justification.</p>"),
    ]


def test_gutenberg_dynamic_blocks_are_dropped_with_a_warning():
    conversion = html_to_body(read("wptt_latest_posts.html"))
    assert conversion.warnings == ["block wp:latest-posts dropped (WordPress renders it when the page is viewed)"]
    assert ("heading", "Oldest to newest:") in stored(conversion)


def test_gutenberg_shortcode_and_html_blocks_fall_back_to_their_content():
    assert stored(html_to_body(read("wptt_custom_html.html"))) == [("paragraph", "<p><b>Hello World</b></p>")]
    conversion = html_to_body(read("wptt_shortcode.html"))
    assert conversion.warnings[0] == "shortcode [gallery] dropped"
    assert conversion.warnings[1].startswith("iframe https://wpthemetestdata.files.wordpress.com/")


def test_gutenberg_embed_block_maps_by_name_to_a_link():
    content = (
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=xyz","type":"video"} -->\n'
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
        "https://www.youtube.com/watch?v=xyz\n</div></figure>\n<!-- /wp:embed -->"
    )
    conversion = html_to_body(content)
    link = '<a href="https://www.youtube.com/watch?v=xyz">https://www.youtube.com/watch?v=xyz</a>'
    assert stored(conversion) == [("paragraph", f"<p>{link}</p>")]


def test_gutenberg_gallery_and_table_warn_about_what_they_lose():
    gallery = html_to_body(read("wptt_gallery.html"))
    assert ("paragraph", "<p>Gallery caption</p>") in stored(gallery)
    assert all("dropped: no imported photo" in warning for warning in gallery.warnings)
    table = html_to_body(read("wptt_table.html"))
    assert stored(table)[:2] == [("paragraph", "<p>Cell 1 | Cell 2</p>"), ("paragraph", "<p>Cell 3 | Cell 4</p>")]
    assert table.warnings[0].startswith("table flattened into paragraphs")


def test_unclosed_gutenberg_block_keeps_its_content_and_says_so():
    conversion = html_to_body("<!-- wp:paragraph -->\n<p>Tanpa penutup</p>")
    assert stored(conversion) == [("paragraph", "<p>Tanpa penutup</p>")]
    assert conversion.warnings == ["block wp:paragraph is not closed; its content kept as HTML"]


def test_gutenberg_columns_inside_a_group_keep_their_order():
    content = (
        '<!-- wp:group --><div class="wp-block-group"><!-- wp:columns --><div class="wp-block-columns">'
        '<!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Kiri</p><!-- /wp:paragraph -->'
        '</div><!-- /wp:column --><!-- wp:column --><div class="wp-block-column"><!-- wp:heading -->'
        "<h2>Kanan</h2><!-- /wp:heading --></div><!-- /wp:column --></div><!-- /wp:columns --></div>"
        "<!-- /wp:group -->"
    )
    assert stored(html_to_body(content)) == [("paragraph", "<p>Kiri</p>"), ("heading", "Kanan")]


@pytest.mark.django_db
def test_gutenberg_image_and_gallery_find_their_photos():
    photos = {name: PhotoFactory() for name in ("a.jpg", "b.jpg", "c.jpg")}
    content = (
        '<!-- wp:image {"id":1} --><figure class="wp-block-image"><img src="https://lama.example/a.jpg" alt="">'
        "<figcaption>Satu</figcaption></figure><!-- /wp:image -->"
        '<!-- wp:gallery --><figure class="wp-block-gallery"><!-- wp:image --><figure class="wp-block-image">'
        '<img src="https://lama.example/b.jpg"></figure><!-- /wp:image -->'
        '<!-- wp:image --><figure class="wp-block-image">'
        '<img src="https://lama.example/c.jpg"><figcaption>Tiga</figcaption></figure><!-- /wp:image -->'
        "<figcaption>Galeri</figcaption></figure><!-- /wp:gallery -->"
    )
    conversion = html_to_body(content, find_image=lambda src: photos.get(src.rsplit("/", 1)[-1]))
    assert stored(conversion) == [
        ("image", {"image": photos["a.jpg"], "caption": "Satu"}),
        ("image", {"image": photos["b.jpg"], "caption": ""}),
        ("image", {"image": photos["c.jpg"], "caption": "Tiga"}),
        ("paragraph", "<p>Galeri</p>"),
    ]
    assert conversion.warnings == []
