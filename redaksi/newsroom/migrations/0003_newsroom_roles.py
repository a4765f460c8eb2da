"""Newsroom roles (Wartawan, Redaktur, ...), a desk (groups + review workflow) for every existing section.

Also retires Wagtail's starter "Editors"/"Moderators" groups and their root "Moderators approval" workflow
while nobody uses them: the Indonesian roles replace them, and pages outside the desks are edited only by
all-desk roles, who publish directly.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from redaksi.newsroom import roles

WAGTAIL_STARTER_GROUPS = ("Editors", "Moderators")
WAGTAIL_STARTER_WORKFLOW = "Moderators approval"


def create_missing_permissions(apps):
    """On a fresh database Django creates permissions after the last migration: create them now."""
    for app_config in apps.get_app_configs():
        models_module, app_config.models_module = getattr(app_config, "models_module", None), True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module


def retire_wagtail_starter_groups(apps):
    Group = apps.get_model("auth", "Group")
    starters = Group.objects.filter(name__in=WAGTAIL_STARTER_GROUPS)
    if starters.filter(user__isnull=False).exists():
        return
    Workflow = apps.get_model("wagtailcore", "Workflow")
    unused = Workflow.objects.filter(name=WAGTAIL_STARTER_WORKFLOW, workflow_states__isnull=True)
    for workflow in unused:
        apps.get_model("wagtailcore", "Task").objects.filter(workflow_tasks__workflow=workflow).delete()
        workflow.delete()
    starters.delete()


def set_up_roles_and_desks(apps, schema_editor):
    create_missing_permissions(apps)
    retire_wagtail_starter_groups(apps)
    roles.set_up_roles(apps)
    for section in apps.get_model("sections", "SectionPage").objects.all():
        roles.set_up_desk(section, apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0002_scheduleheartbeat"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
        ("core", "0002_initial"),
        ("media", "0002_initial"),
        ("people", "0001_initial"),
        ("sections", "0001_initial"),
        ("pages", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(set_up_roles_and_desks, migrations.RunPython.noop)]
