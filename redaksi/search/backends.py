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
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from redaksi.articles.models import ArticlePage

from .analysis import analyse, analyse_query
from .engines import engine
from .index import index_stories

NOTHING = Not(MatchAll())


def analysed_query(query):
    """Rewrite a Wagtail search query so that its words are the analyser's terms, synonyms ORed in."""
    if isinstance(query, PlainText):
        groups = analyse_query(query.query_string)
        combine = And if (query.operator or "and").lower() == "and" else Or
        return combine([alternatives_query(alternatives) for alternatives in groups]) if groups else NOTHING
    if isinstance(query, Phrase):
        terms = analyse(query.query_string)
        return Phrase(" ".join(terms)) if terms else NOTHING
    if isinstance(query, (And, Or)):
        return type(query)([analysed_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(analysed_query(query.subquery))
    if isinstance(query, Boost):
        return Boost(analysed_query(query.subquery), query.boost)
    return query


def alternatives_query(alternatives):
    """One query group: its alternatives (a term, or a phrase of terms) ORed."""
    parts = [PlainText(terms[0]) if len(terms) == 1 else Phrase(" ".join(terms)) for terms in alternatives]
    return parts[0] if len(parts) == 1 else Or(parts)


class AnalysedQueryMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = analysed_query(self.query)


class AnalysedValuesMixin:
    def prepare_value(self, value):
        """Index the analyser's terms instead of the raw text."""
        return " ".join(analyse(super().prepare_value(value)))


class StoryIndexMixin:
    """Shared by both indexes: story bulk indexing, no per-write title-norm rescan, orphan cleanup."""

    def add_item(self, obj):
        """Index one object for Wagtail only: single stories reach the reader index through signals.py."""
        self.add_entries(obj._meta.model, [obj])

    def add_items(self, model, objs):
        """Index objects in bulk for Wagtail and, for stories, the reader index."""
        objs = list(objs)
        self.add_entries(model, objs)
        if issubclass(model, ArticlePage):
            index_stories(objs)

    def _refresh_title_norms(self, full=False):
        """Recompute headline-length norms on a full rebuild only: per write it scanned the whole index."""
        if full:
            super()._refresh_title_norms(full=True)

    def delete_stale_entries(self):
        super().delete_stale_entries()
        engine().delete_orphans()


class PostgresIndexer(AnalysedValuesMixin, postgres.ObjectIndexer):
    pass


class SQLiteIndexer(AnalysedValuesMixin, sqlite.ObjectIndexer):
    pass


class PostgresIndex(StoryIndexMixin, postgres.PostgresIndex):
    def add_entries(self, model, objs):
        """Upstream's add_items with the analysing indexer and without the title-norm rescan."""
        indexers = [PostgresIndexer(obj, self.backend) for obj in objs]
        if not model.get_search_fields() or not indexers:
            return
        compiler = postgres.InsertQuery(postgres.IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((get_content_type_pk(model), indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(postgres.IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, vector_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(vector_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {', '.join(vectors)}, 1.0, %s, %s)")
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {postgres.IndexEntry._meta.db_table} (content_type_id, object_id, title, "  # noqa: S608
                f"autocomplete, body, title_norm, title_text, body_text) (VALUES {', '.join(rows)}) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, "
                "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                "body_text = EXCLUDED.body_text",
                params,
            )


class SQLiteIndex(StoryIndexMixin, sqlite.SQLiteIndex):
    def add_entries(self, model, objs):
        """Upstream's add_items with the analysing indexer and without the title-norm rescan."""
        indexers = {indexer.id: indexer for indexer in (SQLiteIndexer(obj, self.backend) for obj in objs)}
        if not model.get_search_fields() or not indexers:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        existing = set(entries.filter(object_id__in=indexers).values_list("object_id", flat=True))
        for object_id in existing:
            indexer = indexers[object_id]
            entries.filter(object_id=object_id).update(
                title=indexer.title, autocomplete=indexer.autocomplete, body=indexer.body
            )
        self.entries.bulk_create(
            sqlite.IndexEntry(
                content_type_id=get_content_type_pk(model),
                object_id=object_id,
                title=indexer.title,
                autocomplete=indexer.autocomplete,
                body=indexer.body,
            )
            for object_id, indexer in indexers.items()
            if object_id not in existing
        )


class PostgresQueryCompiler(AnalysedQueryMixin, postgres.PostgresSearchQueryCompiler):
    pass


class PostgresAutocompleteCompiler(AnalysedQueryMixin, postgres.PostgresAutocompleteQueryCompiler):
    pass


class SQLiteQueryCompiler(AnalysedQueryMixin, sqlite.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteCompiler(AnalysedQueryMixin, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteCompiler
    index_class = PostgresIndex

    def __init__(self, params):
        super().__init__({**params, "SEARCH_CONFIG": "simple"})


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteCompiler
    index_class = SQLiteIndex


def SearchBackend(params):  # noqa: N802 (Wagtail's name for a backend module's entry point)
    """The backend for the default database: PostgreSQL or SQLite (FTS5)."""
    return PostgresSearchBackend(params) if connection.vendor == "postgresql" else SQLiteSearchBackend(params)
