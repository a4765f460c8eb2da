"""manage.py import_article_html: a saved page of the old site becomes a story that renders like one of ours."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command

from redaksi.articles.models import ArticlePage
from redaksi.core.wib import WIB
from redaksi.media.models import Photo
from redaksi.people.models import Person
from redaksi.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "html"
PAGE = DATA / "seed_saved_page.html"
GUID = "html:https://www.wartaekonomi.example/read382467/alot-rusia-bilang-dialog-dengan-amerika-berlanjut"
HEADLINE = "Alot, Rusia Bilang Dialog dengan Amerika Berlanjut Saat Pembicaraan di Jenewa"


def run(*paths, **options):
    out, err = StringIO(), StringIO()
    call_command("import_article_html", *map(str, paths), stdout=out, stderr=err, **{"section": "news", **options})
    return out.getvalue(), err.getvalue()


def test_a_saved_page_becomes_a_story_with_title_date_author_editor_body_and_pictures(news, seed_related):
    out, _err = run(PAGE, images=DATA / "images", publish=True)
    story = ArticlePage.objects.get(guid=GUID)
    assert (story.title, story.live, story.section_id) == (HEADLINE, True, news.pk)
    assert story.first_published_at == story.published_at == datetime.datetime(2022, 1, 21, 19, 30, tzinfo=WIB)
    assert [credit.person.name for credit in story.authors.all()] == ["Muhammad Syahrianto"]
    assert story.editor.name == "Muhammad Syahrianto"
    assert story.standfirst.startswith("Menteri Luar Negeri Rusia Sergei Lavrov mengatakan dialog")
    assert story.hero_image.file.name.endswith(".jpg") and story.hero_image.credit == "Warta Ekonomi"
    types = [block.block_type for block in story.body]
    assert types[:4] == ["paragraph", "paragraph", "related_story", "paragraph"]
    assert types.count("image") == 1 and "heading" not in types
    assert story.body[2].value["story"] == seed_related
    assert "Editor:" not in str(story.body) and "Terpopuler" not in str(story.body)
    assert f"Imported 1 story:\n  {HEADLINE} (/read{story.pk}/" in out


def test_the_imported_story_renders_with_title_time_author_and_lead_image(client, news, outlet, seed_related):
    run(PAGE, images=DATA / "images", publish=True)
    story = ArticlePage.objects.get(guid=GUID)
    response = client.get(story.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("article h1").get_text(strip=True) == HEADLINE
    assert soup.select_one("article time")["datetime"].startswith("2022-01-21T19:30")
    assert "Muhammad Syahrianto" in soup.select_one("article").get_text(" ")
    assert soup.select_one("article figure.hero picture img")["src"].endswith(".jpg")
    assert "Blinken dijadwalkan mengadakan jumpa pers sendiri" in soup.select_one(".story-body").get_text(" ")


def test_importing_again_updates_the_same_story_and_reuses_its_pictures(news, seed_related):
    run(PAGE, images=DATA / "images", publish=True)
    run(PAGE, images=DATA / "images", publish=True)
    assert ArticlePage.objects.filter(guid=GUID).count() == 1
    assert Photo.objects.count() == 2
    assert Person.objects.filter(name="Muhammad Syahrianto").count() == 1


def test_without_images_the_pictures_are_skipped_with_warnings(news, seed_related):
    _out, err = run(PAGE)
    story = ArticlePage.objects.get(guid=GUID)
    assert story.hero_image is None and story.live is False
    assert "lead image https://www.wartaekonomi.example/wp-content/uploads/2022/01/lavrov-blinken-jenewa.jpg" in err
    assert "dropped: no imported photo" in err


def test_a_baca_juga_naming_no_story_stays_a_paragraph_with_the_old_link(news):
    run(PAGE)
    story = ArticlePage.objects.get(guid=GUID)
    baca_juga = story.body[2]
    assert baca_juga.block_type == "paragraph"
    assert 'href="https://www.wartaekonomi.example/read382466/kekuatan-rusia-di-mana-mana"' in baca_juga.value.source


def test_base_url_resolves_links_of_a_page_without_a_canonical_address(tmp_path, news):
    page = tmp_path / "lama.html"
    page.write_text(
        "<html><head><title>Banjir Rendam Jakarta Utara</title></head><body><article><h1>Banjir Rendam Jakarta"
        " Utara</h1>" + "<p>Banjir setinggi lutut merendam permukiman warga di <a href='/tag/jakarta'>Jakarta</a>"
        " Utara sejak Senin pagi, kata petugas.</p>" * 4 + "</article></body></html>",
        encoding="utf-8",
    )
    run(page, base_url="https://lama.example/2020/")
    story = ArticlePage.objects.get(guid="html:lama")
    assert 'href="https://lama.example/tag/jakarta"' in story.body[0].value.source
    assert story.published_at is None


def test_dry_run_reports_and_saves_nothing(news, seed_related):
    out, _err = run(PAGE, images=DATA / "images", dry_run=True)
    assert out.startswith(f"Would import 1 story:\n  {HEADLINE}, 2022-01-21T19:30:00+07:00, ")
    assert not ArticlePage.objects.filter(guid=GUID).exists()
    assert Photo.objects.count() == 0 and not Person.objects.filter(name="Muhammad Syahrianto").exists()


def test_reimporting_into_another_section_moves_the_story(news, seed_related):
    ekbis = SectionPageFactory(title="EkBis", slug="ekbis")
    run(PAGE)
    run(PAGE, section="ekbis")
    assert ArticlePage.objects.get(guid=GUID).section_id == ekbis.pk


def test_bad_options_are_refused(news):
    with pytest.raises(CommandError, match=r"--base-url 'javascript:alert\(1\)' is not an http"):
        run(PAGE, base_url="javascript:alert(1)")
    with pytest.raises(CommandError, match="not a folder"):
        run(PAGE, images=PAGE)
    with pytest.raises(CommandError, match="unknown section 'sport'"):
        run(PAGE, section="sport")
