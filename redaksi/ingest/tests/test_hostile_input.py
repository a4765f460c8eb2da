"""Attack strings and naughty Unicode in a scraped page come out as inert text (payloads: data/payloads/)."""

from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.html import escape

from redaksi.articles.models import ArticlePage

from ..formats.base import Paragraph, ParseError
from ..formats.text import CONTROL, parse
from .texts import article_text, write_page

pytestmark = pytest.mark.django_db

PAYLOADS = Path(__file__).parent / "data" / "payloads"
XSS = [line for line in (PAYLOADS / "XSS_Polyglots.txt").read_text().splitlines() if line.strip()]


def naughty_strings():
    """Return blns.txt's strings that fit a one-line paragraph (no comments, no line breaks)."""
    lines = (PAYLOADS / "blns.txt").read_text(encoding="utf-8").split("\n")
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def tags_in(html):
    collector = TagCollector()
    collector.feed(html)
    return collector.tags


def import_page(tmp_path, **parts):
    call_command(
        "import_article_text",
        str(write_page(tmp_path, "hostile.txt", **parts)),
        section="news",
        publish=True,
        stdout=StringIO(),
    )
    return ArticlePage.objects.get(guid="text:hostile")


def test_xss_paragraphs_are_escaped_in_the_stored_and_rendered_body(tmp_path, news):
    story = import_page(tmp_path, body=XSS)
    assert [block.value.source for block in story.body] == [f"<p>{escape(line.strip())}</p>" for line in XSS]
    rendered = "".join(str(block.value) for block in story.body)
    assert {tag for tag, _attrs in tags_in(rendered)} == {"p"}


def test_xss_headline_and_credit_are_stored_as_plain_text(tmp_path, news):
    story = import_page(tmp_path, headline=XSS[3][:255], credit_line=f"{XSS[0]} Kredit Foto: {XSS[2]}")
    assert story.title == XSS[3][:255].strip()
    assert (story.hero_image.description, story.hero_image.credit) == (XSS[0], XSS[2])


def test_source_url_cannot_break_out_of_the_link(tmp_path, news):
    url = 'https://example.com/"><script>alert(1)</script>'
    call_command(
        "import_article_text",
        str(write_page(tmp_path, "hostile.txt", body=["Isi. Baca selengkapnya"])),
        section="news",
        source_url=url,
        stdout=StringIO(),
    )
    html = str(ArticlePage.objects.get(guid="text:hostile").body[0].value)
    assert [tag for tag, _attrs in tags_in(html)] == ["p", "a"]


def test_naughty_strings_come_back_unchanged_or_are_refused_by_line():
    wrong = []
    for text in naughty_strings():
        try:
            result = parse(article_text(body=["Awal.", text]).encode(), "blns.txt").body[1]
        except ParseError as error:
            result = error.line if error.problem.startswith("control character") else error
        if result != (13 if CONTROL.search(text) else Paragraph(text, 13)):
            wrong.append((text, result))
    assert wrong == []


def test_naughty_strings_import_as_one_story(tmp_path, news):
    usable = [text for text in naughty_strings() if not CONTROL.search(text)]
    story = import_page(tmp_path, body=usable)
    assert len(story.body) == len(usable)
