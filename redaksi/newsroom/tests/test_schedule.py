"""A pass publishes a scheduled story once its time has passed and never before; likewise for expiry."""

import logging

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom.schedule import PUBLISH, UNPUBLISH, Change, run_pass, schedule_status
from redaksi.sections.tests.factories import SectionPageFactory

from .scheduling import GO_LIVE, expiring_story, is_live, scheduled_story, seconds

pytestmark = pytest.mark.django_db


def test_a_scheduled_story_goes_live_in_the_first_pass_after_its_time_and_not_before(home, time_machine):
    time_machine.move_to(GO_LIVE - seconds(3600), tick=False)
    story = scheduled_story(GO_LIVE)
    assert not is_live(story)

    time_machine.move_to(GO_LIVE - seconds(1), tick=False)
    assert run_pass("test") == []
    assert not is_live(story)

    time_machine.move_to(GO_LIVE + seconds(1), tick=False)
    assert run_pass("test") == [Change(PUBLISH, str(story.pk), story.title, GO_LIVE)]
    assert is_live(story)
    assert story.first_published_at == GO_LIVE + seconds(1)
    assert not Revision.objects.filter(approved_go_live_at__isnull=False).exists()
    assert run_pass("test") == []


def test_a_scheduled_update_replaces_the_live_story_only_at_its_time(home, time_machine):
    time_machine.move_to(GO_LIVE - seconds(3600), tick=False)
    story = ArticlePageFactory(draft=True, title="Versi pertama")
    story.save_revision().publish()
    story.refresh_from_db()
    story.title, story.go_live_at = "Versi terbaru", GO_LIVE
    story.save_revision().publish()

    time_machine.move_to(GO_LIVE - seconds(1), tick=False)
    run_pass("test")
    story.refresh_from_db()
    assert (story.live, story.title) == (True, "Versi pertama")

    time_machine.move_to(GO_LIVE + seconds(1), tick=False)
    run_pass("test")
    story.refresh_from_db()
    assert (story.live, story.title) == (True, "Versi terbaru")


def test_a_story_is_unpublished_in_the_first_pass_after_its_expiry_and_not_before(home, time_machine):
    time_machine.move_to(GO_LIVE - seconds(3600), tick=False)
    story = expiring_story(GO_LIVE)
    assert is_live(story)

    time_machine.move_to(GO_LIVE - seconds(1), tick=False)
    assert run_pass("test") == []
    assert is_live(story)

    time_machine.move_to(GO_LIVE + seconds(1), tick=False)
    assert run_pass("test") == [Change(UNPUBLISH, str(story.pk), story.title, GO_LIVE)]
    assert not is_live(story)
    assert story.expired


def test_each_change_is_logged_on_one_line_with_id_title_time_in_wib_and_delay(home, time_machine, caplog):
    time_machine.move_to(GO_LIVE - seconds(60), tick=False)
    story = scheduled_story(GO_LIVE, title="Harga cabai naik")
    time_machine.move_to(GO_LIVE + seconds(42), tick=False)
    with caplog.at_level(logging.INFO, logger="redaksi.newsroom.schedule"):
        run_pass("test")
    [record] = [r for r in caplog.records if r.name == "redaksi.newsroom.schedule"]
    assert record.getMessage() == (
        f"published story id={story.pk} title='Harga cabai naik' scheduled=2026-12-01T10:00:00+07:00 delay=42.0s"
    )
    assert (record.story_id, record.story_title, record.delay_seconds) == (str(story.pk), "Harga cabai naik", 42.0)


def test_a_story_that_cannot_be_published_is_logged_and_does_not_hold_back_the_others(home, time_machine, caplog):
    time_machine.move_to(GO_LIVE - seconds(3600), tick=False)
    news = SectionPageFactory(title="News")
    blocked = ArticlePageFactory(section=news, draft=True, title="Terhalang", slug="terhalang")
    blocked.save_revision().publish()
    blocked.refresh_from_db()
    blocked.slug, blocked.go_live_at = "judul-kembar", GO_LIVE  # a scheduled update renames the live story
    blocked.save_revision().publish()
    ArticlePageFactory(section=news, slug="judul-kembar")  # and a new story takes that slug before the update is due
    other = scheduled_story(GO_LIVE + seconds(1), section=news)

    time_machine.move_to(GO_LIVE + seconds(120), tick=False)
    done = run_pass("test")
    assert [change.object_id for change in done] == [str(other.pk)]
    blocked.refresh_from_db()
    assert is_live(other) and blocked.slug == "terhalang" and blocked.has_unpublished_changes
    assert f"could not publish story id={blocked.pk} title='Terhalang'" in caplog.text
    assert schedule_status().overdue == 1  # and so the alarm rings


def schedule_through_the_admin(client, story, go_live_at):
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "body": streamfield([("paragraph", rich_text("<p>Isi berita.</p>"))]),
            "authors": inline_formset([{"person": story.authors.get().person_id}]),
            "corrections": inline_formset([]),
            "tags": "",
            "go_live_at": go_live_at,
            "action-publish": "publish",
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), data)


@pytest.fixture
def admin_client_(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redaktur", "r@example.com", "pw"))
    return client


def test_an_editor_schedules_in_wib_through_the_admin(admin_client_, home, time_machine):
    time_machine.move_to(GO_LIVE - seconds(3600), tick=False)
    story = ArticlePageFactory(draft=True, title="Terbit jam sepuluh", slug="terbit-jam-sepuluh")
    picked = "2026-12-01 10:00"  # what the date picker writes (WAGTAIL_DATETIME_FORMAT), read in the admin's zone
    assert picked == timezone.localtime(GO_LIVE).strftime(settings.WAGTAIL_DATETIME_FORMAT)
    response = schedule_through_the_admin(admin_client_, story, picked)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert Revision.objects.get(approved_go_live_at__isnull=False).approved_go_live_at == GO_LIVE

    time_machine.move_to(GO_LIVE - seconds(1), tick=False)
    run_pass("test")
    assert not is_live(story)
    time_machine.move_to(GO_LIVE + seconds(1), tick=False)
    run_pass("test")
    assert is_live(story)
