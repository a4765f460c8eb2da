"""Wagtail's PostgreSQL backend indexing analysed terms with the `simple` config."""

from modelsearch.backends.database.postgres import postgres
from modelsearch.utils import get_content_type_pk

from .common import AnalysedQueryMixin, AnalysedValuesMixin, StoryIndexMixin


class PostgresIndexer(AnalysedValuesMixin, postgres.ObjectIndexer):
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


class PostgresQueryCompiler(AnalysedQueryMixin, postgres.PostgresSearchQueryCompiler):
    pass


class PostgresAutocompleteCompiler(AnalysedQueryMixin, postgres.PostgresAutocompleteQueryCompiler):
    pass


class PostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteCompiler
    index_class = PostgresIndex

    def __init__(self, params):
        super().__init__({**params, "SEARCH_CONFIG": "simple"})
