"""Wagtail's database search backend, speaking Indonesian: ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND":
"redaksi.search.backends"}}``.

Upstream takes one PostgreSQL text-search config and has no Indonesian analysis on SQLite. Here the indexed
values and the query strings both go through `analysis` and PostgreSQL parses the result with the `simple`
config (FTS5 with its default tokenizer), so the admin's page search and ``Page.objects.search()`` stem,
drop stopwords and expand synonyms exactly as the reader search does. Two more changes: an index write no
longer rescans the whole index for the mean headline length (done once per rebuild), and the bulk path
(`update_index`, `add_bulk`) also fills the reader index of stories (`index.py`).
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 (Wagtail's name for a backend module's entry point)
    """The backend for the default database: PostgreSQL or SQLite (FTS5)."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    from .sqlite import SQLiteSearchBackend

    return SQLiteSearchBackend(params)
