"""The reader index's text, per database: a weighted tsvector with a GIN index, or an FTS5 table."""

from django.db import migrations

POSTGRES = [
    "ALTER TABLE search_storyentry ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX search_entry_document_gin ON search_storyentry USING gin (document)",
]
POSTGRES_REVERSE = ["ALTER TABLE search_storyentry DROP COLUMN document"]
# The analyser's terms keep hyphens, dots and commas inside a word ("covid-19", "5,2"): so does the tokenizer.
SQLITE = [
    "CREATE VIRTUAL TABLE search_storytext USING fts5("
    "title, standfirst, body, tokenize = \"unicode61 remove_diacritics 0 tokenchars '-.,'\")"
]
SQLITE_REVERSE = ["DROP TABLE search_storytext"]


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0001_story_index_and_synonyms")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
