"""Berita Terkait: most shared tags first, newest among equals, filled from the section, bounded in time."""

import datetime

import pytest
from django.utils import timezone

from redaksi.articles.models import ArticlePage
from redaksi.articles.related import RELATED_WINDOW, related_stories, suggestion
from redaksi.sections.tests.factories import TagFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def published(days_ago):
    return NOW - datetime.timedelta(days=days_ago)


def loaded(story):
    """The story as the article page's fragments load it (tags prefetched)."""
    return ArticlePage.objects.prefetch_related("tagged_items").get(pk=story.pk)


def titles(stories):
    return [story.title for story in stories]


@pytest.fixture
def tags():
    return TagFactory.create_batch(3)


def test_most_shared_tags_first_then_newest_among_equals(news, sport, tags):
    story = ArticlePageFactory(section=news, tags=tags, first_published_at=published(0))
    ArticlePageFactory(section=sport, title="Satu tag, lama", tags=tags[:1], first_published_at=published(5))
    ArticlePageFactory(section=sport, title="Satu tag, baru", tags=tags[2:], first_published_at=published(1))
    ArticlePageFactory(section=sport, title="Tiga tag", tags=tags, first_published_at=published(9))
    ArticlePageFactory(section=sport, title="Dua tag", tags=tags[:2], first_published_at=published(3))

    assert titles(related_stories(loaded(story))) == ["Tiga tag", "Dua tag", "Satu tag, baru", "Satu tag, lama"]


def test_filled_up_with_the_sections_newest_stories(news, sport, tags):
    story = ArticlePageFactory(section=news, tags=tags[:1], first_published_at=published(0))
    ArticlePageFactory(section=sport, title="Setag", tags=tags[:1], first_published_at=published(4))
    for days in range(1, 7):
        ArticlePageFactory(section=news, title=f"Rubrik {days}", first_published_at=published(days))
    ArticlePageFactory(section=sport, title="Rubrik lain")

    assert titles(related_stories(loaded(story))) == ["Setag", "Rubrik 1", "Rubrik 2", "Rubrik 3", "Rubrik 4"]


def test_never_the_story_itself_nor_unpublished_ones(news, tags):
    story = ArticlePageFactory(section=news, tags=tags)
    ArticlePageFactory(section=news, title="Draf", tags=tags, draft=True)
    withdrawn = ArticlePageFactory(section=news, title="Ditarik", tags=tags)
    withdrawn.unpublish()
    ArticlePageFactory(section=news, title="Tayang", tags=tags)

    assert titles(related_stories(loaded(story))) == ["Tayang"]


def test_a_story_sharing_tags_also_in_the_section_appears_once(news, tags):
    story = ArticlePageFactory(section=news, tags=tags)
    ArticlePageFactory(section=news, title="Keduanya", tags=tags)

    assert titles(related_stories(loaded(story))) == ["Keduanya"]


def test_tag_matches_are_looked_for_only_near_the_storys_time(news, sport, tags):
    story = ArticlePageFactory(section=news, tags=tags, first_published_at=published(0))
    old = RELATED_WINDOW.days + 1
    ArticlePageFactory(section=sport, title="Arsip lama", tags=tags, first_published_at=published(old))
    ArticlePageFactory(section=sport, title="Masih dekat", tags=tags[:1], first_published_at=published(old - 2))

    assert titles(related_stories(loaded(story))) == ["Masih dekat"]


def test_excluded_stories_and_limit(news, tags):
    story = ArticlePageFactory(section=news, tags=tags)
    picked = ArticlePageFactory(section=news, title="Pilihan editor", tags=tags)
    ArticlePageFactory.create_batch(8, section=news)

    related = related_stories(loaded(story), limit=6, exclude=[picked.pk])

    assert len(related) == 6 and picked.pk not in {r.pk for r in related}


@pytest.mark.parametrize("count", [3, 30])
def test_two_queries_whatever_the_number_of_tags_and_matches(news, count, django_assert_num_queries):
    tags = TagFactory.create_batch(count)
    ArticlePageFactory.create_batch(count, section=news, tags=tags, with_image=True)
    story = loaded(ArticlePageFactory(section=news, tags=tags))

    with django_assert_num_queries(2):
        related = related_stories(story)
        assert all(r.section.title == "News" for r in related)
        assert [r.hero_image.credit for r in related]
    assert len(related) == min(count, 5)


def test_one_query_for_a_story_without_tags(news, django_assert_num_queries):
    ArticlePageFactory.create_batch(3, section=news)
    story = loaded(ArticlePageFactory(section=news))

    with django_assert_num_queries(1):
        assert len(related_stories(story)) == 3


def test_suggestion_is_the_best_story_not_shown_else_the_first(news):
    stories = ArticlePageFactory.create_batch(6, section=news)

    assert suggestion(stories) == stories[5]
    assert suggestion(stories[:4]) == stories[0]
    assert suggestion([]) is None
