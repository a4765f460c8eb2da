"""Wagtail's SQLite FTS5 backend indexing analysed terms."""

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.utils import get_content_type_pk

from .common import AnalysedQueryMixin, AnalysedValuesMixin, StoryIndexMixin


class SQLiteIndexer(AnalysedValuesMixin, sqlite.ObjectIndexer):
    pass


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


class SQLiteQueryCompiler(AnalysedQueryMixin, sqlite.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteCompiler(AnalysedQueryMixin, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteCompiler
    index_class = SQLiteIndex
