"""The search queries use an index, never a scan of the index table (EXPLAIN on both databases).

The count and the "few matches" statements read the full-text index; the "many matches" statements may
instead walk the time index backwards, testing each row's document until the page is full (query.py).
"""

import re

import pytest
from django.db import connection

from redaksi.search.analysis import analyse_query
from redaksi.search.engines import engine
from redaksi.search.query import MAX_RESULTS

pytestmark = pytest.mark.django_db


def statements(words, **filters):
    """The statements a results page runs, each with whether it may walk the time index instead (many matches):
    the count, then the newest page or the relevance candidates, for few matches and for many."""
    groups = analyse_query(words)
    sql, params = engine().matches(groups, **filters)
    return [
        ((f"SELECT COUNT(*) FROM (SELECT 1 {sql} LIMIT %s) m", [*params, MAX_RESULTS + 1]), False),  # noqa: S608
        *((engine().newest_page(groups, filters, 10, 0, few), not few) for few in (True, False)),
        *((engine().ranked_candidates(groups, filters, MAX_RESULTS, few), not few) for few in (True, False)),
    ]


def uses_an_index(explained, may_walk_time):
    """PostgreSQL: the GIN index, or (many matches) the time index walked backwards; never a Seq Scan."""
    time_walk = may_walk_time and "Index Scan Backward using search_entry_time_idx" in explained
    return ("Bitmap Index Scan on search_entry_document_gin" in explained or time_walk) and "Seq Scan" not in explained


def plan(sql, params):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a test-sized table is cheaper to scan: ask for the index
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row) for row in cursor.fetchall())


def test_search_statements_use_the_full_text_index(news, indexed_story):
    indexed_story(title="Rupiah menguat", text="Pembicaraan tarif berlanjut.")
    for (sql, params), may_walk_time in statements("rupiah bicara"):
        explained = plan(sql, params)
        if connection.vendor == "postgresql":
            assert uses_an_index(explained, may_walk_time), explained
        else:
            assert re.search(r"SCAN search_storytext VIRTUAL TABLE INDEX \d+:M", explained)
            assert "SEARCH e USING INTEGER PRIMARY KEY" in explained and "SCAN e" not in explained


def test_a_section_filter_is_part_of_the_full_text_match(news, indexed_story):
    """PostgreSQL: the section is a lexeme of the document, so the GIN index serves word and section at once."""
    indexed_story(title="Rupiah menguat", text="Pembicaraan tarif berlanjut.")
    for (sql, params), may_walk_time in statements("rupiah bicara", section_id=news.pk):
        explained = plan(sql, params)
        if connection.vendor == "postgresql":
            assert uses_an_index(explained, may_walk_time) and "#section" in explained, explained
        else:
            assert re.search(r"VIRTUAL TABLE INDEX \d+:=?M", explained) and "SCAN e" not in explained
