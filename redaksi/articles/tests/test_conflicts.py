"""No lost edits: two editors on one story, autosave, and Wagtail's edit lock."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

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


def refused_save(story, ani, budi, **budi_fields):
    """Ani and Budi open the story, Ani saves, then Budi's save (or publish) is refused; return both browsers."""
    ani_browser, budi_browser = client_for(ani), client_for(budi)
    ani_loaded, budi_loaded = open_editor(ani_browser, story), open_editor(budi_browser, story)
    assert ani_browser.post(edit_url(story), story_form(story, ani_loaded, text="Versi Ani")).status_code == 302
    refused = budi_browser.post(edit_url(story), story_form(story, budi_loaded, text="Versi Budi", **budi_fields))
    assert refused.status_code == 200
    return ani_browser, budi_browser, budi_loaded, refused


def autosave(browser, story, form):
    return browser.post(edit_url(story), form, headers={"Accept": "application/json"})


def test_the_refused_form_stays_based_on_the_version_it_was_loaded_from(story, ani, budi):
    _ani_browser, _budi_browser, budi_loaded, refused = refused_save(story, ani, budi)
    page = refused.content.decode()

    assert "Versi Budi" in page  # the refused editor keeps the text
    assert loaded_fields(refused)["loaded_revision_created_at"] == budi_loaded["loaded_revision_created_at"]
    assert 'data-controller="w-init w-unsaved "' in page  # no w-autosave on the refused page
    ani_version = story.revisions.latest("created_at")
    assert f'name="replace_newer_revision" value="{ani_version.pk}"' in page
    assert "Ani menyimpan versi yang lebih baru saat Anda menyunting" in page


def test_an_autosave_of_the_refused_form_saves_nothing(story, ani, budi):
    _ani_browser, budi_browser, _budi_loaded, refused = refused_save(story, ani, budi)

    response = autosave(budi_browser, story, story_form(story, loaded_fields(refused), text="Versi Budi"))

    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert not any("Versi Budi" in body for body in bodies(story))


@pytest.mark.parametrize("action", [{}, {"action-publish": "publish"}])
def test_saving_or_publishing_the_refused_form_again_is_refused_again(story, ani, budi, action):
    _ani_browser, budi_browser, _budi_loaded, refused = refused_save(story, ani, budi, **action)

    again = budi_browser.post(edit_url(story), story_form(story, loaded_fields(refused), text="Versi Budi", **action))

    assert again.status_code == 200
    assert again.context["form"].non_field_errors().as_data()[0].code == "stale"
    story.refresh_from_db()
    assert "Versi Ani" in bodies(story)[-1]
    assert "Versi Budi" not in str(story.body.raw_data)


def test_the_replace_button_overwrites_the_newer_version_it_names(story, ani, budi):
    _ani_browser, budi_browser, _budi_loaded, refused = refused_save(story, ani, budi)
    ani_version = story.revisions.latest("created_at")

    replace = {"replace_newer_revision": str(ani_version.pk)}
    budi_form = story_form(story, loaded_fields(refused), text="Versi Budi", **replace)
    response = budi_browser.post(edit_url(story), budi_form)

    assert response.status_code == 302
    assert "Versi Budi" in bodies(story)[-1]
    assert any("Versi Ani" in body for body in bodies(story))  # still in History, to compare or restore


def test_replacing_a_version_that_is_no_longer_the_newest_is_refused(story, ani, budi):
    ani_browser, budi_browser, _budi_loaded, refused = refused_save(story, ani, budi)
    ani_version = story.revisions.latest("created_at")
    ani_browser.post(edit_url(story), story_form(story, open_editor(ani_browser, story), text="Versi Ani kedua"))

    replace = {"replace_newer_revision": str(ani_version.pk)}
    budi_form = story_form(story, loaded_fields(refused), text="Versi Budi", **replace)
    response = budi_browser.post(edit_url(story), budi_form)

    assert response.status_code == 200
    assert "Versi Ani kedua" in bodies(story)[-1]
    assert not any("Versi Budi" in body for body in bodies(story))


def test_after_a_refusal_and_its_autosave_the_first_editors_publish_keeps_their_text(story, ani, budi):
    ani_browser, budi_browser, _budi_loaded, refused = refused_save(story, ani, budi)
    autosave(budi_browser, story, story_form(story, loaded_fields(refused), text="Versi Budi", title="Judul Budi"))

    fix = story_form(story, open_editor(ani_browser, story), text="Versi Ani", dateline_city="Jenewa")
    assert ani_browser.post(edit_url(story), {**fix, "action-publish": "publish"}).status_code == 302

    story.refresh_from_db()
    assert "Versi Ani" in str(story.body.raw_data)
    assert (story.title, story.dateline_city) == ("Harga beras naik", "Jenewa")


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


@pytest.mark.parametrize(
    "english",
    [
        "Saved",
        "%(user_name)s saved a new version",
        "Proceeding will overwrite the changes made by %(user_name)s.",
        "Alternatively, you can view the latest version in a new tab.",
        "View latest version",
        "Currently viewing",
        "Saving will overwrite a newer version.",
    ],
)
def test_wagtails_autosave_and_conflict_texts_are_indonesian(english):
    """The texts of Wagtail's save-confirmation dialog and autosave indicator, which its own catalog lacks."""
    with translation.override("id"):
        assert translation.gettext(english) != english
