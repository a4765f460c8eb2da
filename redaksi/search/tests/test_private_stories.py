"""A story behind a privacy setting leaves the reader index, and comes back when the setting goes."""

import pytest
from wagtail.models import PageViewRestriction

from .conftest import found

pytestmark = pytest.mark.django_db


def test_privacy_setting_takes_the_story_out_of_search_and_back(indexed_story):
    story = indexed_story(title="Laporan khusus pelanggan premium")
    assert found("laporan pelanggan") == [story.pk]

    restriction = PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    assert found("laporan pelanggan") == []

    restriction.delete()
    assert found("laporan pelanggan") == [story.pk]


def test_stories_of_a_private_section_leave_search(indexed_story, news):
    story = indexed_story(title="Rapat tertutup dewan direksi")
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    assert found("rapat direksi") == []
    assert story.pk not in found("rapat")
