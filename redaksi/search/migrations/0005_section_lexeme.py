"""PostgreSQL: add each indexed story's section to its document as a lexeme ('#section12')."""

from django.db import migrations

FORWARD = "UPDATE search_storyentry SET document = document || ('''#section' || section_id || '''')::tsvector"
BACKWARD = "UPDATE search_storyentry SET document = ts_delete(document, ARRAY['#section' || section_id])"


def run(statement):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("search", "0004_newsroom_synonyms")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
