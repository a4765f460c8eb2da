"""Keyset ("seek") pagination of story listings: page 5,000 costs what page 1 costs, with no OFFSET scan.

A listing page is addressed by the story it continues from: `?sebelum=<id>` shows the stories published
before story <id>, `?sesudah=<id>` those published after it. Both links are plain GET links.
"""

from dataclasses import dataclass
from datetime import datetime

from django.http import Http404

from redaksi.core.keyset import Keyset

NEWEST_FIRST = Keyset(("published_at", "pk"), (datetime, int), descending=True)
OLDEST_FIRST = Keyset(("published_at", "pk"), (datetime, int))
OLDER = "sebelum"
NEWER = "sesudah"


@dataclass
class StoryPage:
    """One page of a newest-first listing and the cursors of its neighbours (None where there is none)."""

    stories: list
    older_cursor: int | None
    newer_cursor: int | None

    @property
    def is_first(self):
        return self.newer_cursor is None


def paginate_stories(queryset, params, per_page):
    """Return the StoryPage of `queryset` (published stories) that GET `params` ask for.

    Takes the listing queryset before ordering; costs one query for the page and, when a cursor is
    given, one for the cursor story. An unknown or junk cursor raises Http404.
    """
    older, newer = cursor(params, OLDER), cursor(params, NEWER)
    if older is not None and newer is not None:
        raise Http404("Give either an older or a newer cursor, not both.")
    if newer is not None:
        return newer_page(queryset, newer, per_page)
    if older is None:
        rows = list(NEWEST_FIRST.order(queryset)[: per_page + 1])
        return StoryPage(rows[:per_page], last_pk(rows, per_page), None)
    rows = list(NEWEST_FIRST.order(NEWEST_FIRST.after(queryset, cursor_key(queryset, older)))[: per_page + 1])
    return StoryPage(rows[:per_page], last_pk(rows, per_page), rows[0].pk if rows else None)


def newer_page(queryset, newer, per_page):
    """The page of stories published right after story `newer`, still shown newest first."""
    rows = list(OLDEST_FIRST.order(OLDEST_FIRST.after(queryset, cursor_key(queryset, newer)))[: per_page + 1])
    has_newer = len(rows) > per_page
    stories = rows[:per_page][::-1]
    return StoryPage(stories, stories[-1].pk if stories else None, stories[0].pk if has_newer else None)


def cursor(params, name):
    """The story id a cursor parameter names, or None when absent; junk raises Http404."""
    value = params.get(name)
    if value is None:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        raise Http404(f"Bad {name} cursor.")
    return int(value)


def cursor_key(queryset, pk):
    """The sort key (publication time, id) of the cursor story, which must belong to the listing."""
    published_at = queryset.filter(pk=pk).values_list("published_at", flat=True).first()
    if published_at is None:
        raise Http404("The cursor story is not in this listing.")
    return [published_at, pk]


def last_pk(rows, per_page):
    return rows[per_page - 1].pk if len(rows) > per_page else None
