"""Hostile saved pages: script in every field, pictures outside the folder, broken files; all or nothing saved."""

from io import StringIO
from pathlib import Path

import lxml.html
import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from redaksi.articles.models import ArticlePage
from redaksi.media.models import Photo

from .test_body_xss import dangers

pytestmark = pytest.mark.django_db

PAYLOADS = Path(__file__).parent / "data" / "payloads" / "xss"
XSS = [line for line in (PAYLOADS / "xss_payloads_quick.txt").read_text().splitlines() if line.strip()]
TEXT = "Banjir setinggi lutut merendam permukiman warga di Jakarta Utara sejak Senin pagi, kata petugas. "


def saved_page(directory, name, title="Banjir Rendam Jakarta Utara", head="", body=""):
    path = Path(directory) / name
    path.write_text(
        f"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>"
        f"<p>{TEXT * 3}</p>{body}<p>{TEXT}</p></article></body></html>",
        encoding="utf-8",
    )
    return path


def run(*paths, **options):
    err = StringIO()
    call_command("import_article_html", *map(str, paths), stdout=StringIO(), stderr=err, section="news", **options)
    return err.getvalue()


def test_script_in_the_body_and_meta_never_reaches_the_story_page(tmp_path, client, news, outlet):
    body = "".join(f"<p>{payload} teks</p>" for payload in XSS)
    head = (
        '<meta name="author" content="<script>alert(1)</script>Ani">'
        '<meta name="description" content="<img src=x onerror=alert(1)>">'
    )
    path = saved_page(tmp_path, "xss.html", title="Judul <script>alert(1)</script> berita", head=head, body=body)
    run(path, publish=True)
    story = ArticlePage.objects.get(guid="html:xss")
    response = client.get(story.url)
    soup = lxml.html.document_fromstring(response.content)
    story_body = soup.xpath("//*[contains(concat(' ', @class, ' '), ' story-body ')]")[0]
    assert dangers(lxml.html.tostring(story_body, encoding="unicode")) == []
    inline = [script.text or "" for script in soup.iter("script") if script.get("type") != "application/ld+json"]
    assert "".join(inline).strip() == ""  # only the site's own script files
    assert all("<" not in (script.text or "") for script in soup.xpath("//script[@type='application/ld+json']"))
    assert soup.xpath("//h1")[0].text_content().strip() == "Judul <script>alert(1)</script> berita"  # as text
    assert not soup.xpath("//*[@onerror or @onload or @onmouseover]")


def test_pictures_are_looked_up_only_inside_the_images_folder(tmp_path, news):
    images = tmp_path / "images"
    images.mkdir()
    PILImage.new("RGB", (40, 30), "red").save(tmp_path / "rahasia.jpg")
    (images / "tautan.jpg").symlink_to(tmp_path / "rahasia.jpg")
    head = '<meta property="og:image" content="https://lama.example/%2e%2e/%2e%2e/rahasia.jpg">'
    body = '<img src="../rahasia.jpg"><img src="https://lama.example/images/tautan.jpg">'
    err = run(saved_page(tmp_path, "jalan.html", head=head, body=body), images=images)
    assert Photo.objects.count() == 0
    assert "lead image https://lama.example/%2e%2e/%2e%2e/rahasia.jpg skipped: no such file in --images" in err


def test_a_file_that_is_not_a_picture_is_skipped_with_a_warning(tmp_path, news):
    images = tmp_path / "images"
    images.mkdir()
    (images / "palsu.jpg").write_bytes(b"<?php echo 'bukan gambar'; ?>")
    head = '<meta property="og:image" content="https://lama.example/palsu.jpg">'
    err = run(saved_page(tmp_path, "palsu.html", head=head), images=images)
    assert "picture palsu.jpg skipped:" in err
    assert ArticlePage.objects.get(guid="html:palsu").hero_image is None


def test_a_broken_second_file_saves_nothing_from_the_first(tmp_path, news):
    good = saved_page(tmp_path, "baik.html")
    broken = tmp_path / "rusak.html"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(CommandError, match=r"rusak.html:3: binary data"):
        run(good, broken)
    assert not ArticlePage.objects.exists()


def test_a_headline_too_long_is_refused_naming_the_file_and_nothing_is_saved(tmp_path, news):
    good = saved_page(tmp_path, "baik.html")
    long = saved_page(tmp_path, "panjang.html", title="Panjang " * 40)
    with pytest.raises(CommandError, match=r"panjang.html:1: headline is longer than 255 characters"):
        run(good, long)
    assert not ArticlePage.objects.exists()


def test_two_files_of_one_canonical_address_are_refused(tmp_path, news):
    head = '<link rel="canonical" href="https://lama.example/berita/1">'
    first, second = saved_page(tmp_path, "a.html", head=head), saved_page(tmp_path, "b.html", head=head)
    with pytest.raises(CommandError, match="would both import as html:https://lama.example/berita/1"):
        run(first, second)


def test_a_missing_file_is_refused(tmp_path, news):
    with pytest.raises(CommandError, match="cannot read"):
        run(tmp_path / "tidak-ada.html")
