"""The newsroom end to end in Debian's Chromium: a reporter writes and submits, a desk editor schedules and approves,
the worker publishes, an anonymous reader finds the story on the section page.

Everything a person does goes through the browser (login form, editor, review queue, schedule dialog, workflow
buttons, reader pages). Outside it: the accounts are made with the real services, as `manage.py
create_newsroom_user` / `assign_role` make them, and the worker's pass is `run_schedule --once`.
"""

import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from redaksi.articles.models import ArticlePage
from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role, create_newsroom_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "Harga cabai rawit naik jelang Natal"
PARAGRAPH = "Harga cabai rawit di Pasar Induk Kramat Jati naik dua kali lipat dalam sepekan."
PASSWORD = "kata-sandi-uji-redaksi"  # noqa: S105 (test accounts)


@pytest.fixture
def newsroom(news):
    """The News desk (its groups and review workflow come with the section) and its reporter and desk editor."""
    assert roles.desk_group(news, roles.REDAKTUR) is not None
    people = {}
    for username, name, role in [("rina", "Rina Kusuma", roles.WARTAWAN), ("budi", "Budi Santoso", roles.REDAKTUR)]:
        _user, people[username], _generated = create_newsroom_user(
            username, name, f"{username}@redaksi.example", password=PASSWORD
        )
        assign_role(username, role, [news.slug])
    return people


def login(new_context, live_server, username):
    """A fresh browser (context) where `username` signs in through the admin's login form; return its page."""
    page = new_context().new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    return page


def write_story(page, live_server, section, author, screenshots):
    """From the dashboard, "Tulis berita" (one click), write the story (`author` is filled in), submit it."""
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("link", name=f"Tulis berita di {section.title}").click()
    folder = section.archive_month(timezone.now())
    expect(page).to_have_url(f"{live_server.url}/admin/pages/add/articles/articlepage/{folder.pk}/")

    page.locator("#id_title").press_sequentially(HEADLINE)  # typed, so the slug follows key by key
    expect(page.locator("#id_slug")).to_have_value("harga-cabai-rawit-naik-jelang-natal")  # filled from the headline

    page.locator("#body-root [contenteditable=true]").click()  # the new story's first paragraph (Draftail)
    page.keyboard.type(PARAGRAPH)
    # Draftail writes its hidden input a moment after typing: submitting before that would lose the text.
    expect(page.locator('input[name="body-0-value"]')).to_have_value(re.compile(re.escape(PARAGRAPH)))

    expect(page.locator("#id_authors-0-person-title")).to_have_text(author.name)  # the writer, filled in
    # The admin scrolls inside its own pane, so full_page sees one screen: make the phone tall for the picture.
    page.set_viewport_size({"width": 390, "height": 2000})
    page.locator("#id_title").scroll_into_view_if_needed()
    page.screenshot(path=screenshots / "newsroom-reporter-editor.png")
    page.set_viewport_size({"width": 390, "height": 844})

    submit = page.locator('nav.actions--primary button[name="action-submit"]')  # the reporter's main button
    expect(submit).to_have_text("Pengajuan ke Tinjauan · News")
    submit.click()
    expect(page.locator(".messages")).to_contain_text("dikirim untuk dimoderasi")


def approve_with_schedule(page, go_live_at, screenshots):
    """Open the story from the review queue, set its go-live time in the status panel, then approve it."""
    queue = page.locator("#awaiting-review-section")  # "Menunggu tinjauan anda"
    expect(queue.get_by_role("link", name=HEADLINE)).to_be_visible()
    queue.screenshot(path=screenshots / "newsroom-review-queue.png")
    queue.get_by_role("link", name=HEADLINE).click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))

    page.locator('[data-side-panel-toggle="status"]').click()
    status = page.locator('[data-side-panel="status"]')
    status.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').click()  # "Atur jadwal"
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("#id_go_live_at").fill(go_live_at.strftime(settings.WAGTAIL_DATETIME_FORMAT))  # as the picker writes
    dialog.locator("button.action-save").click()  # "Save schedule": saves a draft with the go-live time
    expect(page.locator(".messages")).to_contain_text("telah diperbarui")
    expect(status).to_contain_text("Ubah jadwal")  # scheduled; the panel stays open: Wagtail remembers it
    page.locator('[data-side-panel-toggle="status"]').click()  # close it: on a phone it covers the footer

    page.locator('nav.actions--primary [data-w-dropdown-target="toggle"]').click()
    approve = page.locator(
        'nav.actions--primary button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    expect(approve).to_have_text(f"Setujui & jadwalkan {go_live_at:%H:%M} WIB")  # says what approving does
    approve.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/$"))  # back in the month folder: approved
    expect(page.locator(".messages")).to_contain_text(HEADLINE)
    expect(page.locator(".messages")).to_contain_text("Dijadwalkan tayang ")  # names the time


def test_reporter_writes_editor_schedules_worker_publishes_reader_reads(
    live_server, served_site, news, newsroom, new_context, screenshots
):
    reporter = login(new_context, live_server, "rina")
    write_story(reporter, live_server, news, newsroom["rina"], screenshots)
    story = ArticlePage.objects.get(title=HEADLINE)
    assert story.current_workflow_task.name == "Tinjauan · News" and not story.live

    # The picker takes whole minutes, in WIB; five minutes ahead leaves room for a slow run to finish approving.
    go_live_at = timezone.localtime().replace(second=0, microsecond=0) + timedelta(minutes=5)
    editor = login(new_context, live_server, "budi")
    approve_with_schedule(editor, go_live_at, screenshots)
    story.refresh_from_db()
    assert not story.live and not story.workflow_in_progress
    assert story.scheduled_revision.approved_go_live_at == go_live_at

    reader = new_context(java_script_enabled=False).new_page()
    story_url = live_server.url + reverse("article", kwargs={"article_id": story.pk, "slug": story.slug})
    assert reader.goto(story_url).status == 404
    reader.goto(live_server.url + news.url)
    expect(reader.get_by_role("heading", level=1)).to_have_text(news.title)
    expect(reader.get_by_role("link", name=HEADLINE)).to_have_count(0)

    # Time passes. time_machine moves the clock of the whole process (it patches the C-level clock functions), the
    # live server's thread included, so it is on only while the worker's pass runs in this thread: the browsers are
    # idle then, and afterwards the server reads a published story with the real clock (nothing it shows depends on
    # the clock having passed go-live). Waiting for a real go-live instead would cost a minute or more, since the
    # admin's picker takes whole minutes.
    with time_machine.travel(go_live_at + timedelta(minutes=1)):
        out = StringIO()
        call_command("run_schedule", "--once", stdout=out)
    assert out.getvalue().strip() == "1 scheduled change(s) made."

    reader.goto(live_server.url + news.url)
    reader.get_by_role("link", name=HEADLINE).click()
    expect(reader).to_have_url(story_url)
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(reader.locator(".story-body")).to_contain_text(PARAGRAPH)
    expect(reader.locator(".story-foot .editor")).to_have_text(f"Editor: {newsroom['budi'].name}")
    reader.screenshot(path=screenshots / "newsroom-published-story.png", full_page=True)
