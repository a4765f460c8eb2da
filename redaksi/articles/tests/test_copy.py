"""Copying a story in the admin: the copy is a new draft with no source identifier, the original keeps its own."""

import pytest
from django.urls import reverse

from redaksi.articles.models import ArticlePage

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redaktur", "redaktur@example.com", "pw"))
    return client


def copy_story(client, story, slug):
    return client.post(
        reverse("wagtailadmin_pages:copy", args=(story.pk,)),
        {"new_title": f"Salinan {story.title}", "new_slug": slug, "new_parent_page": story.get_parent().pk},
    )


def test_copying_a_wire_story_gives_the_copy_no_guid(editor_client, news):
    story = ArticlePageFactory(section=news, wire=True, guid="urn:newsml:reuters.com:20260101:abc")
    response = copy_story(editor_client, story, "salinan-berita")
    assert response.status_code == 302
    copy = ArticlePage.objects.get(slug="salinan-berita")
    assert copy.pk != story.pk and copy.guid is None and not copy.live
    assert copy.section_id == news.pk and copy.wire_source == "Reuters"
    assert copy.get_latest_revision_as_object().guid is None  # the editor opens the copy without it, too
    story.refresh_from_db()
    assert story.guid == "urn:newsml:reuters.com:20260101:abc"


def test_a_story_can_be_copied_twice(editor_client, news):
    story = ArticlePageFactory(section=news, guid="wxr:42")
    assert copy_story(editor_client, story, "salinan-satu").status_code == 302
    assert copy_story(editor_client, story, "salinan-dua").status_code == 302
    assert list(ArticlePage.objects.filter(slug__startswith="salinan").values_list("guid", flat=True)) == [None, None]
