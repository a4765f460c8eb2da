"""No lost edits when requests overlap: an autosave still in flight when the editor clicks Save.

Two real requests in two threads, each with its own database connection, as the web server runs them. The
autosave is held between Wagtail's "is this the newest version?" check and its save; the Save arrives then.
Without a lock on the story the Save lands first and the held autosave then overwrites it with older typing.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from redaksi.articles.forms import ArticlePageForm

from .editing import edit_url, newsroom_account, open_editor, published_story, story_form

pytestmark = pytest.mark.django_db(transaction=True)

SAVE_GRACE = 2.0  # seconds the Save may take while the autosave is held: it finishes unless it waits for the lock


def in_thread(target):
    """Run `target` in a thread that closes its own database connection; return the thread and its results."""
    results = []

    def run():
        try:
            results.append(target())
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, results


def test_an_autosave_held_in_flight_never_lands_over_the_save_after_it(home, monkeypatch):
    ani = newsroom_account("ani")
    story = published_story(ani, title="Harga beras naik")
    browser = Client()
    browser.force_login(ani)
    loaded = open_editor(browser, story)
    first = browser.post(
        edit_url(story), story_form(story, loaded, text="Ketik"), headers={"Accept": "application/json"}
    )
    autosave_revision = first.json()["revision_id"]

    held, release = threading.Event(), threading.Event()
    clean = ArticlePageForm.clean

    def clean_held_for_the_autosave(form):
        if form.data.get("overwrite_revision_id"):
            held.set()
            release.wait(timeout=30)
        return clean(form)

    monkeypatch.setattr(ArticlePageForm, "clean", clean_held_for_the_autosave)
    typing = story_form(story, loaded, text="Ketikan Ani", overwrite_revision_id=autosave_revision)
    autosave, autosave_result = in_thread(
        lambda: browser.post(edit_url(story), typing, headers={"Accept": "application/json"}).status_code
    )
    assert held.wait(timeout=30)

    finished = story_form(story, loaded, text="Ketikan Ani selesai")
    save, save_result = in_thread(lambda: browser.post(edit_url(story), finished).status_code)
    save.join(timeout=SAVE_GRACE)
    release.set()
    autosave.join(timeout=30)
    save.join(timeout=30)

    assert (autosave_result, save_result) == ([200], [302])
    story.refresh_from_db()
    newest = story.revisions.order_by("-created_at").first()
    assert story.latest_revision_id == newest.pk
    assert "Ketikan Ani selesai" in str(newest.content["body"])
