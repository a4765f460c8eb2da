"""Every change the edge is purged for also starts a new edition, once the change commits."""

import pytest
from wagtail.actions.unpublish_page import UnpublishPageAction

from redaksi.articles.models import ArticlePage
from redaksi.core.edition import current_edition
from redaksi.core.models import SiteSettings
from redaksi.media.tests.factories import PhotoFactory, VideoFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import TagFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(outlet, news):
    return ArticlePageFactory(section=news, draft=True)


def test_publishing_and_unpublishing_start_new_editions_after_the_commit(story, django_capture_on_commit_callbacks):
    before = current_edition()
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
        assert current_edition() == before  # not before the commit: a reader could cache the old page anew
    published = current_edition()
    assert published > before
    with django_capture_on_commit_callbacks(execute=True):
        UnpublishPageAction(ArticlePage.objects.get(pk=story.pk)).execute()
    assert current_edition() > published


def test_a_site_settings_change_starts_a_new_edition(outlet, django_capture_on_commit_callbacks):
    before = current_edition()
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.objects.filter(pk=outlet.pk).get().save()
    assert current_edition() > before


@pytest.mark.parametrize("make", [PersonFactory, TagFactory, PhotoFactory], ids=["person", "tag", "photo"])
def test_editing_a_person_tag_or_photo_starts_a_new_edition_creating_one_does_not(
    make, django_capture_on_commit_callbacks
):
    before = current_edition()
    with django_capture_on_commit_callbacks(execute=True):
        thing = make()
    assert current_edition() == before  # nothing shows a new one yet
    with django_capture_on_commit_callbacks(execute=True):
        thing.save()
    assert current_edition() > before
    edited = current_edition()
    with django_capture_on_commit_callbacks(execute=True):
        thing.delete()
    assert current_edition() > edited


def test_a_new_or_changed_video_starts_a_new_edition(django_capture_on_commit_callbacks):
    before = current_edition()
    with django_capture_on_commit_callbacks(execute=True):
        video = VideoFactory(is_featured=True)
    created = current_edition()
    assert created > before
    with django_capture_on_commit_callbacks(execute=True):
        video.delete()
    assert current_edition() > created
