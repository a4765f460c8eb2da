"""Corpus stories are proper published pages, credited, sourced and filed by publication month."""

import pytest
from django.utils import timezone

from redaksi.articles.models import ArticlePage
from redaksi.demo.stories import GUID_PREFIX

from .conftest import STORIES

pytestmark = pytest.mark.django_db


def corpus_stories():
    return ArticlePage.objects.filter(guid__startswith=GUID_PREFIX).select_related("hero_image", "editor")


def test_every_demo_story_has_a_credited_hero_photo(loaded):
    stories = ArticlePage.objects.select_related("hero_image")
    assert stories.count() == STORIES + 2
    assert all(story.hero_image and story.hero_image.credit and story.hero_image.description for story in stories)


def test_corpus_stories_carry_wire_source_and_source_link(loaded):
    for story in corpus_stories():
        assert story.wire_source and story.source_url.startswith("http")
        assert story.hero_image.credit == f"{story.wire_source}/Dok."


def test_corpus_stories_are_live_pages_with_a_revision_and_credits(loaded):
    for story in corpus_stories():
        assert story.live and story.live_revision_id and not story.has_unpublished_changes
        assert story.authors.count() == 1 and story.editor
        assert 1 <= story.tags.count() <= 3
        assert story.standfirst and story.dateline_city == "Jakarta"
        assert story.last_published_at == story.first_published_at


def test_month_folders_match_publication_months(loaded):
    for story in corpus_stories():
        assert story.get_parent().slug == timezone.localtime(story.first_published_at).strftime("%Y-%m")


def test_a_small_load_still_covers_every_section(loaded):
    sections = set(corpus_stories().values_list("section__slug", flat=True))
    expected = {"news", "ekbis", "new-economy", "kabar-finansial", "global-connections", "sport-lifestyle"}
    assert sections == expected
