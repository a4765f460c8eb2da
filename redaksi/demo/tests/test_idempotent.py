"""Running load_demo again creates nothing: every piece is found by its natural key."""

import pytest

from redaksi.articles.models import ArticlePage
from redaksi.demo.services import row_counts

from .conftest import load_demo

pytestmark = pytest.mark.django_db


def test_second_run_creates_no_rows(loaded):
    first = row_counts()
    output = load_demo()
    assert row_counts() == first
    assert "Created: 0 pages, 0 revisions, 0 people, 0 tags, 0 videos, 0 photos, 0 menu items, 0 wire items." in output


def test_first_run_reports_what_it_created(loaded):
    counts = row_counts()
    assert f"Created: {counts['pages'] - 2} pages" in loaded  # the root and home page come from migrations
    assert counts["videos"] == 7
    assert counts["menu items"] == 10
    assert counts["wire items"] == 3  # data/wire, polled into the wire queue


def test_more_stories_later_adds_only_the_new_ones(loaded):
    stories, revisions = ArticlePage.objects.count(), row_counts()["revisions"]
    load_demo("--stories", "14")
    assert (ArticlePage.objects.count(), row_counts()["revisions"]) == (stories + 2, revisions + 2)
