"""No lost edits: two editors on one story, autosave, and Wagtail's edit lock."""

import pytest
from django.test import Client
from django.urls import reverse

from .editing import edit_url, loaded_fields, newsroom_account, open_editor, published_story, story_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def ani(home):
    return newsroom_account("ani")


@pytest.fixture
def budi(home):
    return newsroom_account("budi")


@pytest.fixture
def story(ani):
    return published_story(ani, title="Harga beras naik")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def bodies(story):
    """The body of every saved revision of the story, oldest first."""
    return [str(revision.content["body"]) for revision in story.revisions.order_by("created_at")]


def test_the_second_of_two_editors_is_refused_and_nothing_is_overwritten(story, ani, budi):
    ani_browser, budi_browser = client_for(ani), client_for(budi)
    ani_loaded, budi_loaded = open_editor(ani_browser, story), open_editor(budi_browser, story)
    assert ani_loaded == budi_loaded and ani_loaded["loaded_revision_id"] == str(story.latest_revision_id)

    assert ani_browser.post(edit_url(story), story_form(story, ani_loaded, text="Versi Ani")).status_code == 302
    response = budi_browser.post(edit_url(story), story_form(story, budi_loaded, text="Versi Budi"))

    assert response.status_code == 200
    [error] = response.context["form"].non_field_errors().as_data()
    notice = error.messages[0]
    assert error.code == "stale"
    assert notice.startswith("Ani menyimpan versi yang lebih baru dari berita ini pada ")  # the admin's language
    assert "Tidak ada yang disimpan atau ditimpa" in notice
    assert notice in response.content.decode()  # the message banner above the form
    assert "Versi Ani" in bodies(story)[-1]
    assert not any("Versi Budi" in body for body in bodies(story))


def test_the_refused_editor_keeps_the_text_and_saving_again_replaces_the_newer_version(story, ani, budi):
    ani_browser, budi_browser = client_for(ani), client_for(budi)
    ani_loaded, budi_loaded = open_editor(ani_browser, story), open_editor(budi_browser, story)
    ani_browser.post(edit_url(story), story_form(story, ani_loaded, text="Versi Ani"))
    refused = budi_browser.post(edit_url(story), story_form(story, budi_loaded, text="Versi Budi"))
    assert "Versi Budi" in refused.content.decode()

    reloaded = loaded_fields(refused)
    assert reloaded["loaded_revision_id"] == str(story.revisions.latest("created_at").pk)
    assert budi_browser.post(edit_url(story), story_form(story, reloaded, text="Versi Budi")).status_code == 302

    assert "Versi Budi" in bodies(story)[-1]
    assert any("Versi Ani" in body for body in bodies(story))  # still in History, to compare or restore


def test_a_stale_publish_is_refused_and_the_live_story_is_unchanged(story, ani, budi):
    ani_browser, budi_browser = client_for(ani), client_for(budi)
    ani_loaded, budi_loaded = open_editor(ani_browser, story), open_editor(budi_browser, story)
    ani_browser.post(edit_url(story), story_form(story, ani_loaded, text="Versi Ani"))
    response = budi_browser.post(
        edit_url(story), story_form(story, budi_loaded, text="Versi Budi", **{"action-publish": "publish"})
    )
    assert response.status_code == 200
    story.refresh_from_db()
    assert "Versi Budi" not in str(story.body.raw_data)


def test_saving_after_ones_own_autosave_is_not_a_conflict(story, ani):
    browser = client_for(ani)
    loaded = open_editor(browser, story)
    autosave = browser.post(
        edit_url(story), story_form(story, loaded, text="Ketikan Ani"), headers={"Accept": "application/json"}
    )
    assert autosave.json()["success"] is True
    assert browser.post(edit_url(story), story_form(story, loaded, text="Ketikan Ani selesai")).status_code == 302
    assert "Ketikan Ani selesai" in bodies(story)[-1]


def test_wagtail_refuses_an_autosave_over_a_newer_version(story, ani, budi):
    ani_browser, budi_browser = client_for(ani), client_for(budi)
    ani_loaded, budi_loaded = open_editor(ani_browser, story), open_editor(budi_browser, story)
    ani_browser.post(edit_url(story), story_form(story, ani_loaded, text="Versi Ani"))
    autosave = budi_browser.post(
        edit_url(story), story_form(story, budi_loaded, text="Versi Budi"), headers={"Accept": "application/json"}
    )
    assert autosave.status_code == 400
    assert autosave.json()["error_code"] == "invalid_revision"
    assert not any("Versi Budi" in body for body in bodies(story))


def test_a_story_locked_by_one_editor_cannot_be_saved_by_another(story, ani, budi):
    ani_browser, budi_browser = client_for(ani), client_for(budi)
    assert ani_browser.post(reverse("wagtailadmin_pages:lock", args=(story.pk,))).status_code == 302
    budi_loaded = open_editor(budi_browser, story)

    response = budi_browser.post(edit_url(story), story_form(story, budi_loaded, text="Versi Budi"))

    assert response.status_code == 200
    assert response.context["page_locked"] is True
    assert not any("Versi Budi" in body for body in bodies(story))
    ani_loaded = open_editor(ani_browser, story)
    assert ani_browser.post(edit_url(story), story_form(story, ani_loaded, text="Versi Ani")).status_code == 302
