"""Keep the reader search index true to what is public: live stories with a publication time.

Writes go to the database (entries and the change log, in the caller's transaction); after the commit this
process's local index applies them (reader_index.py), so a story is found the moment its publish returns.
"""

import datetime

from django.db import models, transaction

from redaksi.articles.models import ArticlePage

from .analysis import index_terms
from .models import IndexChange, StoryEntry
from .reader_index import EVERYTHING, reader_index

BATCH = 500
KEEP_CHANGES = datetime.timedelta(days=7)
SYNC_AFTER_WRITE = 2_000  # more changes than this (a bulk import) are left to the worker


def story_text(story):
    """The reader index's fields of a story: stemmed headline, standfirst and body, and the words as written."""
    body = " ".join(story.body.stream_block.get_searchable_content(story.body))
    (title, title_words), (standfirst, standfirst_words), (body_terms, body_words) = (
        index_terms(text) for text in (story.title, story.standfirst, body)
    )
    return {
        "title": " ".join(title),
        "standfirst": " ".join(standfirst),
        "body": " ".join(body_terms),
        "title_words": " ".join(title_words),
        "text_words": " ".join([*standfirst_words, *body_words]),
    }


def is_public(story):
    """Whether readers can find the story: live, published, filed in a section, not behind a privacy setting."""
    return story.live and story.published_at is not None and story.section_id is not None and not story.private


@transaction.atomic
def index_stories(stories, sync=True):
    """Index the public ones of `stories` and drop the others from the index; batched bulk SQL.

    `sync=False` leaves the local index to whoever logs the next change (a full rebuild logs one at its end).
    """
    stories = list(stories)
    remove_stories([story.pk for story in stories if not is_public(story)], sync)
    public = [story for story in stories if is_public(story)]
    for first in range(0, len(public), BATCH):
        batch = public[first : first + BATCH]
        StoryEntry.objects.bulk_create(
            [StoryEntry(story_id=s.pk, section_id=s.section_id, published_at=s.published_at, text=story_text(s))
             for s in batch],
            update_conflicts=True,
            unique_fields=["story"],
            update_fields=["section", "published_at", "text"],
        )  # fmt: skip
        log_changes([story.pk for story in batch], sync)


@transaction.atomic
def remove_stories(story_ids, sync=True):
    """Take the stories out of the index."""
    if story_ids:
        StoryEntry.objects.filter(story_id__in=story_ids).delete()
        log_changes(story_ids, sync)


def log_changes(story_ids, sync=True):
    """Log the stories whose entry changed; after the commit this process's index applies them."""
    IndexChange.objects.bulk_create([IndexChange(story_id=story_id) for story_id in story_ids])
    if sync:
        transaction.on_commit(sync_after_commit)


def sync_after_commit():
    """Apply the logged changes now (at most a batch; a bigger backlog is the worker's)."""
    reader_index().sync(limit=SYNC_AFTER_WRITE)


def prune_changes(now):
    """Forget changes older than KEEP_CHANGES (an index further behind rebuilds); the newest always stays."""
    newest = IndexChange.objects.order_by("-id").values_list("id", flat=True).first()
    IndexChange.objects.filter(changed_at__lt=now - KEEP_CHANGES).exclude(id=newest).delete()


def refile_stories(path):
    """Index again the stories under the tree `path` whose section changed (articles' receiver has set it)."""
    moved = ArticlePage.objects.filter(path__startswith=path, search_entry__isnull=False).exclude(
        search_entry__section_id=models.F("section_id")
    )
    index_stories(moved)


def rebuild_story_index():
    """Index every story again and drop entries of stories gone; returns how many stories are indexed."""
    queryset = ArticlePage.objects.order_by("pk")
    last = 0
    while batch := list(queryset.filter(pk__gt=last)[:BATCH]):
        index_stories(batch, sync=False)  # every batch's sync was thrown away by the rebuild below
        last = batch[-1].pk
    log_changes([EVERYTHING])
    return StoryEntry.objects.count()
