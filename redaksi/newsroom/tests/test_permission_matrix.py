"""Every role x every action x own/other desk, from Wagtail's real checks, against the table in docs/newsroom.md."""

from dataclasses import dataclass
from itertools import dropwhile, takewhile
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from wagtail.permissions import policy_registry

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.media.tests.factories import PhotoFactory
from redaksi.newsroom import roles

from .factories import UserFactory

pytestmark = pytest.mark.django_db

DOC = Path(settings.BASE_DIR) / "docs" / "newsroom.md"
MARKS = {"✓": True, "✗": False}


def documented_matrix():
    """{role: {action: (own desk, other desk)}} from the permission matrix table of docs/newsroom.md."""
    lines = DOC.read_text().split("### Permission matrix", 1)[1].splitlines()
    table = dropwhile(lambda line: not line.startswith("|"), lines)
    rows = list(takewhile(lambda line: line.startswith("|"), table))  # the first table under the heading only
    header, *body = ([cell.strip() for cell in row.strip("|").split("|")] for row in rows)
    matrix = {role: {} for role in header[1:]}
    for action, *cells in (row for row in body if not set(row[0]) <= set("-")):
        for role, cell in zip(header[1:], cells, strict=True):
            marks = [MARKS[mark.strip()] for mark in cell.split("/")]
            matrix[role][action] = (marks[0], marks[-1])
    return matrix


@dataclass
class Desk:
    """One desk's pages to act on: its month folder, a live story, a draft, a story waiting for review."""

    section: Page
    folder: Page
    story: Page
    draft: Page
    in_review: Page


def make_desk(section):
    reporter = UserFactory()
    story = ArticlePageFactory(section=section)
    draft = ArticlePageFactory(section=section, draft=True, owner=reporter)
    in_review = ArticlePageFactory(section=section, draft=True, owner=reporter)
    in_review.save_revision(user=reporter)
    in_review.get_workflow().start(in_review, reporter)
    return Desk(section, section.archive_month(timezone.now()), story, draft, in_review)


def page_check(page_attr, check):
    def run(client, user, desk):
        page = Page.objects.get(pk=getattr(desk, page_attr).pk).specific
        return check(page.permissions_for_user(user), page, user)

    return run


def admin_get(url_for):
    def run(client, user, desk):
        return client.get(url_for(desk)).status_code == 200

    return run


def has_perms(*names):
    return lambda client, user, desk: user.has_perms(names)


def can_edit_others_photo(client, user, desk):
    photo = PhotoFactory(uploaded_by_user=UserFactory(), collection=Collection.get_first_root_node())
    return policy_registry.get_by_type(get_image_model()).user_has_permission_for_instance(user, "change", photo)


def can_review(perms, page, user):
    task = page.current_workflow_task
    return task.user_can_access_editor(page, user) and "approve" in [name for name, *_ in task.get_actions(page, user)]


ACTIONS = {
    "Create a story": admin_get(
        lambda d: reverse("wagtailadmin_pages:add", args=("articles", "articlepage", d.folder.pk))
    ),
    "Edit a story": page_check("story", lambda perms, page, user: perms.can_edit()),
    "Submit a story for review": page_check(
        "draft", lambda perms, page, user: perms.can_edit() and perms.can_submit_for_moderation()
    ),
    "Edit a story in review": page_check(
        "in_review", lambda perms, page, user: perms.can_edit() and not perms.page_locked()
    ),
    "Approve or request changes": page_check("in_review", can_review),
    "Publish a story": page_check("draft", lambda perms, page, user: perms.can_publish()),
    "Schedule or unschedule a story": page_check(
        "draft", lambda perms, page, user: perms.can_publish() and perms.can_unschedule()
    ),
    "Unpublish a story": page_check("story", lambda perms, page, user: perms.can_unpublish()),
    "Lock a story": page_check("story", lambda perms, page, user: perms.can_lock()),
    "Edit site settings and main menu": admin_get(
        lambda d: reverse("wagtailsettings:edit", args=("core", "sitesettings", Site.objects.get().pk))
    ),
    "Manage people (bylines)": has_perms("people.add_person", "people.change_person", "people.delete_person"),
    "Manage tags": has_perms("sections.add_tag", "sections.change_tag", "sections.delete_tag"),
    "Upload a photo": admin_get(lambda d: reverse("wagtailimages:add")),
    "Edit any photo in the library": can_edit_others_photo,
    "Manage videos": has_perms("media.add_video", "media.change_video", "media.delete_video"),
    "Manage users and roles": has_perms("newsroom.add_user", "newsroom.change_user", "auth.change_group"),
}
MATRIX = documented_matrix()


def test_the_documented_matrix_covers_every_role_and_action():
    assert list(MATRIX) == list(roles.ROLES)
    for role, row in MATRIX.items():
        assert list(row) == list(ACTIONS), role


@pytest.mark.parametrize("role", roles.ROLES)
def test_role_can_do_what_the_documented_matrix_says(role, staff, news, ekbis, client):
    user = staff(role)
    own, other = make_desk(news), make_desk(ekbis)
    client.force_login(user)
    actual = {action: (check(client, user, own), check(client, user, other)) for action, check in ACTIONS.items()}
    assert actual == MATRIX[role]
