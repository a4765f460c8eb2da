"""Imported WordPress content on the public site: old addresses answer 301, stories render with their credits.

Includes the end-to-end test of issue #8 (import, old permalink, story with its photo credit) and the theme
unit test's edge cases (no title, long titles, markup and special characters in titles, nested categories,
password-protected, scheduled and draft posts).
"""

from html import escape

import pytest

from redaksi.articles.models import ArticlePage
from redaksi.pages.models import StandardPage

from .test_wxr_fixtures import LARGE_IMPORTS, imported_counts
from .wxr_support import NEWSROOM, import_wxr, newsroom_run_options, shared, uploads_folder  # noqa: F401 (fixtures)

THEME_UNIT = "wptt/themeunittestdata.wordpress.xml"


@pytest.fixture
def newsroom(outlet, newsroom_options):
    import_wxr(NEWSROOM, **newsroom_options)
    return {story.title: story for story in ArticlePage.objects.all()}


def test_import_then_the_old_permalink_redirects_and_the_story_renders_with_its_credit(client, newsroom):
    story = newsroom["Rupiah Menguat di Akhir Pekan"]

    moved = client.get("/2024/03/15/rupiah-menguat/")
    page = client.get(moved["Location"])

    assert moved.status_code == 301
    assert moved["Location"] == story.url == f"/read{story.pk}/{story.slug}"
    assert page.status_code == 200
    html = page.content.decode()
    assert "<h1" in html and "Rupiah Menguat di Akhir Pekan" in html
    assert "Antara/Rina Kusum" in html  # the hero photo's credit
    assert "Pedagang menata dagangan di Pasar Senen, Jakarta." in html  # and its caption


@pytest.mark.parametrize(
    ("old", "title"),
    [
        ("/?p=11", "Rupiah Menguat di Akhir Pekan"),
        ("/?p=12", "Timnas Menang 2-1"),
        ("/2024/03/10/timnas-menang", "Timnas Menang 2-1"),
    ],
)
def test_every_old_address_of_a_story_answers_301(client, newsroom, old, title):
    response = client.get(old)

    assert (response.status_code, response["Location"]) == (301, newsroom[title].url)


def test_old_addresses_of_pages_and_attachments_answer_301(client, newsroom):
    page = client.get("/?page_id=20")
    picture = client.get("/?attachment_id=10")

    assert (page.status_code, page["Location"]) == (301, StandardPage.objects.get().url)
    assert picture.status_code == 301 and "/media/original_images/pasar" in picture["Location"]


def test_the_front_page_still_answers_without_a_wordpress_query(client, newsroom):
    assert client.get("/").status_code == 200
    assert client.get("/?p=99999").status_code == 200  # not an imported post: the front page, as before


def test_links_between_imported_stories_lead_straight_to_them(client, newsroom):
    timnas = newsroom["Timnas Menang 2-1"]
    link = f"http://localhost{timnas.url}"
    assert link in newsroom["Rupiah Menguat di Akhir Pekan"].body[1].value.source

    assert client.get(link.removeprefix("http://localhost")).status_code == 200


def test_a_password_protected_story_asks_for_its_password(client, newsroom):
    story = newsroom["Khusus Pelanggan"]

    moved = client.get("/2024/03/17/khusus-pelanggan/")
    html = client.get(story.url).content.decode()

    assert (moved.status_code, moved["Location"]) == (301, story.url)
    assert 'name="password"' in html and "Isi untuk pelanggan." not in html


@pytest.fixture
def theme_unit(outlet):
    import_wxr(shared(THEME_UNIT), section_default="news")
    return {story.guid.rsplit(":", 1)[1]: story for story in ArticlePage.objects.all()}


@pytest.mark.slow
def test_the_theme_unit_test_imports_renders_and_keeps_its_edge_cases(client, theme_unit):
    """One import (ten seconds) for every check: counts, every published story renders, then the edge cases.

    Post ids of the theme unit test: 1169 no title, 1173 markup, 1174 special characters, 1175 a long word,
    1168 password, 1153 scheduled, 1164 draft, 1152 many (nested) categories.
    """
    assert imported_counts() == LARGE_IMPORTS[THEME_UNIT]
    statuses = {story.title: client.get(story.url).status_code for story in ArticlePage.objects.live()}
    assert set(statuses.values()) == {200}, statuses

    untitled, markup, special, long_word = (theme_unit[id] for id in ("1169", "1173", "1174", "1175"))
    assert untitled.title == "(Tanpa judul)" and untitled.live
    assert markup.title == "Markup: Title With Markup"
    assert special.title == "Markup: Title With Special Characters ~`!@#$%^&*()-_=+{}[]/\\;:'\"?,.>"
    html = client.get(special.url).content.decode()
    assert escape(special.title) in html and special.title not in html
    assert long_word.title.startswith("Taumatawhakatangihanga") and long_word.live
    assert 'name="password"' in client.get(theme_unit["1168"].url).content.decode()
    assert not theme_unit["1153"].live and theme_unit["1153"].get_latest_revision().approved_go_live_at
    assert not theme_unit["1164"].live
    nested = set(theme_unit["1152"].tags.values_list("slug", flat=True))
    assert {"parent-category", "child-category-01", "grandchild-category"} <= nested
