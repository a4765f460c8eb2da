"""Desk editors act only in their sections: a permission on a section covers its month folders and stories."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from redaksi.sections.tests.factories import SectionPageFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_editor(django_user_model, home):
    news = SectionPageFactory(title="News")
    desk = Group.objects.create(name="Redaktur News")
    desk.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(group=desk, page=news, permission=Permission.objects.get(codename=codename))
    user = django_user_model.objects.create_user("redaktur.news", password="pw")
    user.groups.add(desk)
    return user, news


def test_desk_editor_edits_and_publishes_stories_of_their_section_only(news_editor):
    user, news = news_editor
    own = ArticlePageFactory(section=news)
    other = ArticlePageFactory(section=SectionPageFactory(title="EkBis"))
    assert own.permissions_for_user(user).can_edit() and own.permissions_for_user(user).can_publish()
    assert not other.permissions_for_user(user).can_edit()
    assert not other.permissions_for_user(user).can_publish()


def test_desk_editor_is_refused_another_desks_story_in_the_admin(client, news_editor):
    user, news = news_editor
    client.force_login(user)
    own = ArticlePageFactory(section=news)
    other = ArticlePageFactory(section=SectionPageFactory(title="EkBis"))
    assert client.get(reverse("wagtailadmin_pages:edit", args=(own.pk,))).status_code == 200
    assert (
        client.get(reverse("wagtailadmin_pages:edit", args=(other.pk,))).status_code == 302
    )  # to the dashboard, with a "no permission" message
