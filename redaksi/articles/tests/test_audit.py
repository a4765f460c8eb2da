"""Audit trail: the story's history in the admin says who created, submitted, approved, published, corrected
and unpublished it, and when."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, PageLogEntry, Workflow, WorkflowPage, WorkflowTask
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from redaksi.articles.corrections import CORRECTION_ACTION
from redaksi.articles.models import ArticlePage
from redaksi.sections.tests.factories import SectionPageFactory

from .editing import edit_url, new_note, newsroom_account, open_editor, story_form

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def newsroom(home):
    return {name: client_for(newsroom_account(name)) for name in ("rudi", "sinta", "dewi")}


@pytest.fixture
def news(home):
    """A section whose stories go through one approval task."""
    section = SectionPageFactory(title="News")
    task = GroupApprovalTask.objects.create(name="Redaktur desk")
    task.groups.set([Group.objects.get_or_create(name="Moderators")[0]])
    workflow = Workflow.objects.create(name="Desk review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    return section


def write_and_submit(browser, section):
    """Create a story in the admin and submit it for review in the same request."""
    folder = section.archive_month(timezone.now())
    data = nested_form_data(
        {
            "title": "Bank sentral tahan suku bunga",
            "slug": "bank-sentral-tahan-suku-bunga",
            "body": streamfield([("paragraph", rich_text("<p>Suku bunga tetap 6 persen.</p>"))]),
            "authors": inline_formset([]),
            "corrections": inline_formset([]),
            "tags": "",
            "action-submit": "1",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    assert browser.post(url, data).status_code == 302
    return ArticlePage.objects.get(slug="bank-sentral-tahan-suku-bunga")


def approve(browser, story):
    task_state = story.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, "approve", task_state.pk))
    assert browser.post(url, {"comment": ""}).status_code == 302


def correct(browser, story, text):
    note = new_note(text, timezone.now() - datetime.timedelta(minutes=5))
    data = story_form(story, open_editor(browser, story), new_notes=[note], **{"action-publish": "1"})
    assert browser.post(edit_url(story), data).status_code == 302


def history(browser, story):
    response = browser.get(reverse("wagtailadmin_pages:history", args=(story.pk,)))
    assert response.status_code == 200
    return response


def test_history_names_who_did_each_step(newsroom, news):
    story = write_and_submit(newsroom["rudi"], news)
    approve(newsroom["sinta"], story)
    correct(newsroom["dewi"], story, "Suku bunga acuan 6,25 persen, bukan 6 persen.")
    assert newsroom["sinta"].post(reverse("wagtailadmin_pages:unpublish", args=(story.pk,))).status_code == 302

    response = history(newsroom["sinta"], story)
    steps = {(entry.action, entry.user.username) for entry in response.context["object_list"]}
    assert {
        ("wagtail.create", "rudi"),
        ("wagtail.workflow.start", "rudi"),
        ("wagtail.workflow.approve", "sinta"),
        ("wagtail.publish", "sinta"),
        (CORRECTION_ACTION, "dewi"),
        ("wagtail.publish", "dewi"),
        ("wagtail.unpublish", "sinta"),
    } <= steps
    page = response.content.decode()
    assert "Ralat (" in page and " WIB): Suku bunga acuan 6,25 persen, bukan 6 persen." in page
    assert all(name in page for name in ("Rudi", "Sinta", "Dewi"))


def test_a_note_is_logged_once_however_often_the_story_is_published_again(newsroom, news):
    story = write_and_submit(newsroom["rudi"], news)
    approve(newsroom["sinta"], story)
    correct(newsroom["dewi"], story, "Suku bunga acuan 6,25 persen.")
    story.refresh_from_db()
    again = story_form(story, open_editor(newsroom["dewi"], story), **{"action-publish": "1"})
    assert newsroom["dewi"].post(edit_url(story), again).status_code == 302

    notes = PageLogEntry.objects.filter(page=story, action=CORRECTION_ACTION)
    assert [entry.data["text"] for entry in notes] == ["Suku bunga acuan 6,25 persen."]
    assert PageLogEntry.objects.filter(page=story, action="wagtail.publish").count() == 3


def test_the_history_can_be_filtered_to_corrections(newsroom, news):
    story = write_and_submit(newsroom["rudi"], news)
    approve(newsroom["sinta"], story)
    correct(newsroom["dewi"], story, "Suku bunga acuan 6,25 persen.")
    url = reverse("wagtailadmin_pages:history", args=(story.pk,))
    response = newsroom["sinta"].get(url, {"action": CORRECTION_ACTION})
    assert [entry.action for entry in response.context["object_list"]] == [CORRECTION_ACTION]
