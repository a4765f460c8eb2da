"""The reader index moves to tantivy (reader_index.py): entries keep their analysed text and log changes.

The database's own text (PostgreSQL tsvector and its GIN index, the SQLite FTS5 table) goes; the entries of a
populated site get their text again through the current indexing code, like `update_index` (so this depends
on the latest migration of every app that code reads), and the local index builds itself from them. A site
from before the search app gets its entries here too (0006 once did that).
"""

import django.core.validators
from django.db import migrations, models

DROP_TEXT = {
    "postgresql": ["ALTER TABLE search_storyentry DROP COLUMN document"],
    "sqlite": ["DROP TABLE search_storytext"],
}
CREATE_TEXT = {  # as 0002 made them; refilled by `update_index` after going back
    "postgresql": [
        "ALTER TABLE search_storyentry ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector",
        "CREATE INDEX search_entry_document_gin ON search_storyentry USING gin (document)",
    ],
    "sqlite": [
        "CREATE VIRTUAL TABLE search_storytext USING fts5("
        "title, standfirst, body, tokenize = \"unicode61 remove_diacritics 0 tokenchars '-.,'\")"
    ],
}


def run(statements_by_vendor):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


def fill_entry_texts(apps, schema_editor):
    """Give entries their text; on a site from before search (no entries, live stories), index every story."""
    stories = apps.get_model("articles", "ArticlePage").objects.filter(live=True)
    if apps.get_model("search", "StoryEntry").objects.exists() or stories.exists():
        from redaksi.search.index import rebuild_story_index

        rebuild_story_index()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_build_empty_reader_index"),
        ("articles", "0009_paragraph_may_start_empty"),
    ]

    operations = [
        migrations.CreateModel(
            name="IndexChange",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("story_id", models.IntegerField()),
                ("changed_at", models.DateTimeField(auto_now_add=True, db_index=True)),
            ],
        ),
        migrations.CreateModel(
            name="SearchSettings",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "recency_weight",
                    models.FloatField(
                        default=0.1,
                        help_text="How much a story published today gains over an old one that matches the words as well: 0.1 is a tie-breaker (10%), 1 doubles today's stories, 0 orders by the words only. The gain halves every week.",
                        validators=[
                            django.core.validators.MinValueValidator(0),
                            django.core.validators.MaxValueValidator(2),
                        ],
                        verbose_name="recency weight",
                    ),
                ),
            ],
            options={
                "verbose_name": "search settings",
            },
        ),
        migrations.RemoveIndex(
            model_name="storyentry",
            name="search_entry_time_idx",
        ),
        migrations.RemoveIndex(
            model_name="storyentry",
            name="search_entry_section_time_idx",
        ),
        migrations.AddField(
            model_name="storyentry",
            name="text",
            field=models.JSONField(default=dict),
        ),
        migrations.RunPython(run(DROP_TEXT), run(CREATE_TEXT)),
        migrations.RunPython(fill_entry_texts, migrations.RunPython.noop),
    ]
