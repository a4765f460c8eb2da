"""The editor's main button is the person's next step: send to review for a reporter, approve for a reviewer."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from redaksi.newsroom import roles

from .test_review_workflow import login, submit_story

pytestmark = pytest.mark.django_db


def main_button(client, story):
    """The footer's first button: the one pressed without opening the "more actions" menu."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content
    footer = BeautifulSoup(html, "html.parser").select_one("nav.actions--primary")
    button = footer.find("button")
    return button.get("name") or button.get("data-workflow-action-name")


def test_a_reporter_sends_to_review_and_a_reviewer_approves_with_the_main_button(staff, news):
    reporter, editor = login(staff(roles.WARTAWAN, "rina")), login(staff(roles.REDAKTUR, "budi"))
    story = submit_story(reporter, news, "Harga cabai rawit naik", **{"action-submit": ""})

    assert main_button(reporter, story) == "action-submit"
    submitted = submit_story(reporter, news, "Harga bawang turun")
    assert main_button(editor, submitted) == "approve"


def test_an_editor_outside_review_keeps_save_as_the_main_button(staff, news):
    editor = login(staff(roles.REDAKTUR, "budi"))
    story = submit_story(editor, news, "Harga beras stabil", **{"action-submit": ""})

    assert main_button(editor, story) is None  # Wagtail's "Simpan konsep": no name, it is the form's own submit
