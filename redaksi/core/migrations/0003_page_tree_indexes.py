"""Indexes on Wagtail's page table for the admin's tree questions at archive scale (docs/architecture.md).

- `redaksi_page_depth_path`: every admin page a superuser opens asks for the tree's root (`depth = 1`),
  and the explorer lists a page's children with `path LIKE '<parent>%' AND depth = <n>`. Wagtail
  indexes `path` alone, so at a million stories the root lookup scanned the page table and a section's
  listing walked the section's whole archive (twice). `(depth, path)` answers both from a few entries;
  PostgreSQL needs the pattern operator class for `LIKE`. SQLite's `LIKE` cannot use an index (it is
  case-insensitive), but `depth = <n>` narrows a section's listing to the folders' level.
- `redaksi_page_parents`: the pages that have children (a few hundred: home, sections, month folders),
  so a subtree's size is one plus the sum of their `numchild` (newsroom/site_summary.py) instead of a
  count of a million rows.

Named in our namespace; IF NOT EXISTS because the table is Wagtail's.
"""

from django.db import migrations

INDEXES = {
    "postgresql": {
        "redaksi_page_depth_path": "ON wagtailcore_page (depth, path varchar_pattern_ops)",
        "redaksi_page_parents": "ON wagtailcore_page (path varchar_pattern_ops) WHERE numchild > 0",
    },
    "sqlite": {
        "redaksi_page_depth_path": "ON wagtailcore_page (depth, path)",
        "redaksi_page_parents": "ON wagtailcore_page (path) WHERE numchild > 0",
    },
}


def create_indexes(apps, schema_editor):
    for name, definition in INDEXES.get(schema_editor.connection.vendor, {}).items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} {definition}")


def drop_indexes(apps, schema_editor):
    for name in INDEXES.get(schema_editor.connection.vendor, {}):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
