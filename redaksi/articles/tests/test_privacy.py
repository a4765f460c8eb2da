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


def test_private_story_is_left_out_of_every_list_and_feed(client, story):
    assert client.get(reverse("api_story", args=[story.pk])).status_code == 200
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")
    story.refresh_from_db()
    assert story.private
    for address in (story.section.url, "/rss/", reverse("api_stories"), "/sitemap-news.xml", "/cari/?q=laporan"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert story.title.encode() not in response.content, address
    assert client.get(story.url).status_code == 200
    assert client.get(reverse("api_story", args=[story.pk])).status_code == 404


def test_lifting_the_privacy_setting_lists_the_story_again(story):
    restriction = PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    restriction.delete()
    story.refresh_from_db()
    assert not story.private


def test_a_private_section_makes_its_new_and_existing_stories_private(story):
    PageViewRestriction.objects.create(page=story.section, restriction_type=PageViewRestriction.LOGIN)
    later = ArticlePageFactory(parent=story.get_parent(), title="Berita Berikutnya")
    story.refresh_from_db()
    assert story.private and later.private
