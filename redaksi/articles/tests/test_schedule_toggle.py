"""Only those who may publish a story are offered "Atur jadwal" in its editor."""

import pytest
from django.test import Client
from django.urls import reverse

from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role, create_newsroom_user

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

SCHEDULE_TOGGLE = 'data-a11y-dialog-show="schedule-publishing-dialog"'


def browser_of(username, role, section):
    user, _person, _password = create_newsroom_user(username, username.title(), f"{username}@redaksi.example")
    assign_role(username, role, [section.slug])
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(("role", "offered"), [(roles.WARTAWAN, False), (roles.REDAKTUR, True)])
def test_the_schedule_dialog_is_offered_only_to_those_who_may_publish(news, role, offered):
    story = ArticlePageFactory(section=news, draft=True)
    story.save_revision()
    browser = browser_of("pengguna", role, news)

    editing = browser.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode()
    adding = browser.get(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", story.get_parent().pk)))

    assert (SCHEDULE_TOGGLE in editing) is offered
    assert (SCHEDULE_TOGGLE in adding.content.decode()) is offered
