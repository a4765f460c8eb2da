"""The search queries use the full-text index, never a scan of the index table (EXPLAIN on both databases)."""

import re

import pytest
from django.db import connection

from redaksi.search.analysis import analyse_query
from redaksi.search.engines import engine
from redaksi.search.query import MAX_RESULTS

pytestmark = pytest.mark.django_db


def statements(words, **filters):
    """The statements a results page runs: the count, then the newest page or the relevance candidates,
    for few matches and for many."""
    groups = analyse_query(words)
    sql, params = engine().matches(groups, **filters)
    return [
        (f"SELECT COUNT(*) FROM (SELECT 1 {sql} LIMIT %s) m", [*params, MAX_RESULTS + 1]),  # noqa: S608
        *(engine().newest_page(groups, filters, 10, 0, few) for few in (True, False)),
        *(engine().ranked_candidates(groups, filters, MAX_RESULTS, few) for few in (True, False)),
    ]


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
    for sql, params in statements("rupiah bicara"):
        explained = plan(sql, params)
        if connection.vendor == "postgresql":
            assert "Bitmap Index Scan on search_entry_document_gin" in explained
            assert "Seq Scan" not in explained
        else:
            assert re.search(r"SCAN search_storytext VIRTUAL TABLE INDEX \d+:M", explained)
            assert "SEARCH e USING INTEGER PRIMARY KEY" in explained and "SCAN e" not in explained


def test_a_section_filter_is_part_of_the_full_text_match(news, indexed_story):
    """PostgreSQL: the section is a lexeme of the document, so the GIN index serves word and section at once."""
    indexed_story(title="Rupiah menguat", text="Pembicaraan tarif berlanjut.")
    for sql, params in statements("rupiah bicara", section_id=news.pk):
        explained = plan(sql, params)
        if connection.vendor == "postgresql":
            assert "Bitmap Index Scan on search_entry_document_gin" in explained and "#section" in explained
            assert "Seq Scan" not in explained
        else:
            assert re.search(r"VIRTUAL TABLE INDEX \d+:=?M", explained) and "SCAN e" not in explained
