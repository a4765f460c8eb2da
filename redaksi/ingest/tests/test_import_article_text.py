"""import_article_text turns scraped pages into stories: drafts or published, idempotent per file."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PILImage

from redaksi.articles.models import ArticlePage
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.media.models import Photo
from redaksi.people.models import Person
from redaksi.sections.tests.factories import SectionPageFactory

from ..formats.base import Paragraph
from ..services import find_story, paragraph_html
from .texts import copy_seed, write_page

pytestmark = pytest.mark.django_db

SEED_GUID = "text:000_42ac34568c9be250"
SOURCE_URL = "https://www.reuters.com/world/europe/lavrov-blinken-geneva-2022-01-21/"


def run(*paths, **options):
    """Run the command; return (stdout, stderr)."""
    out, err = StringIO(), StringIO()
    call_command("import_article_text", *map(str, paths), stdout=out, stderr=err, **{"section": "news", **options})
    return out.getvalue(), err.getvalue()


def block_types(page):
    return [block.block_type for block in page.body]


def test_publish_creates_a_live_story_with_a_revision(tmp_path, news, seed_related):
    out, _err = run(copy_seed(tmp_path), publish=True)
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert story.live and not story.has_unpublished_changes
    assert story.live_revision == story.latest_revision
    assert story.revisions.count() == 1
    assert story.section == news
    assert story.get_parent().slug == timezone.now().strftime("%Y-%m")
    assert out == f"Imported 1 story: {story.title} (/read{story.pk}/{story.slug})\n"


def test_the_story_carries_every_element_of_the_seed(tmp_path, news, seed_related):
    run(copy_seed(tmp_path), publish=True)
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert story.title == "Alot, Rusia Bilang Dialog dengan Amerika Berlanjut Saat Pembicaraan..."
    assert story.slug == "alot-rusia-bilang-dialog-dengan-amerika-berlanjut-saat-pembicaraan"
    assert (story.hero_image.credit, story.hero_image.description) == ("Reuters/Anna Kudriavtseva", story.title)
    assert story.dateline_city == "Jenewa"
    assert (story.editor.name, story.editor.role) == ("Muhammad Syahrianto", Person.Role.EDITOR)
    assert (story.wire_source, story.source_url) == ("Reuters", "")
    assert block_types(story) == ["paragraph", "paragraph", "related_story"] + ["paragraph"] * 7
    assert story.body[2].value["story"].specific == seed_related
    assert story.body[0].value.source.startswith("<p>Menteri Luar Negeri Rusia Sergei Lavrov")


def test_without_publish_the_story_is_a_draft_with_a_revision(tmp_path, news, seed_related):
    run(copy_seed(tmp_path))
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert not story.live and story.has_unpublished_changes
    assert story.first_published_at is None
    assert story.revisions.count() == 1


def test_importing_again_updates_the_story_instead_of_duplicating_it(tmp_path, news, seed_related):
    path = copy_seed(tmp_path)
    run(path, publish=True)
    path.write_text(path.read_text().replace("minggu depan.", "pekan depan."))
    run(path, publish=True)
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert ArticlePage.objects.filter(title=story.title).count() == 1
    assert story.revisions.count() == 2
    assert "pekan depan." in story.body[0].value.source
    assert Person.objects.filter(name="Muhammad Syahrianto").count() == 1
    assert Photo.objects.filter(credit="Reuters/Anna Kudriavtseva").count() == 1


def test_published_at_without_offset_is_wib(tmp_path, news, seed_related):
    run(copy_seed(tmp_path), publish=True, published_at="2022-01-21T14:30")
    story = ArticlePage.objects.get(guid=SEED_GUID)
    expected = datetime.datetime(2022, 1, 21, 7, 30, tzinfo=datetime.UTC)
    assert (story.first_published_at, story.last_published_at) == (expected, expected)


def test_published_at_with_an_offset_keeps_it(tmp_path, news, seed_related):
    run(copy_seed(tmp_path), publish=True, published_at="2022-01-21T14:30:00+00:00")
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert story.first_published_at == datetime.datetime(2022, 1, 21, 14, 30, tzinfo=datetime.UTC)


def test_published_at_on_a_draft_waits_for_publication(tmp_path, news, seed_related):
    run(copy_seed(tmp_path), published_at="2022-01-21T14:30")
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert not story.live
    story.latest_revision.publish()
    story.refresh_from_db()
    assert story.first_published_at == datetime.datetime(2022, 1, 21, 7, 30, tzinfo=datetime.UTC)


def test_source_url_links_baca_selengkapnya(tmp_path, news, seed_related):
    run(copy_seed(tmp_path), publish=True, source_url=SOURCE_URL)
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert story.source_url == SOURCE_URL
    assert story.body[8].value.source.endswith(f'membayar mahal. <a href="{SOURCE_URL}">Baca selengkapnya</a></p>')


def test_without_source_url_baca_selengkapnya_stays_plain_text(tmp_path, news, seed_related):
    run(copy_seed(tmp_path), publish=True)
    paragraph = ArticlePage.objects.get(guid=SEED_GUID).body[8].value.source
    assert paragraph.endswith("membayar mahal. Baca selengkapnya</p>")


def test_source_url_is_escaped_in_the_link(tmp_path, news):
    path = write_page(tmp_path, "amp.txt", body=["Isi berita. Baca selengkapnya"])
    run(path, source_url="https://example.com/berita?id=1&lang=id")
    paragraph = ArticlePage.objects.get(guid="text:amp").body[0].value.source
    assert paragraph == '<p>Isi berita. <a href="https://example.com/berita?id=1&amp;lang=id">Baca selengkapnya</a></p>'


def test_wire_source_option_overrides_dilansir(tmp_path, news, seed_related):
    run(copy_seed(tmp_path), wire_source="AFP")
    assert ArticlePage.objects.get(guid=SEED_GUID).wire_source == "AFP"


def test_authors_are_credited_in_order_and_not_duplicated(tmp_path, news):
    path = write_page(tmp_path, "byline.txt")
    run(path, author=["Ayu Lestari", "Budi Santoso"])
    run(path, author=["Ayu Lestari", "Budi Santoso"], publish=True)
    story = ArticlePage.objects.get(guid="text:byline")
    assert [author.person.name for author in story.authors.order_by("sort_order")] == ["Ayu Lestari", "Budi Santoso"]
    assert Person.objects.filter(role=Person.Role.REPORTER).count() == 2


def test_a_hero_image_file_is_used_and_reused(tmp_path, news):
    picture = tmp_path / "hero.png"
    PILImage.new("RGB", (800, 450), "#386641").save(picture)
    path = write_page(tmp_path, "hero.txt")
    run(path, hero_image=str(picture))
    run(path, hero_image=str(picture))
    photo = ArticlePage.objects.get(guid="text:hero").hero_image
    assert (photo.width, photo.height, photo.credit) == (800, 450, "Reuters/Fotografer")
    assert photo.description == "Kilang minyak di pantai"
    assert Photo.objects.count() == 1


def test_baca_juga_finds_a_story_ignoring_case_and_spacing(tmp_path, news, seed_related):
    path = write_page(
        tmp_path,
        "baca.txt",
        body=[
            "Isi.",
            "Baca Juga: kekuatan  RUSIA di mana-mana, sistem rudal s-400 gabung dalam latihan militer di belarus",
        ],
    )
    run(path)
    assert ArticlePage.objects.get(guid="text:baca").body[1].value["story"].pk == seed_related.pk


def test_find_story_matches_stored_titles_with_odd_spacing_and_prefers_the_live_one(news):
    ArticlePageFactory(section=news, title="Harga  Emas   Naik", slug="draft-emas", draft=True)
    live = ArticlePageFactory(section=news, title=" Harga Emas Naik", slug="live-emas")
    assert find_story("harga emas naik") == live
    assert find_story("Harga Emas Naik (Lagi)") is None


def test_baca_juga_may_name_a_story_earlier_in_the_same_run(tmp_path, news):
    first = write_page(tmp_path, "a.txt", headline="Harga Beras Turun")
    second = write_page(tmp_path, "b.txt", headline="Petani Senang", body=["Isi.", "Baca Juga: Harga beras turun"])
    out, _err = run(first, second, publish=True)
    linked = ArticlePage.objects.get(guid="text:b").body[1].value["story"]
    assert linked.pk == ArticlePage.objects.get(guid="text:a").pk
    assert out.startswith("Imported 2 stories:\n  Harga Beras Turun (/read")


def test_skip_unresolved_drops_the_link_and_warns(tmp_path, news):
    _out, err = run(copy_seed(tmp_path), skip_unresolved=True)
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert "related_story" not in block_types(story)
    assert "000_42ac34568c9be250.txt:22: 'Baca Juga' names no existing story" in err


def test_importing_into_another_section_moves_the_story(tmp_path, news, seed_related):
    SectionPageFactory(title="Global Connections", slug="global-connections")
    path = copy_seed(tmp_path)
    run(path, publish=True)
    run(path, publish=True, section="global-connections")
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert story.section.slug == "global-connections"
    assert story.get_parent().get_parent().slug == "global-connections"


def test_a_moved_story_gets_a_free_slug_beside_a_namesake(tmp_path, news):
    path = write_page(tmp_path, "moved.txt")
    run(path, publish=True)
    sport = SectionPageFactory(title="Sport", slug="sport")
    ArticlePageFactory(section=sport, title="Harga Minyak Naik Tajam", slug="harga-minyak-naik-tajam")
    run(path, publish=True, section="sport")
    story = ArticlePage.objects.get(guid="text:moved")
    assert (story.section, story.slug) == (sport, "harga-minyak-naik-tajam-1")


def test_same_headline_twice_gets_a_free_slug(tmp_path, news):
    run(write_page(tmp_path, "one.txt"), write_page(tmp_path, "two.txt"))
    slugs = set(ArticlePage.objects.values_list("slug", flat=True))
    assert slugs == {"harga-minyak-naik-tajam", "harga-minyak-naik-tajam-1"}


@pytest.mark.parametrize(
    ("paragraph", "source_url", "html"),
    [
        (Paragraph("Isi <b>tebal</b> & 'kutip'", 1), "", "<p>Isi &lt;b&gt;tebal&lt;/b&gt; &amp; &#x27;kutip&#x27;</p>"),
        (Paragraph("Isi.", 1, read_more=True), "", "<p>Isi. Baca selengkapnya</p>"),
        (Paragraph("", 1, read_more=True), "", "<p>Baca selengkapnya</p>"),
        (Paragraph("", 1, read_more=True), "https://x.id/a", '<p><a href="https://x.id/a">Baca selengkapnya</a></p>'),
    ],
)
def test_paragraph_html_escapes_text_and_links_only_the_read_more_words(paragraph, source_url, html):
    assert paragraph_html(paragraph, source_url) == html


def test_story_is_filed_in_the_month_folder_of_its_publication(tmp_path, news, seed_related):
    run(copy_seed(tmp_path), publish=True, published_at="2022-01-21T21:10:00+07:00")
    story = ArticlePage.objects.get(guid=SEED_GUID)
    assert story.get_parent().slug == "2022-01"
    assert story.get_parent().get_parent().specific == news
