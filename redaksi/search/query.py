"""The reader's story search: matches from the reader index, newest first or by relevance with recency.

Public interface (the relevance benchmarks call it):

- ``search_stories(groups, order=NEWEST|RELEVANT, page=1, section_id=None, start=None, end=None, now=None)``
  returns a ``Results`` with the page's story ids, the capped total and whether the total was capped.
- ``relevance(rank, published_at, now)``: the score "relevan" orders by.

Every query is bounded: matches are counted up to ``MAX_RESULTS``; "terbaru" is an indexed ORDER BY
published_at DESC LIMIT; "relevan" ranks only the newest ``MAX_RESULTS`` matches, so a common word costs
what a rare one costs. Pages past ``MAX_PAGES`` are not served.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .engines import engine

PER_PAGE = 10
MAX_PAGES = 50
MAX_RESULTS = PER_PAGE * MAX_PAGES
RELEVANT, NEWEST = "relevan", "terbaru"
HALF_LIFE = datetime.timedelta(days=7)  # news: a week-old story needs twice the text match of today's
RECENCY_FLOOR = 0.1  # however old, a story keeps a tenth of its text match


@dataclass(frozen=True)
class Results:
    story_ids: list
    total: int  # at most MAX_RESULTS
    capped: bool  # more than MAX_RESULTS matched


def relevance(rank, published_at, now):
    """Text match times a recency decay: full weight now, halving every HALF_LIFE down to the floor."""
    age = max((now - published_at) / HALF_LIFE, 0.0)
    return rank * (RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5**age)


def search_stories(groups, order=RELEVANT, page=1, now=None, **filters):
    """Return the `page`th page of stories matching the analysed query `groups` under `filters`."""
    if not groups:
        return Results([], 0, False)
    offset = (page - 1) * PER_PAGE
    if order == NEWEST:
        story_ids = newest_ids(groups, filters, offset)
    else:
        story_ids = relevant_ids(groups, filters, offset, now or timezone.now())
    total = count_matches(groups, filters)
    return Results(story_ids, min(total, MAX_RESULTS), total > MAX_RESULTS)


def count_matches(groups, filters):
    """How many stories match, counting no further than one past MAX_RESULTS."""
    sql, params = engine().matches(groups, **filters)
    return fetch(f"SELECT COUNT(*) FROM (SELECT 1 {sql} LIMIT %s) m", [*params, MAX_RESULTS + 1])[0][0]  # noqa: S608


def newest_ids(groups, filters, offset):
    """Ids of one page of matches, newest first."""
    sql, params = engine().matches(groups, **filters)
    order = "ORDER BY e.published_at DESC, e.story_id DESC LIMIT %s OFFSET %s"
    return [row[0] for row in fetch(f"SELECT e.story_id {sql} {order}", [*params, PER_PAGE, offset])]  # noqa: S608


def relevant_ids(groups, filters, offset, now):
    """Ids of one page of the newest MAX_RESULTS matches, ordered by relevance (ties: newer first)."""
    sql, params = engine().ranked_candidates(groups, filters, MAX_RESULTS)
    scored = [
        (relevance(rank, as_datetime(published_at), now), story_id)
        for story_id, published_at, rank in fetch(sql, params)
    ]
    scored.sort(reverse=True)
    return [story_id for _score, story_id in scored[offset : offset + PER_PAGE]]


def fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def as_datetime(value):
    """A timestamp from a raw row: SQLite returns UTC text, PostgreSQL an aware datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    return value if timezone.is_aware(value) else value.replace(tzinfo=datetime.UTC)
