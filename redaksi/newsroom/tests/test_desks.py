"""The roles migration makes the role groups; every section, old or new, gets its desk groups and review."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import GroupPagePermission, Task, Workflow, WorkflowPage

from redaksi.newsroom import roles
from redaksi.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db
ROLES_MIGRATION = ("newsroom", "0003_newsroom_roles")
roles_migration = importlib.import_module(f"redaksi.newsroom.migrations.{ROLES_MIGRATION[1]}")


def page_permissions(group, page):
    return sorted(
        GroupPagePermission.objects.filter(group=group, page=page).values_list("permission__codename", flat=True)
    )


def review_groups(section):
    task = WorkflowPage.objects.get(page=section).workflow.tasks.get().specific
    return task.name, set(task.groups.values_list("name", flat=True))


def test_migration_created_the_indonesian_role_groups_and_retired_wagtails_starters(home):
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles.ROLES) <= names
    assert not names & {"Editors", "Moderators"}
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert page_permissions(Group.objects.get(name="Pemimpin Redaksi"), home) == [
        "add_page",
        "change_page",
        "lock_page",
        "publish_page",
        "unlock_page",
    ]


def test_a_new_section_gets_its_desk_groups_and_review_workflow(home):
    olahraga = SectionPageFactory(title="Olahraga")
    assert page_permissions(Group.objects.get(name="Wartawan · Olahraga"), olahraga) == ["add_page", "change_page"]
    assert page_permissions(Group.objects.get(name="Redaktur · Olahraga"), olahraga) == [
        "add_page",
        "change_page",
        "lock_page",
        "publish_page",
        "unlock_page",
    ]
    assert review_groups(olahraga) == (
        "Tinjauan · Olahraga",
        {"Admin", "Pemimpin Redaksi", "Redaktur · Olahraga", "Redaktur Pelaksana"},
    )


def test_renaming_a_section_renames_its_desk(home):
    section = SectionPageFactory(title="Bisnis")
    section.title = "EkBis"
    section.save()
    assert {"Wartawan · EkBis", "Redaktur · EkBis"} <= set(Group.objects.values_list("name", flat=True))
    assert not Group.objects.filter(name__endswith="· Bisnis").exists()
    assert review_groups(section)[0] == "Tinjauan · EkBis"
    assert Workflow.objects.filter(name__startswith="Tinjauan · ").count() == 1


def test_two_sections_with_one_title_get_separate_desks(home, site):
    first = SectionPageFactory(title="News")
    second = SectionPageFactory(title="News", slug="news-2")
    assert roles.desk_group(first, roles.REDAKTUR) != roles.desk_group(second, roles.REDAKTUR)
    assert roles.desk_group(second, roles.REDAKTUR).name == f"Redaktur · News ({second.pk})"


def test_migration_gives_sections_that_existed_before_it_their_desks(home):
    section = SectionPageFactory(title="Hukum")
    Group.objects.filter(name__endswith="· Hukum").delete()
    WorkflowPage.objects.filter(page=section).delete()
    historical_apps = MigrationExecutor(connection).loader.project_state(ROLES_MIGRATION).apps
    roles_migration.set_up_roles_and_desks(historical_apps, schema_editor=None)
    roles_migration.set_up_roles_and_desks(historical_apps, schema_editor=None)  # again: no duplicates
    assert Group.objects.filter(name__endswith="· Hukum").count() == 2
    assert review_groups(section)[1] == {"Admin", "Pemimpin Redaksi", "Redaktur · Hukum", "Redaktur Pelaksana"}


def test_the_migration_names_existing_review_steps_in_indonesian_and_back(home):
    rename = importlib.import_module("redaksi.newsroom.migrations.0004_review_named_tinjauan")
    workflow = Workflow.objects.create(name="Review · Lama", active=True)
    task = Task.objects.create(name="Review · Lama", active=True)
    by_hand = Workflow.objects.create(name="Alur khusus", active=True)

    rename.to_indonesian(django_apps, None)
    assert {obj.name for obj in refreshed(workflow, task, by_hand)} == {"Tinjauan · Lama", "Alur khusus"}
    rename.to_english(django_apps, None)
    assert {obj.name for obj in refreshed(workflow, task, by_hand)} == {"Review · Lama", "Alur khusus"}


def refreshed(*objects):
    for obj in objects:
        obj.refresh_from_db()
    return objects
