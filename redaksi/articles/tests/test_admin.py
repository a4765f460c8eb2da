"""The newsroom admin works on stories: add from a section files into the month folder; edit opens."""

import pytest
from django.urls import reverse
from django.utils import timezone

from redaksi.sections.models import ArchiveMonthPage
from redaksi.sections.tests.factories import SectionPageFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktur", "redaktur@example.com", "pw")
    client.force_login(user)
    return client


def test_add_story_on_a_section_opens_the_editor_in_this_months_folder(editor_client, home):
    news = SectionPageFactory(title="News")
    response = editor_client.get(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", news.pk)))
    folder = ArchiveMonthPage.objects.child_of(news).get()
    assert folder.slug == timezone.localtime().strftime("%Y-%m")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    assert editor_client.get(response["Location"]).status_code == 200


def test_story_edit_view_opens(editor_client, home):
    story = ArticlePageFactory(with_image=True)
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert response.status_code == 200
    assert story.title in response.content.decode()


def test_admin_explorer_lists_a_month_folder(editor_client, home):
    story = ArticlePageFactory()
    response = editor_client.get(reverse("wagtailadmin_explore", args=(story.get_parent().pk,)))
    assert response.status_code == 200
    assert story.title in response.content.decode()
