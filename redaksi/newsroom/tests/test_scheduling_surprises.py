"""Scheduling that can't surprise: the approval button says what it does, the confirmation names the time, and a
go-live time that passed in an autosaved draft is never applied by an approval or publish."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from redaksi.articles.models import ArticlePage
from redaksi.newsroom import roles

from .scheduling import WIB

pytestmark = pytest.mark.django_db

SUBMITTED = dt.datetime(2022, 1, 21, 9, 0, tzinfo=WIB)  # a Friday
GO_LIVE = dt.datetime(2022, 1, 21, 10, 15, tzinfo=WIB)
PICKER = "%Y-%m-%d %H:%M"  # WAGTAIL_DATETIME_FORMAT, read in WIB


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def clock():
    with time_machine.travel(SUBMITTED, tick=False) as traveller:
        yield traveller


@pytest.fixture
def desk(staff, clock):
    return {"reporter": login(staff(roles.WARTAWAN, "rina")), "editor": login(staff(roles.REDAKTUR, "budi"))}


@pytest.fixture
def story(desk, news):
    """A story the reporter submitted for review, without a go-live time."""
    folder = news.archive_month(timezone.now())
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    response = desk["reporter"].post(url, story_form("Harga cabai naik", **{"action-submit": "1"}))
    assert response.status_code == 302
    return ArticlePage.objects.get(title="Harga cabai naik")


def story_form(title, go_live_at="", **fields):
    return nested_form_data(
        {
            "title": title,
            "slug": "harga-cabai-naik",
            "body": streamfield([("paragraph", rich_text("<p>Harga cabai rawit naik.</p>"))]),
            "authors": inline_formset([]),
            "corrections": inline_formset([]),
            "tags": "",
            "go_live_at": go_live_at and timezone.localtime(go_live_at).strftime(PICKER),
            **fields,
        }
    )


def edit(client, story, go_live_at="", **fields):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)), story_form(story.title, go_live_at, **fields)
    )


def autosave(client, story, go_live_at):
    """What Wagtail's w-autosave controller posts while the schedule dialog holds an unconfirmed time."""
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    response = client.post(url, story_form(story.title, go_live_at), headers={"Accept": "application/json"})
    assert response.status_code == 200 and response.json()["success"] is True


def approve_in_editor(client, story, go_live_at=""):
    return edit(client, story, go_live_at, **{"action-workflow-action": "1", "workflow-action-name": "approve"})


def approve_from_dashboard(client, story, **headers):
    """The dashboard's "Setujui" button (a form posted with `next`), or its comment dialog (headers: XHR)."""
    task_state = story.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "approve", task_state.pk))
    return client.post(url, {"comment": "", "next": reverse("wagtailadmin_home")}, headers=headers)


def shown_messages(response):
    return [str(message) for message in response.wsgi_request._messages]


def refreshed(story):
    return ArticlePage.objects.get(pk=story.pk)


def test_the_approve_button_names_the_go_live_time(desk, story):
    edit_url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    page = desk["editor"].get(edit_url).content.decode()
    assert "Setujui &amp; terbitkan </button>" in " ".join(page.split())
    assert "Setujui &amp; terbitkan, dengan komentar" in page

    edit(desk["editor"], story, GO_LIVE)
    page = desk["editor"].get(edit_url).content.decode()
    assert "Setujui &amp; jadwalkan 10:15 WIB </button>" in " ".join(page.split())
    assert "Setujui &amp; jadwalkan 10:15 WIB, dengan komentar" in page


def test_approving_with_a_go_live_time_confirms_the_time(desk, story):
    response = approve_in_editor(desk["editor"], story, GO_LIVE)
    assert response.status_code == 302
    assert "Dijadwalkan tayang Jumat, 21 Januari 2022 10:15 WIB" in shown_messages(response)
    story = refreshed(story)
    assert not story.live and story.scheduled_revision.approved_go_live_at == GO_LIVE


