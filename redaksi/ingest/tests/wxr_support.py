"""Shared pieces of the WXR import tests: the test data, a small uploads folder, a whole-database row count."""

from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision, WorkflowState

from redaksi.articles.models import ArticlePage
from redaksi.ingest.models import Comment, ImportedObject
from redaksi.ingest.wordpress import WxrOptions, plan_import, run_import
from redaksi.media.models import Photo
from redaksi.pages.models import StandardPage
from redaksi.people.models import Person
from redaksi.sections.models import SectionPage, Tag

HERE = Path(__file__).resolve().parent
NEWSROOM = HERE / "wxr_newsroom.xml"
# Public WXR test files, copied from the team's shared test data (data/wxr/README.md names each source).
WXR = HERE / "data" / "wxr"
PAYLOADS = HERE / "data" / "payloads"
COUNTED = (
    ArticlePage, StandardPage, SectionPage, Page, Photo, Person, Tag, Comment, ImportedObject, Redirect,
    Revision, PageLogEntry, PageViewRestriction, WorkflowState, ContentType,
)  # fmt: skip


def shared(relative):
    """Return a file of the public WXR test data (data/wxr)."""
    return WXR / relative


def rows():
    """Count the rows of every table an import writes to."""
    return {model.__name__: model.objects.count() for model in COUNTED}


def plan_wxr(path, **options):
    return plan_import(path, WxrOptions(**options))


def import_wxr(path, **options):
    """Plan and run one import; return (plan, report)."""
    plan = plan_wxr(path, **options)
    return plan, run_import(plan)


@pytest.fixture(name="uploads")
def uploads_folder(tmp_path):
    """A copy of wp-content/uploads holding the newsroom export's one picture."""
    folder = tmp_path / "uploads"
    (folder / "2024/03").mkdir(parents=True)
    PILImage.new("RGB", (40, 30), "#2a6f97").save(folder / "2024/03/pasar.jpg", format="JPEG")
    return folder


@pytest.fixture(name="newsroom_options")
def newsroom_run_options(news, uploads):
    """Berita (and Ekonomi under it) file into News; Olahraga and the rest into the default section, Umum."""
    return {"uploads": uploads, "categories": {"berita": "section:news"}, "section_default": "umum"}
