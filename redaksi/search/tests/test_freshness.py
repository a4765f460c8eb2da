"""Stories reach and leave the reader index in the request that publishes, corrects, withdraws or moves them."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from redaksi.articles.tests.factories import ArticlePageFactory, paragraphs
from redaksi.articles.withdrawal import withdraw
from redaksi.search.models import StoryEntry
from redaksi.sections.tests.factories import SectionPageFactory

from .conftest import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(home):
    return get_user_model().objects.create_superuser("sinta", "sinta@example.com", "pw")


@pytest.fixture
def draft(news):
    return ArticlePageFactory(
        section=news, draft=True, title="Rupiah menguat", body=paragraphs("Pembicaraan tarif berlanjut.")
    )


def publish(story, user=None):
    story.save_revision(user=user).publish(user=user)
    story.refresh_from_db()
    return story


def test_a_new_story_is_found_once_published_and_not_before(draft):
    assert found("rupiah") == []
    draft.save_revision()
    assert found("rupiah") == []
    publish(draft)
    assert found("rupiah") == [draft.pk]
    assert found("bicara") == [draft.pk]


def test_a_correction_reindexes_the_story(draft):
    publish(draft)
    draft.title = "Rupiah melemah"
    draft.body = paragraphs("Koreksi: pembicaraan dihentikan.")
    publish(draft)
    assert found("lemah") == [draft.pk]
    assert found("menguat") == [] and found("tarif") == []


def test_unpublishing_removes_the_story(draft):
    publish(draft)
    draft.unpublish()
    assert found("rupiah") == []
    assert not StoryEntry.objects.exists()


def test_withdrawal_removes_the_story_and_republishing_brings_it_back(draft, editor):
    publish(draft)
    withdraw(draft, editor, "gone", "Dicabut atas permintaan narasumber.")
    assert found("rupiah") == []
    publish(draft, editor)
    assert found("rupiah") == [draft.pk]


def test_deleting_removes_the_story_and_its_text(draft):
    publish(draft)
    Page.objects.get(pk=draft.pk).delete()
    assert found("rupiah") == []
    assert not StoryEntry.objects.exists()


def test_deleting_a_section_folder_removes_its_stories(draft):
    publish(draft)
    draft.get_parent().delete()
    assert found("rupiah") == []


def test_moving_a_story_to_another_section_refiles_it(draft, news):
    publish(draft)
    sport = SectionPageFactory(title="Sport", slug="sport")
    draft.move(sport.archive_month(draft.published_at), pos="last-child")
    assert found("rupiah", section_id=sport.pk) == [draft.pk]
    assert found("rupiah", section_id=news.pk) == []


def test_a_scheduled_story_stays_out_until_it_goes_live(draft):
    draft.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    draft.save_revision().publish()
    assert found("rupiah") == []
