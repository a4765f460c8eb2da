"""A story in full: canonical URL, credits, WIB times, hero image, corrections, and the body as blocks and HTML."""

import pytest

from .conftest import get_json

pytestmark = pytest.mark.django_db


def test_story_detail_carries_every_field(client, wire_story):
    story = get_json(client, f"/api/v1/stories/{wire_story.pk}")
    people = {person["name"]: person for person in [*story["authors"], story["editor"]]}
    assert story["id"] == wire_story.pk
    assert story["url"] == f"http://localhost/read{wire_story.pk}/alot-rusia-bilang-dialog-dengan-amerika-berlanjut"
    assert story["headline"] == "Alot, Rusia Bilang Dialog dengan Amerika Berlanjut"
    assert story["short_headline"] == "Dialog Rusia-Amerika berlanjut"
    assert story["standfirst"] == "Pembicaraan di Jenewa berakhir tanpa terobosan."
    assert story["dateline_city"] == "Jenewa"
    assert story["section"] == {
        "id": wire_story.section_id,
        "slug": "news",
        "title": "News",
        "description": "Berita terkini.",
        "url": "http://localhost/news/",
    }
    assert [tag["slug"] for tag in story["tags"]] == ["rusia"]
    assert story["tags"][0]["url"] == "http://localhost/tag/rusia/"
    assert list(people) == ["Ayu Lestari", "Budi Santoso", "Citra Dewi"]
    assert people["Ayu Lestari"]["url"] == "http://localhost/profil/ayu-lestari/"
    assert people["Citra Dewi"]["url"] == "http://localhost/profil/citra-dewi/"
    assert (story["wire_source"], story["source_url"]) == ("Reuters", "https://www.reuters.com/")
    assert story["published_at"] == "2022-01-21T10:15:00+07:00"
    assert story["updated_at"] == "2022-01-21T12:00:00+07:00"  # the correction, noted 105 minutes later
    assert story["corrections"] == [
        {"kind": "correction", "noted_at": "2022-01-21T12:00:00+07:00", "text": "Nama menteri diperbaiki."}
    ]


def test_hero_image_is_a_rendition_with_alt_caption_and_credit(client, wire_story):
    hero = get_json(client, f"/api/v1/stories/{wire_story.pk}")["hero_image"]
    assert hero["url"].startswith("http://localhost/media/images/") and ".width-1200." in hero["url"]
    assert (hero["width"], hero["height"]) == (1200, 675)
    assert hero["alt"] == wire_story.hero_image.description
    assert (hero["caption"], hero["credit"]) == ("Lavrov di Jenewa", "Reuters/Anna Kudriavtseva")


def test_body_blocks_resolve_rich_text_images_videos_and_stories(client, rich_story, wire_story):
    body = get_json(client, f"/api/v1/stories/{rich_story.pk}")["body"]
    values = {block["type"]: block["value"] for block in body}
    assert [block["type"] for block in body] == ["paragraph", "heading", "quote", "image", "video", "related_story"]
    assert all(block["id"] for block in body)
    assert values["paragraph"] == "<p>Paragraf <b>pertama</b>.</p>"
    assert values["heading"] == "Sikap Moskwa"
    assert values["quote"] == {"text": "Dialog berlanjut.", "attribution": "Sergei Lavrov"}
    assert values["image"]["caption"] == "Keterangan redaksi" and values["image"]["width"] == 1200
    assert values["video"]["title"] == "Wawancara Lavrov"
    assert values["video"]["url"] == "http://localhost/video/wawancara-lavrov/"
    assert values["related_story"] == {
        "id": wire_story.pk,
        "headline": wire_story.title,
        "url": f"http://localhost{wire_story.url}",
    }


def test_body_html_is_the_site_rendering(client, rich_story, wire_story):
    html = get_json(client, f"/api/v1/stories/{rich_story.pk}")["body_html"]
    assert "<p>Paragraf <b>pertama</b>.</p>" in html
    assert "<h2>Sikap Moskwa</h2>" in html
    assert "Sergei Lavrov" in html and "Keterangan redaksi" in html
    assert f'href="{wire_story.url}"' in html


def test_lists_show_summaries_without_body(client, wire_story):
    [summary] = get_json(client, "/api/v1/stories")["results"]
    detail = get_json(client, f"/api/v1/stories/{wire_story.pk}")
    assert set(detail) - set(summary) == {"editor", "source_url", "corrections", "body", "body_html"}
    assert {key: detail[key] for key in summary} == summary
