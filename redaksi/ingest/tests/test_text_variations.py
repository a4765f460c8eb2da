"""Variations of the outlet's page layout (files in data/text/, each the seed with one change)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from redaksi.articles.models import ArticlePage
from redaksi.articles.tests.factories import ArticlePageFactory

from ..formats.base import Paragraph, ParseError, RelatedLink
from ..formats.text import parse
from .texts import SEED_RELATED, article_text

DATA = Path(__file__).parent / "data" / "text"
HEADLINE = "Alot, Rusia Bilang Dialog dengan Amerika Berlanjut Saat Pembicaraan..."


def parsed(name):
    return parse((DATA / name).read_bytes(), name)


def related(story):
    return [(block.line, block.headline) for block in story.body if isinstance(block, RelatedLink)]


def test_several_baca_juga_lines_each_become_a_link_in_place():
    story = parsed("two_baca_juga.txt")
    assert related(story) == [
        (22, SEED_RELATED),
        (23, "Ukraina Siaga di Perbatasan Timur"),
        (31, "NATO Tolak Tuntutan Moskow"),
    ]
    assert len([block for block in story.body if isinstance(block, Paragraph)]) == 9


def test_penulis_after_the_editor_line_names_the_authors():
    story = parsed("penulis_after_editor.txt")
    assert (story.editor, story.authors, story.lines["authors"]) == (
        "Muhammad Syahrianto",
        ("Fajar Sulaiman", "Rina Kusuma"),
        39,
    )


def test_penulis_slash_editor_is_both_author_and_editor():
    story = parsed("penulis_editor.txt")
    assert (story.editor, story.authors) == ("Muhammad Syahrianto", ("Muhammad Syahrianto",))


def test_penulis_among_the_body_is_not_a_paragraph():
    story = parse(
        article_text(body=["Paragraf satu.", "Penulis: Ani dan Budi & Citra", "Paragraf dua."]).encode(), "p.txt"
    )
    assert story.authors == ("Ani", "Budi", "Citra")
    assert [block.text for block in story.body] == ["Paragraf satu.", "Paragraf dua."]


def test_penulis_without_a_name_is_refused_naming_the_line():
    with pytest.raises(ParseError, match=r"^p.txt:13: no name after 'Penulis:'"):
        parse(article_text(body=["Paragraf satu.", "Penulis:"]).encode(), "p.txt")


@pytest.mark.parametrize("name", ["other_menu.txt", "no_menu.txt"])
def test_any_menu_or_none_comes_before_the_headline(name):
    story = parsed(name)
    assert (story.headline, story.hero_credit, story.dateline_city) == (HEADLINE, "Reuters/Anna Kudriavtseva", "Jenewa")
    assert "Menu" not in " ".join(block.text for block in story.body if isinstance(block, Paragraph))


def test_a_story_without_a_wire_line_has_no_wire_source():
    story = parsed("no_wire.txt")
    assert (story.wire_source, story.dateline_city, story.lines["wire_source"]) == ("", "Jakarta", None)
    assert not any(block.read_more for block in story.body if isinstance(block, Paragraph))


def run(path, **options):
    call_command("import_article_text", str(path), section="news", publish=True, stdout=StringIO(), **options)
    return ArticlePage.objects.get(guid=f"text:{Path(path).stem}")


@pytest.mark.django_db
def test_importing_several_baca_juga_links_each_story(news):
    stories = [
        ArticlePageFactory(section=news, title=title)
        for title in (SEED_RELATED, "Ukraina Siaga di Perbatasan Timur", "NATO Tolak Tuntutan Moskow")
    ]
    story = run(DATA / "two_baca_juga.txt")
    linked = [block.value["story"].pk for block in story.body if block.block_type == "related_story"]
    assert linked == [page.pk for page in stories]


@pytest.mark.django_db
def test_importing_penulis_credits_the_authors_unless_author_is_given(news, seed_related):
    story = run(DATA / "penulis_after_editor.txt")
    assert [credit.person.name for credit in story.authors.order_by("sort_order")] == ["Fajar Sulaiman", "Rina Kusuma"]
    story = run(DATA / "penulis_after_editor.txt", authors=["Dewi Lestari"])
    assert [credit.person.name for credit in story.authors.all()] == ["Dewi Lestari"]


@pytest.mark.django_db
def test_importing_a_local_story_leaves_the_wire_source_empty(news, seed_related):
    story = run(DATA / "no_wire.txt")
    assert (story.wire_source, story.dateline_city) == ("", "Jakarta")


@pytest.mark.django_db
def test_an_unusable_author_name_is_refused_naming_the_line(tmp_path, news):
    path = tmp_path / "bad.txt"
    path.write_text(article_text(body=["Paragraf satu.", "Penulis: ---"]), encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad.txt:13: author name '---' is not usable"):
        run(path)
