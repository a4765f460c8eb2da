"""The story's cached fragments: kept within an edition, never filled or read by a preview, one per language."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from redaksi.articles.models import ArticlePage
from redaksi.core.edition import new_edition

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def related_titles(soup):
    return [link.get_text(strip=True) for link in soup.select(".related-stories h3 a")]


def test_a_preview_neither_reads_nor_fills_the_live_fragments(client, seed_story):
    assert page(client, seed_story.url).h1.get_text() == seed_story.title  # the live fragments are cached now
    draft = ArticlePage.objects.get(pk=seed_story.pk)
    draft.title = "Judul yang belum terbit"
    preview = BeautifulSoup(draft.make_preview_request().content, "html.parser")
    assert preview.h1.get_text() == "Judul yang belum terbit"
    assert page(client, seed_story.url).h1.get_text() == seed_story.title


def test_a_new_edition_brings_a_new_related_story_into_a_cached_page(client, seed_story, news):
    before = related_titles(page(client, seed_story.url))
    ArticlePageFactory(section=news, title="Berita terbaru dari desk yang sama")
    assert related_titles(page(client, seed_story.url)) == before  # the same edition: the cached fragment
    new_edition()  # what every publish does (articles/signals.py)
    assert "Berita terbaru dari desk yang sama" in related_titles(page(client, seed_story.url))


def test_each_language_has_its_own_fragments(client, seed_story):
    indonesian = page(client, seed_story.url)
    english = page(client, "/en" + seed_story.url)
    assert indonesian.select_one("article .share h2").get_text() == "Bagikan Artikel:"
    assert english.select_one("article .share h2").get_text() == "Share this article:"


def test_a_new_privacy_setting_is_honoured_at_once(client, seed_story, django_capture_on_commit_callbacks):
    """The story's "no privacy setting" answer is cached; setting a password starts a new edition."""
    assert page(client, seed_story.url).h1.get_text() == seed_story.title
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=seed_story, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
        )
    locked = client.get(seed_story.url).content.decode()
    assert 'name="password"' in locked and seed_story.title not in locked
