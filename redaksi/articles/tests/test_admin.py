"""The newsroom admin works on stories: add from a section files into the month folder; edit opens."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from redaksi.articles.models import ArticlePage
from redaksi.people.tests.factories import PersonFactory
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


def test_editor_writes_and_publishes_a_story_through_the_admin_form(editor_client, home):
    news = SectionPageFactory(title="News")
    folder = news.archive_month(timezone.now())
    author = PersonFactory(name="Rina Wartawan")
    data = nested_form_data(
        {
            "title": "Harga cabai naik jelang Lebaran",
            "slug": "harga-cabai-naik-jelang-lebaran",
            "dateline_city": "Jakarta",
            "standfirst": "Pedagang mengeluhkan pasokan.",
            "body": streamfield([("paragraph", rich_text("<p>Harga cabai rawit naik dua kali lipat.</p>"))]),
            "authors": inline_formset([{"person": author.pk}]),
            "corrections": inline_formset([]),
            "tags": "",
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", folder.pk))
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    story = ArticlePage.objects.get(slug="harga-cabai-naik-jelang-lebaran")
    assert story.live and story.section == news and story.get_parent().pk == folder.pk
    assert [a.person for a in story.authors.all()] == [author]
    assert editor_client.get(story.url).status_code == 200
