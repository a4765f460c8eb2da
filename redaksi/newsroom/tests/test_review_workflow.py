"""A reporter submits through the admin; only their desk's editors approve, schedule or send it back."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from redaksi.articles.models import ArticlePage
from redaksi.newsroom import roles
from redaksi.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def login(user):
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def newsroom(staff):
    """A News reporter, a News desk editor, an EkBis desk editor, each with their own admin session."""
    return {
        "reporter": login(staff(roles.WARTAWAN, "rina")),
        "news_editor": login(staff(roles.REDAKTUR, "budi")),
        "ekbis_editor": login(staff(roles.REDAKTUR, "sari", desks=("ekbis",))),
    }


def story_form(title, action="action-submit", **fields):
    """The admin's story form as a browser posts it, pressing `action`."""
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "body": streamfield([("paragraph", rich_text("<p>Harga cabai rawit naik dua kali lipat.</p>"))]),
            "authors": inline_formset([{"person": PersonFactory().pk}]),
            "corrections": inline_formset([]),
            "tags": "",
            action: action,
            **fields,
        }
    )


def submit_story(client, section, title, **fields):
    """Write a story in the section's month folder and press "submit for review"; return it."""
    folder = section.archive_month(timezone.now())
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    response = client.post(url, story_form(title, **fields))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return ArticlePage.objects.get(title=title)


def act(client, story, action, comment=""):
    """Press a review button (approve, reject = request changes) on the story's current task."""
    task_state = story.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, action, task_state.pk))
    return client.post(url, {"comment": comment})


def test_reporter_submits_and_only_their_desk_editor_approves(newsroom, news):
    story = submit_story(newsroom["reporter"], news, "Harga cabai naik")
    assert story.workflow_in_progress and not story.live
    assert story.current_workflow_task.name == "Tinjauan · News"

    refused = act(newsroom["ekbis_editor"], story, "approve")
    assert (refused.status_code, refused["Location"]) == (302, reverse("wagtailadmin_home"))  # "no permission"
    story.refresh_from_db()
    assert story.workflow_in_progress and not story.live

    assert act(newsroom["news_editor"], story, "approve").status_code == 302
    story.refresh_from_db()
    assert story.live and not story.workflow_in_progress
    assert Client().get(story.url).status_code == 200


def test_reporters_publish_button_saves_a_draft(newsroom, news):
    folder = news.archive_month(timezone.now())
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    newsroom["reporter"].post(url, story_form("Harga beras turun", action="action-publish"))
    story = ArticlePage.objects.get(title="Harga beras turun")
    assert not story.live and story.has_unpublished_changes


def test_review_queue_on_the_dashboard_is_per_desk(newsroom, news):
    story = submit_story(newsroom["reporter"], news, "Inflasi Jakarta melandai")
    home = reverse("wagtailadmin_home")
    assert story.title in newsroom["news_editor"].get(home).content.decode()
    assert story.title not in newsroom["ekbis_editor"].get(home).content.decode()
    assert story.title in newsroom["reporter"].get(home).content.decode()  # "your pages in a workflow"


def test_approving_a_story_with_a_go_live_time_schedules_it(newsroom, news):
    go_live_at = timezone.localtime().replace(second=0, microsecond=0) + timedelta(hours=3)
    picked = go_live_at.strftime(settings.WAGTAIL_DATETIME_FORMAT)  # as the admin's date picker writes it
    story = submit_story(newsroom["reporter"], news, "Rupiah menguat pagi ini", go_live_at=picked)
    assert act(newsroom["news_editor"], story, "approve").status_code == 302
    story.refresh_from_db()
    assert not story.live
    assert story.scheduled_revision.approved_go_live_at == go_live_at


def test_request_changes_sends_the_story_back_with_the_comment(newsroom, news):
    story = submit_story(newsroom["reporter"], news, "Saham bank jatuh")
    assert act(newsroom["news_editor"], story, "reject", comment="Tambahkan sumber kedua.").status_code == 302
    story.refresh_from_db()
    state = WorkflowState.objects.for_instance(story).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES and not story.live
    history = reverse("wagtailadmin_pages:workflow_history_detail", args=(story.pk, state.pk))
    assert "Tambahkan sumber kedua." in newsroom["reporter"].get(history).content.decode()
    permissions = story.permissions_for_user(newsroom["reporter"].user)
    assert permissions.can_edit() and not permissions.page_locked()
