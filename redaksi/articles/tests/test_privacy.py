"""A story's privacy setting (Wagtail's password or login restriction) holds at its /read<ID> address."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(home):
    return ArticlePageFactory(title="Laporan Khusus Untuk Pelanggan")


def test_password_story_asks_for_the_password_and_keeps_the_text_back(client, story):
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")
    response = client.get(story.url)
    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert story.standfirst.encode() not in response.content


def test_the_right_password_opens_the_story(client, story):
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    action = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, story.pk])
    client.post(action, {"password": "rahasia", "return_url": story.url})
    response = client.get(story.url)
    assert response.status_code == 200
    assert story.title.encode() in response.content
    assert b'name="password"' not in response.content


def test_login_restricted_story_sends_readers_to_log_in(client, story):
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(story.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
