"""Input that does not fit is refused with file and line, and a broken file means nothing is saved."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from redaksi.articles.models import ArticlePage
from redaksi.media.models import Photo
from redaksi.people.models import Person

from .texts import SEED, article_text, copy_seed, write_page

pytestmark = pytest.mark.django_db


def run(*paths, **options):
    call_command("import_article_text", *map(str, paths), stdout=StringIO(), stderr=StringIO(), **options)


def refusal(*paths, **options):
    """Run the command expecting a refusal; return its message."""
    with pytest.raises(CommandError) as caught:
        run(*paths, **{"section": "news", **options})
    return str(caught.value)


def seed_text(old="", new=""):
    return SEED.read_text(encoding="utf-8").replace(old, new)


BROKEN = {
    "empty": ("", 1, "the file is empty"),
    "no headline": ("Menu\nNews\n", 2, "no headline"),
    "no Kredit Foto line": (seed_text(" Kredit Foto: Reuters/Anna Kudriavtseva", ""), 15, "Kredit Foto: <credit>"),
    "no dateline": (seed_text("Warta Ekonomi, Jenewa -\n", ""), 17, "dateline"),
    "no body": (article_text(body=[]), 11, "no body paragraphs"),
    "no Editor line": (seed_text("Editor: Muhammad Syahrianto", ""), 42, "no 'Editor: <name>' line"),
    "unresolved Baca Juga": (seed_text(), 22, "'Baca Juga' names no existing story"),
    "headline too long": (article_text(headline="Panjang " * 40), 6, "headline is longer than 255 characters"),
    "dateline city too long": (article_text(dateline="Warta, " + "K" * 101 + " -"), 9, "longer than 100"),
    "editor without letters": (article_text(editor="Editor: ---"), 15, "has no letters or digits"),
}


@pytest.mark.parametrize(("text", "line", "problem"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_page_is_refused_naming_file_and_line(tmp_path, news, text, line, problem):
    message = refusal(write_page(tmp_path, "broken.txt", text=text))
    assert message.startswith(f"{tmp_path / 'broken.txt'}:{line}: ")
    assert problem in message
    assert not ArticlePage.objects.exists()


def test_binary_file_is_refused_naming_the_line(tmp_path, news):
    path = tmp_path / "photo.txt"
    PILImage.new("RGB", (4, 4)).save(path, format="PNG")
    assert ":3: binary data (NUL byte)" in refusal(path)  # PNG signature: NUL after two line ends


def test_latin1_file_is_refused_naming_the_line(tmp_path, news):
    path = tmp_path / "latin1.txt"
    path.write_bytes(seed_text("Jenewa -", "Genève -").encode("latin-1"))
    assert refusal(path).endswith(":16: not UTF-8 text (byte 0xe8)")


def test_a_good_file_followed_by_a_broken_one_saves_nothing(tmp_path, news, seed_related):
    good, broken = copy_seed(tmp_path), write_page(tmp_path, "broken.txt", text=seed_text("Editor: ", "Redaktur: "))
    stories, people, photos = ArticlePage.objects.count(), Person.objects.count(), Photo.objects.count()
    assert "broken.txt:42: no 'Editor: <name>' line" in refusal(good, broken, publish=True)
    assert (ArticlePage.objects.count(), Person.objects.count(), Photo.objects.count()) == (stories, people, photos)


def test_a_broken_link_in_the_second_file_saves_nothing_from_the_first(tmp_path, news):
    good = write_page(tmp_path, "good.txt")
    unlinked = write_page(tmp_path, "unlinked.txt", body=["Isi.", "Baca Juga: Judul Yang Tidak Ada"])
    assert "unlinked.txt:13: 'Baca Juga' names no existing story" in refusal(good, unlinked, publish=True)
    assert not ArticlePage.objects.exists()
    assert not Person.objects.exists()


def test_unknown_section_lists_the_sections_that_exist(tmp_path, news):
    message = refusal(write_page(tmp_path, "page.txt"), section="sport")
    assert message == "unknown section 'sport'; sections: news"


def test_section_is_required(tmp_path, news):
    with pytest.raises(CommandError, match="--section"):
        run(write_page(tmp_path, "page.txt"))


def test_missing_file_is_refused(tmp_path, news):
    assert refusal(tmp_path / "nowhere.txt") == f"{tmp_path / 'nowhere.txt'}: cannot read: No such file or directory"


def test_two_files_with_one_name_are_refused(tmp_path, news):
    (tmp_path / "other").mkdir()
    first, second = write_page(tmp_path, "page.txt"), write_page(tmp_path / "other", "page.txt")
    assert "would both import as text:page" in refusal(first, second)


@pytest.mark.parametrize("value", ["kemarin", "2022-13-45T10:00", "21/01/2022"])
def test_junk_published_at_is_refused(tmp_path, news, value):
    assert "--published-at: not an ISO 8601 date and time" in refusal(write_page(tmp_path, "p.txt"), published_at=value)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.com/berita", "not a link", "https://"])
def test_source_url_must_be_an_http_link(tmp_path, news, url):
    assert "is not an http(s) link" in refusal(write_page(tmp_path, "p.txt"), source_url=url)


def test_hero_image_must_be_a_picture(tmp_path, news):
    page = write_page(tmp_path, "p.txt")
    assert "not a picture file" in refusal(page, hero_image=str(page))


def test_hero_image_must_be_a_kind_of_picture_the_site_serves(tmp_path, news):
    picture = tmp_path / "hero.bmp"
    PILImage.new("RGB", (8, 8)).save(picture)
    assert "bmp pictures are not accepted" in refusal(write_page(tmp_path, "p.txt"), hero_image=str(picture))


def test_wire_source_must_fit(tmp_path, news):
    assert "--wire-source is too long" in refusal(write_page(tmp_path, "p.txt"), wire_source="R" * 101)


def test_one_storys_options_need_one_file(tmp_path, news):
    pages = write_page(tmp_path, "a.txt"), write_page(tmp_path, "b.txt")
    assert "give one FILE" in refusal(*pages, source_url="https://example.com/")


def test_author_without_letters_is_refused(tmp_path, news):
    assert "--author '!!!' is not a usable name" in refusal(write_page(tmp_path, "p.txt"), author=["!!!"])
