"""The story's "Editor:" credit defaults to the person of the editor who approved or published it."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from redaksi.articles.models import ArticlePage
from redaksi.people.tests.factories import PersonFactory

from .editing import edit_url, newsroom_account, open_editor, story_form
from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def redaktur(home):
    return newsroom_account("sinta", person_name="Sinta Redaktur")


@pytest.fixture
def wartawan(home):
    return newsroom_account("rudi", person_name="Rudi Wartawan")


@pytest.fixture
def draft(home):
    return ArticlePageFactory(draft=True, title="Ekspor kopi naik")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def publish_in_admin(user, story):
    browser = client_for(user)
    data = story_form(story, open_editor(browser, story), **{"action-publish": "publish"})
    assert browser.post(edit_url(story), data).status_code == 302
    return ArticlePage.objects.get(pk=story.pk)


def credited_in_latest_revision(story):
    return story.get_latest_revision().as_object().editor


def test_an_editor_who_publishes_a_story_without_editor_is_credited(draft, redaktur):
    story = publish_in_admin(redaktur, draft)

    assert story.live and story.editor == redaktur.person
    assert credited_in_latest_revision(story) == redaktur.person
    assert "Sinta Redaktur" in Client().get(story.url).content.decode()


def test_the_credit_is_in_the_edit_form_so_a_later_publish_keeps_it(draft, redaktur, wartawan):
    publish_in_admin(redaktur, draft)
    response = client_for(wartawan).get(edit_url(draft))
    assert response.context["form"]["editor"].value() == redaktur.person.pk


def test_an_editor_already_chosen_is_kept(draft, redaktur):
    chosen = PersonFactory(editor=True, name="Dewi Redaktur Pelaksana")
    draft.editor = chosen
    draft.save()
    story = publish_in_admin(redaktur, draft)
    assert story.editor == chosen
    assert credited_in_latest_revision(story) == chosen


def test_a_publisher_without_a_person_leaves_the_credit_empty(draft, home):
    admin = newsroom_account("admin")
    story = publish_in_admin(admin, draft)
    assert story.live and story.editor is None


@pytest.fixture
def desk_review(draft):
    """One approval task on the story's section, as a desk's review workflow."""
    task = GroupApprovalTask.objects.create(name="Redaktur desk")
    task.groups.set([Group.objects.get_or_create(name="Moderators")[0]])
    workflow = Workflow.objects.create(name="Desk review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=draft.section, defaults={"workflow": workflow})
    return workflow


def submit(story, reporter):
    story.save_revision(user=reporter)
    return story.get_workflow().start(story, reporter).current_task_state


def test_approving_in_the_admin_credits_the_approver_not_the_reporter(draft, desk_review, redaktur, wartawan):
    task_state = submit(draft, wartawan)
    url = reverse("wagtailadmin_pages:workflow_action", args=(draft.pk, "approve", task_state.pk))
    assert client_for(redaktur).post(url, {"comment": ""}).status_code == 302

    story = ArticlePage.objects.get(pk=draft.pk)
    assert story.live and story.editor == redaktur.person
    assert credited_in_latest_revision(story) == redaktur.person


def test_an_approval_outside_the_admin_credits_the_approver(draft, desk_review, redaktur, wartawan):
    submit(draft, wartawan).approve(user=redaktur)
    story = ArticlePage.objects.get(pk=draft.pk)
    assert story.live and story.editor == redaktur.person


def test_the_scheduler_credits_the_editor_who_scheduled(draft, redaktur, wartawan):
    go_live_at = timezone.now() + datetime.timedelta(hours=2)
    draft.go_live_at = go_live_at
    draft.save_revision(user=wartawan).publish(user=redaktur)
    assert not ArticlePage.objects.get(pk=draft.pk).live

    with time_machine.travel(go_live_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled")

    story = ArticlePage.objects.get(pk=draft.pk)
    assert story.live and story.editor == redaktur.person
