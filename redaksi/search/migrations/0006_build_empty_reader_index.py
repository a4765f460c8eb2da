"""Build the reader index during the upgrade when it is empty and stories are live (a site from before search).

It runs the same code as `update_index` (index.rebuild_story_index) on the current models, so it depends on the
latest migration of every app whose tables that code reads.
"""

from django.db import migrations


def build_empty_index(apps, schema_editor):
    StoryEntry = apps.get_model("search", "StoryEntry")
    ArticlePage = apps.get_model("articles", "ArticlePage")
    if StoryEntry.objects.exists() or not ArticlePage.objects.filter(live=True).exists():
        return
    from redaksi.search.index import rebuild_story_index

    rebuild_story_index()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_section_lexeme"),
        ("articles", "0008_safe_source_link"),
        ("media", "0003_safe_links"),
        ("people", "0001_initial"),
        ("sections", "0001_initial"),
        ("core", "0004_safe_links"),
        ("pages", "0003_home_picks_and_masthead"),
    ]

    operations = [migrations.RunPython(build_empty_index, migrations.RunPython.noop)]
