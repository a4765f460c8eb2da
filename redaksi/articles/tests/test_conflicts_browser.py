"""No lost edits with autosave on: two desk editors in two Chromium browsers on one story.

Budi's save (or publish) of a form opened before Ani's change is refused; seconds of autosave later, nothing
of Budi's form is in any revision; Ani's later small fix, published from a fresh editor, keeps her paragraph
live and Budi's headline out of it. Only Budi's explicit "Ganti dengan versi saya", naming the newest version,
replaces it.
"""

import re

import pytest
from playwright.sync_api import expect

from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role, create_newsroom_user

from .factories import ArticlePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-redaksi"  # noqa: S105 (test accounts)
HEADLINE = "Harga beras naik"
ANI_PARAGRAPH = "Paragraf tambahan dari Ani."
BUDI_HEADLINE = "Judul versi Budi"
AUTOSAVE_GRACE_MS = 6000  # the tester saw autosave post the refused form 1.5-5 s after the refusal


@pytest.fixture
def story(news):
    for username, name in [("ani", "Ani Lestari"), ("budi", "Budi Santoso")]:
        create_newsroom_user(username, name, f"{username}@redaksi.example", password=PASSWORD)
        assign_role(username, roles.REDAKTUR, [news.slug])
    story = ArticlePageFactory(section=news, title=HEADLINE)
    story.save_revision().publish()
    return story


def editor_of(new_context, live_server, username, story):
    page = new_context().new_page()
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/admin/login/?next=/admin/pages/{story.pk}/edit/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    return page


def add_paragraph(page, text):
    """Type a new paragraph at the end of the body's first paragraph block (Draftail)."""
    page.locator("#body-root [contenteditable=true]").first.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(text)
    expect(page.locator('input[name="body-0-value"]')).to_have_value(re.compile(re.escape(text)))


def submit(page, action):
    """Click Save, or Publish in the actions menu; confirm Wagtail's "newer version" dialog if it asks."""
    if action == "publish":
        page.locator('nav.actions--primary [data-w-dropdown-target="toggle"]').click()
        page.locator('button[name="action-publish"]').click()
    else:
        page.locator('nav.actions--primary button[type="submit"]').first.click()
    dialog = page.locator("#w-save-confirmation-dialog")
    try:
        dialog.locator("[data-w-dialog-target=confirm]").click(timeout=1500)
    except Exception:  # noqa: BLE001 (no dialog: the session module had not seen the newer version yet)
        return


def revision_texts(story):
    return [(revision.content["title"], str(revision.content["body"])) for revision in story.revisions.all()]


@pytest.mark.parametrize("action", ["save", "publish"])
def test_a_stale_save_or_publish_and_its_autosave_lose_no_edit(live_server, new_context, story, action):
    ani = editor_of(new_context, live_server, "ani", story)
    budi = editor_of(new_context, live_server, "budi", story)

    add_paragraph(ani, ANI_PARAGRAPH)
    submit(ani, "save")
    expect(ani.locator(".messages")).to_contain_text("diperbarui")

    budi.locator("#id_title").fill(BUDI_HEADLINE)
    submit(budi, action)
    expect(budi.locator("#newer-version")).to_contain_text("Ani Lestari menyimpan versi yang lebih baru")
    expect(budi.locator(".messages")).to_contain_text("Tidak ada yang disimpan atau ditimpa")
    expect(budi.locator("#id_title")).to_have_value(BUDI_HEADLINE)  # the refused editor keeps the text
    budi.wait_for_timeout(AUTOSAVE_GRACE_MS)
    assert not any(BUDI_HEADLINE in title for title, _body in revision_texts(story))

    ani.reload()  # Ani's small dateline fix, published from a fresh editor
    ani.locator("#id_dateline_city").fill("Jenewa")
    submit(ani, "publish")
    expect(ani.locator(".messages")).to_contain_text(HEADLINE)
    story.refresh_from_db()
    assert (story.title, story.dateline_city) == (HEADLINE, "Jenewa")
    assert ANI_PARAGRAPH in str(story.body.raw_data)

    # Budi's button named Ani's draft; she has published since: replacing is refused again, naming the newest.
    budi.locator("#newer-version button[name=replace_newer_revision]").click()
    expect(budi.locator("#newer-version")).to_be_visible()
    newest = story.revisions.latest("created_at")
    expect(budi.locator("#newer-version button[name=replace_newer_revision]")).to_have_attribute(
        "value", str(newest.pk)
    )
    budi.locator("#newer-version button[name=replace_newer_revision]").click()
    expect(budi.locator("#newer-version")).to_have_count(0)
    expect(budi.locator(".messages")).to_contain_text("diperbarui")
    assert story.revisions.latest("created_at").content["title"] == BUDI_HEADLINE  # the explicit overwrite
    story.refresh_from_db()
    assert story.title == HEADLINE and ANI_PARAGRAPH in str(story.body.raw_data)  # live until Budi publishes
