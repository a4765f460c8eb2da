"""Keep the reader search index true to what is public: live stories with a publication time."""

from django.db import models, transaction

from redaksi.articles.models import ArticlePage

from .analysis import analyse
from .engines import BODY, STANDFIRST, TITLE, engine
from .models import StoryEntry

BATCH = 500


def story_texts(story):
    """The analysed terms of a story's headline, standfirst and body (paragraphs, quotes, captions)."""
    body = story.body.stream_block.get_searchable_content(story.body)
    return {TITLE: analyse(story.title), STANDFIRST: analyse(story.standfirst), BODY: analyse(" ".join(body))}


def is_public(story):
    """Whether readers can find the story: live, published, filed in a section, not behind a privacy setting."""
    return story.live and story.published_at is not None and story.section_id is not None and not story.private


@transaction.atomic
def index_stories(stories):
    """Index the public ones of `stories` and drop the others from the index; batched bulk SQL."""
    stories = list(stories)
    remove_stories([story.pk for story in stories if not is_public(story)])
    public = [story for story in stories if is_public(story)]
    for first in range(0, len(public), BATCH):
        batch = public[first : first + BATCH]
        entries = [StoryEntry(story_id=s.pk, section_id=s.section_id, published_at=s.published_at) for s in batch]
        engine().write(entries, {story.pk: story_texts(story) for story in batch})


@transaction.atomic
def remove_stories(story_ids):
    """Take the stories out of the index."""
    if story_ids:
        StoryEntry.objects.filter(story_id__in=story_ids).delete()
        engine().delete(story_ids)


def refile_stories(path):
    """Index again the stories under the tree `path` whose section changed (articles' receiver has set it)."""
    moved = ArticlePage.objects.filter(path__startswith=path, search_entry__isnull=False).exclude(
        search_entry__section_id=models.F("section_id")
    )
    index_stories(moved)


def rebuild_story_index():
    """Index every story again and drop texts of deleted ones; returns how many stories are indexed."""
    queryset = ArticlePage.objects.order_by("pk")
    last = 0
    while batch := list(queryset.filter(pk__gt=last)[:BATCH]):
        index_stories(batch)
        last = batch[-1].pk
    engine().delete_orphans()
    return StoryEntry.objects.count()
