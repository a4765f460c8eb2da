"""Cached fragments carry the release: a new release renders afresh instead of serving the old code's HTML."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import redaksi
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core import edition
from redaksi.core.edition import cached_for_edition

pytestmark = pytest.mark.django_db


def related_titles(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".related-stories h3 a")]


def test_the_version_is_the_projects():
    pyproject = Path(redaksi.__file__).parents[1] / "pyproject.toml"
    assert f'version = "{redaksi.__version__}"' in pyproject.read_text()


def test_a_new_release_computes_edition_values_again(monkeypatch):
    assert cached_for_edition("greeting", lambda: "old code") == "old code"
    monkeypatch.setattr(edition, "__version__", "99.0.0")
    assert cached_for_edition("greeting", lambda: "new code") == "new code"


def test_a_new_release_renders_cached_story_fragments_again(client, news, monkeypatch):
    story = ArticlePageFactory(section=news, title="Cerita utama")
    before = related_titles(client, story.url)
    ArticlePageFactory(section=news, title="Berita terbaru dari desk yang sama")
    assert related_titles(client, story.url) == before  # the same edition and release: cached
    monkeypatch.setattr(edition, "__version__", "99.0.0")
    assert "Berita terbaru dari desk yang sama" in related_titles(client, story.url)
