"""The reader's story search: matches from the reader index, newest first or by relevance with recency.

Public interface (the relevance benchmarks call it):

- ``search_stories(groups, order=NEWEST|RELEVANT, page=1, section_id=None, start=None, end=None, now=None)``
  returns a ``Results`` with the page's story ids, the capped total and whether the total was capped.
- ``relevance(rank, published_at, now)``: the score "relevan" orders by.

Every query is bounded: matches are counted up to ``MAX_RESULTS`` first. Past that count ("many"),
"terbaru" walks the time index (ORDER BY published_at DESC LIMIT) and "relevan" ranks only the newest
``MAX_RESULTS`` matches, so a common word costs what a rarer one costs; up to it ("few"), the matches are
read through the full-text index and sorted (engines.py says why). Pages past ``MAX_PAGES`` are not served.
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
    total = count_matches(groups, filters)
    few, offset = total <= MAX_RESULTS, (page - 1) * PER_PAGE
    if order == NEWEST:
        story_ids = newest_ids(groups, filters, offset, few)
    else:
        story_ids = relevant_ids(groups, filters, offset, few, now or timezone.now())
    return Results(story_ids, min(total, MAX_RESULTS), not few)


def count_matches(groups, filters):
    """How many stories match, counting no further than one past MAX_RESULTS."""
    sql, params = engine().matches(groups, **filters)
    return fetch(f"SELECT COUNT(*) FROM (SELECT 1 {sql} LIMIT %s) m", [*params, MAX_RESULTS + 1])[0][0]  # noqa: S608


def newest_ids(groups, filters, offset, few):
    """Ids of one page of matches, newest first."""
    return [row[0] for row in fetch(*engine().newest_page(groups, filters, PER_PAGE, offset, few))]


def relevant_ids(groups, filters, offset, few, now):
    """Ids of one page of the newest MAX_RESULTS matches, ordered by relevance (ties: newer first)."""
    rows = fetch(*engine().ranked_candidates(groups, filters, MAX_RESULTS, few))
    scored = [(relevance(rank, as_datetime(published_at), now), story_id) for story_id, published_at, rank in rows]
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
