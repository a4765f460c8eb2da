"""Wagtail's revisions on stories: history, compare, restore an older version; preview at phone size."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from redaksi.articles.models import PHONE_WIDTH, ArticlePage

from .editing import edit_url, loaded_fields, newsroom_account, open_editor, published_story, story_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def ani(home):
    return newsroom_account("ani")


@pytest.fixture
def desk(client, ani):
    client.force_login(ani)
    return client


@pytest.fixture
def story(ani):
    return published_story(ani, title="Inflasi melandai")


def publish(desk, story, text):
    data = story_form(story, open_editor(desk, story), text=text, **{"action-publish": "publish"})
    assert desk.post(edit_url(story), data).status_code == 302
    return story.revisions.latest("created_at")


def test_history_lists_every_version_with_its_editor(desk, story):
    publish(desk, story, "Inflasi Mei 2,8 persen.")
    response = desk.get(reverse("wagtailadmin_pages:history", args=(story.pk,)))
    assert response.status_code == 200
    assert response.content.decode().count("Ani") >= 2
    assert desk.get(reverse("wagtailadmin_pages:revisions_index", args=(story.pk,))).status_code == 302


def test_compare_shows_what_changed_between_two_versions(desk, story):
    first = story.revisions.earliest("created_at")
    second = publish(desk, story, "Inflasi Mei 2,8 persen.")
    url = reverse("wagtailadmin_pages:revisions_compare", args=(story.pk, first.pk, second.pk))
    response = desk.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Paragraf pertama berita." in page and "Inflasi Mei 2,8 persen." in page


def test_restoring_an_older_version_makes_its_text_current(desk, story):
    first = story.revisions.earliest("created_at")
    publish(desk, story, "Inflasi Mei 2,8 persen.")
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(story.pk, first.pk))
    opened = desk.get(revert_url)
    assert "Paragraf pertama berita." in opened.content.decode()

    data = story_form(story, loaded_fields(opened), text="Paragraf pertama berita.", **{"action-publish": "1"})
    assert desk.post(revert_url, data).status_code == 302

    story = ArticlePage.objects.get(pk=story.pk)
    assert "Paragraf pertama berita." in str(story.body.raw_data)
    assert "Inflasi Mei" not in str(story.body.raw_data)
    assert PageLogEntry.objects.filter(page=story, action="wagtail.revert").exists()


def test_preview_opens_at_phone_size(desk, story):
    response = desk.get(edit_url(story))
    sizes = BeautifulSoup(response.content, "html.parser").select("input[name='preview-size']")
    checked = [size for size in sizes if size.has_attr("checked")]
    assert [size["data-device-width"] for size in checked] == [str(PHONE_WIDTH)]
    assert [size["data-device-width"] for size in sizes] == [str(PHONE_WIDTH), "768", "1280"]


def test_preview_shows_the_unsaved_draft_not_the_live_story(desk, story):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(story.pk,))
    data = story_form(story, open_editor(desk, story), text="Draf yang belum dimuat.")
    assert desk.post(preview_url, data).json()["is_valid"] is True
    assert "Draf yang belum dimuat." in desk.get(preview_url).content.decode()
    assert "Draf yang belum dimuat." not in Client().get(story.url).content.decode()
