"""Desk review workflows and tasks named in Indonesian: "Review · News" becomes "Tinjauan · News"."""

from django.db import migrations

OLD, NEW = "Review · ", "Tinjauan · "


def rename_prefix(apps, old, new):
    for model in ("Workflow", "Task"):
        for obj in apps.get_model("wagtailcore", model).objects.filter(name__startswith=old):
            obj.name = (new + obj.name[len(old) :])[:255]
            obj.save(update_fields=["name"])


def to_indonesian(apps, schema_editor):
    rename_prefix(apps, OLD, NEW)


def to_english(apps, schema_editor):
    rename_prefix(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0003_newsroom_roles")]

    operations = [migrations.RunPython(to_indonesian, to_english)]