def test_a_passed_autosaved_go_live_time_is_not_applied_by_an_approval_in_the_editor(desk, story, clock):
    autosave(desk["editor"], story, GO_LIVE)  # picked in the dialog, never confirmed
    clock.move_to(GO_LIVE + dt.timedelta(minutes=20))

    opened = desk["editor"].get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert any("sudah lewat" in message for message in shown_messages(opened))

    response = approve_in_editor(desk["editor"], story, GO_LIVE)  # the form still holds the time
    assert response.status_code == 302
    [error] = [message for message in shown_messages(response) if message.startswith("Belum terbit")]
    assert "Jumat, 21 Januari 2022 10:15 WIB, sudah lewat" in error
    story = refreshed(story)
    assert not story.live and story.workflow_in_progress  # not approved, not published
    assert story.get_latest_revision_as_object().go_live_at == GO_LIVE  # the edit is kept as a draft


def test_a_passed_autosaved_go_live_time_is_not_applied_by_an_approval_from_the_dashboard(desk, story, clock):
    autosave(desk["editor"], story, GO_LIVE)
    clock.move_to(GO_LIVE + dt.timedelta(minutes=20))

    response = approve_from_dashboard(desk["editor"], story)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    [error] = shown_messages(response)  # the edit view's words, not Wagtail's "no permission"
    assert error.startswith("Belum terbit") and "Jumat, 21 Januari 2022 10:15 WIB, sudah lewat" in error
    story = refreshed(story)
    assert not story.live and story.workflow_in_progress


def test_the_dashboard_comment_dialog_shows_why_a_passed_go_live_time_stopped_the_approval(desk, story, clock):
    autosave(desk["editor"], story, GO_LIVE)
    clock.move_to(GO_LIVE + dt.timedelta(minutes=20))

    response = approve_from_dashboard(desk["editor"], story, **{"X-Requested-With": "XMLHttpRequest"})
    assert response.status_code == 200
    assert response.json() == {"step": "success", "redirect": reverse("wagtailadmin_home")}
    [error] = shown_messages(response)
    assert error.startswith("Belum terbit")
    dashboard = desk["editor"].get(reverse("wagtailadmin_home")).content.decode()
    assert "sudah lewat" in dashboard
    assert not refreshed(story).live and refreshed(story).workflow_in_progress


def test_a_passed_go_live_time_is_not_applied_by_a_publish(desk, story, clock):
    story.current_workflow_state.cancel()
    autosave(desk["editor"], story, GO_LIVE)
    clock.move_to(GO_LIVE + dt.timedelta(minutes=20))

    response = edit(desk["editor"], story, GO_LIVE, **{"action-publish": "1"})
    assert any(message.startswith("Belum terbit") for message in shown_messages(response))
    assert not refreshed(story).live


def test_clearing_the_passed_time_publishes_now(desk, story, clock):
    autosave(desk["editor"], story, GO_LIVE)
    clock.move_to(GO_LIVE + dt.timedelta(minutes=20))

    assert approve_in_editor(desk["editor"], story, "").status_code == 302  # the explicit "publish now"
    story = refreshed(story)
    assert story.live and not story.workflow_in_progress


def test_a_go_live_time_the_story_already_went_live_with_is_no_obstacle(desk, story, clock):
    approve_in_editor(desk["editor"], story, GO_LIVE)
    clock.move_to(GO_LIVE + dt.timedelta(minutes=1))
    story.scheduled_revision.publish()  # the worker's pass
    clock.move_to(GO_LIVE + dt.timedelta(hours=2))

    response = edit(desk["editor"], story, GO_LIVE, **{"action-publish": "1"})  # a later edit keeps the time
    assert not any(message.startswith("Belum terbit") for message in shown_messages(response))
    assert refreshed(story).last_published_at == GO_LIVE + dt.timedelta(hours=2)
