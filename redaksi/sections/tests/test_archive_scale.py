"""The bulk archive loader behind the 1M-story benchmark builds the same tree editors would."""

import sys
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Page

from redaksi.articles.models import ArticlePage
from redaksi.articles.tests.factories import paragraphs
from redaksi.conftest import migrated_home, module_transaction
from redaksi.sections.models import ArchiveMonthPage

BASE_DIR = Path(__file__).resolve().parents[3]
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))  # bench/ is not installed; it sits next to redaksi/

from bench.bulk_archive import ArchiveLoader, Timeline, archive_problems, ensure_sections, subtree_problems  # noqa: E402

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

STORIES = 3000
NO_PROBLEMS = {"evil_chars": 0, "bad_steplen": 0, "orphans": 0, "wrong_depth": 0, "wrong_numchild": 0}


@pytest.fixture(scope="module")
def loaded_archive(django_db_setup, django_db_blocker):
    """3,000 stories over 100 days (Oct 2021 - Jan 2022) in six sections, loaded in two runs of small batches.

    Loaded once for the module and rolled back after it.
    """
    with module_transaction(django_db_blocker):
        end = datetime(2022, 1, 21, 18, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
        timeline = Timeline(total=STORIES, end=end, per_day=30)
        sections = ensure_sections(migrated_home())
        loader = ArchiveLoader(sections, timeline, batch_size=700)
        loader.load(0, 2000)
        loader.load(2000, STORIES)
        yield SimpleNamespace(sections=sections, timeline=timeline, loader=loader)


@pytest.fixture
def archive(loaded_archive, db):
    return loaded_archive


def test_tree_has_no_problems(archive):
    assert subtree_problems() == NO_PROBLEMS
    assert archive_problems() == {"orphans": 0, "wrong_numchild": 0, "wrong_depth": 0, "wrong_section": 0}


def test_every_section_files_its_stories_in_month_folders(archive):
    assert ArticlePage.objects.count() == STORIES
    for section in archive.sections:
        folders = ArchiveMonthPage.objects.child_of(section).order_by("path")
        assert [folder.slug for folder in folders] == ["2021-10", "2021-11", "2021-12", "2022-01"]
        for folder in folders:
            assert folder.numchild == ArticlePage.objects.child_of(folder).count() > 0


def test_section_follows_the_tree(archive):
    section_by_path = {section.path: section.pk for section in archive.sections}
    for section_id, path in ArticlePage.objects.values_list("section_id", "path"):
        assert section_by_path[path[: 3 * Page.steplen]] == section_id


def test_every_story_has_its_permanent_address(archive):
    for story in ArticlePage.objects.all():
        assert story.url == f"/read{story.pk}/{story.slug}"


def test_first_and_last_story_of_every_folder_serve(archive, client):
    for folder in ArchiveMonthPage.objects.all():
        children = ArticlePage.objects.child_of(folder).order_by("path")
        for story in (children.first(), children.last()):
            assert client.get(story.url).status_code == 200


def test_editor_adds_a_story_after_the_bulk_load(archive, client):
    section = archive.sections[0]
    folder = section.archive_month(archive.timeline.when(STORIES - 1))
    last, children_before = folder.get_last_child(), folder.numchild
    story = ArticlePage(title="Berita baru setelah impor", slug="berita-baru", body=paragraphs("Isi berita."))
    folder.add_child(instance=story)
    story.save_revision().publish()
    assert story.path == last._inc_path()
    assert ArticlePage.objects.get(pk=story.pk).section_id == section.pk
    assert Page.objects.get(pk=folder.pk).numchild == children_before + 1
    assert client.get(story.url).status_code == 200
    archive.loader.load(STORIES, STORIES + 60)
    assert subtree_problems(folder) == NO_PROBLEMS
    assert archive_problems()["wrong_numchild"] == 0
