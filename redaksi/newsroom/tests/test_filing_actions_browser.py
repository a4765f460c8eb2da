"""Filing a story, counted: every click, fill, key press and file choice a person makes in the admin is one action.

A reporter files a story with a new photo (uploaded from the editor, with its credit), two tags, herself as author
and a "Baca Juga" link to an earlier story, and sends it for review; the desk editor opens it from the review queue,
schedules it and approves it. Both sign in first; signing in (3 actions each) is not counted, as it is not counted
for WordPress either. Navigation by address (`goto`) is used only to open the admin after signing in.
"""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from redaksi.articles.models import ArticlePage
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role, create_newsroom_user
from redaksi.sections.models import Tag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-redaksi"  # noqa: S105 (test accounts)
HEADLINE = "Harga cabai rawit naik jelang Natal"
PARAGRAPH = "Harga cabai rawit di Pasar Induk Kramat Jati naik dua kali lipat dalam sepekan."
EARLIER_STORY = "Pasokan cabai dari Jawa Tengah tersendat"
PHOTO_CREDIT = "Redaksi/Rina Kusuma"
PHOTO_ALT = "Pedagang menimbang cabai rawit di pasar"
TAGS = ["Cabai", "Inflasi"]
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
# The ceilings, and what the product takes today (desk's "Tulis berita"; before it: 38 and 39).
CEILINGS = {"desktop": 25, "phone": 30}
TODAY = {"desktop": 33, "phone": 34}


class Actions:
    """The Playwright page with a tally: each method is one action a person takes."""

    def __init__(self, page, who):
        self.page, self.who, self.log = page, who, []

    def count(self, what):
        self.log.append(f"{self.who}: {what}")

    def click(self, locator, what):
        locator.click()
        self.count(f"click {what}")

    def fill(self, locator, text, what):
        locator.fill(text)
        self.count(f"fill {what}")

    def press(self, locator, key, what):
        locator.press(key)
        self.count(f"press {key} in {what}")

    def choose_file(self, locator, path, what):
        locator.set_input_files(path)
        self.count(f"choose file {what}")


@pytest.fixture
def desk(news):
    """The News desk's reporter and editor, an earlier story to link to, and the desk's tag vocabulary."""
    people = {}
    for username, name, role in [("rina", "Rina Kusuma", roles.WARTAWAN), ("budi", "Budi Santoso", roles.REDAKTUR)]:
        _user, people[username], _generated = create_newsroom_user(
            username, name, f"{username}@redaksi.example", password=PASSWORD
        )
        assign_role(username, role, [news.slug])
    ArticlePageFactory(section=news, title=EARLIER_STORY)
    for name in TAGS:
        Tag.objects.create(name=name, slug=name.lower())
    return people


@pytest.fixture
def photo_file(tmp_path):
    """A picture as it comes off a phone's camera roll."""
    from PIL import Image

    path = tmp_path / "IMG_2041.jpg"
    Image.new("RGB", (1600, 1200), "#b03a2e").save(path, "JPEG")
    return path


def sign_in(new_context, live_server, username, viewport):
    """A fresh browser at `viewport` where `username` has signed in (not counted); return its page."""
    page = new_context().new_page()
    page.set_viewport_size(viewport)
    # No "who else is here" pings: the test database (SQLite in memory, shared cache) fails a write at once, not
    # after a wait, when another request holds the table, and these fire on timers and on leaving a page.
    page.route(re.compile(r"/admin/editing-sessions/"), lambda route: route.abort())
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    return page


def open_new_story(act, section):
    """One click from the dashboard: the desk's "Tulis berita" button lands in the editor, in this month's folder."""
    page = act.page
    act.click(page.get_by_role("link", name=f"Tulis berita di {section.title}"), "Tulis berita")
    folder = section.archive_month(timezone.now())
    expect(page).to_have_url(re.compile(f"/admin/pages/add/articles/articlepage/{folder.pk}/"))


def write_story(act, photo_file, shots, label):
    page = act.page
    act.fill(page.locator("#id_title"), HEADLINE, "headline")
    act.fill(page.locator("#id_dateline_city"), "Jakarta", "dateline city")
    upload_photo(act, photo_file)
    act.click(page.locator("#body-root .c-sf-add-button").first, "body +")
    act.click(page.get_by_role("option", name="paragraf"), "paragraf")
    act.fill(page.locator("#body-root [contenteditable=true]").first, PARAGRAPH, "the paragraph")
    expect(page.locator('input[name="body-0-value"]')).to_have_value(re.compile(re.escape(PARAGRAPH)))
    add_read_also(act)
    add_author(act, "Rina Kusuma")
    add_tags(act)
    page.screenshot(path=shots / f"newsroom-filing-{label}-editor.png")


def upload_photo(act, photo_file):
    """Upload a new photo with its credit from the hero image chooser's upload tab."""
    page = act.page
    act.click(page.locator("#id_hero_image-chooser [data-chooser-action-choose]"), "choose hero image")
    modal = page.locator(".modal-content")
    act.click(modal.get_by_role("tab", name=re.compile("Unggah|Upload")), "upload tab")
    act.choose_file(modal.locator("input[type=file]"), photo_file, "photo from camera roll")
    act.fill(modal.locator("[name='image-chooser-upload-description']"), PHOTO_ALT, "alt text")
    act.fill(modal.locator("[name='image-chooser-upload-credit']"), PHOTO_CREDIT, "photo credit")
    act.click(modal.locator("form button[type=submit], form input[type=submit]").first, "upload")
    expect(page.locator(".modal")).to_be_hidden()
    expect(page.locator("#id_hero_image-chooser .chooser__title")).to_have_text("IMG_2041")


def add_read_also(act):
    page = act.page
    act.click(page.locator("#body-root .c-sf-add-button").last, "body + (after the paragraph)")
    act.click(page.get_by_role("option", name=re.compile("Baca Juga")), "Baca Juga")
    act.click(page.locator("#body-root [data-chooser-action-choose]").last, "choose story")
    modal = page.locator(".modal-content")
    earlier = modal.get_by_role("link", name=EARLIER_STORY)
    expect(modal.locator("input[name=q]")).to_be_visible()  # the chooser has loaded
    if not earlier.is_visible():  # the chooser opened elsewhere than among the desk's stories: search for it
        act.fill(modal.locator("input[name=q]"), "cabai", "search the earlier story")
    act.click(earlier, EARLIER_STORY)
    expect(page.locator(".modal")).to_be_hidden()


def add_author(act, name):
    page = act.page
    act.click(page.locator("#id_authors-ADD"), "Tambah penulis")
    act.click(page.locator("#id_authors-0-person-chooser [data-chooser-action-choose]"), "choose author")
    act.click(page.locator(".modal-content").get_by_role("link", name=name), name)
    expect(page.locator("#id_authors-0-person-title")).to_have_text(name)
    expect(page.locator(".modal")).to_be_hidden()


def add_tags(act):
    page = act.page
    field = page.locator("#id_tags").locator("xpath=..").locator("input:visible").first
    for name in TAGS:
        act.fill(field, name[:3], f"tag {name}")
        act.click(page.locator(".ui-autocomplete:visible li").filter(has_text=name), f"suggested tag {name}")


def submit_for_review(act):
    page = act.page
    settle(page)
    act.click(page.locator('nav.actions--primary [data-w-dropdown-target="toggle"]'), "more actions")
    act.click(page.locator('button[name="action-submit"]'), "Pengajuan ke Review")
    expect(page.locator(".messages")).to_contain_text("dikirim untuk")


def settle(page):
    """Let the editor's autosave finish, as it has by the time a person reaches for the menu.

    The test database is SQLite in memory with shared cache, whose table locks wait for nobody: an autosave
    still writing when the form is submitted would fail the submission.
    """
    page.wait_for_load_state("networkidle")
    expect(page.locator(".w-autosave-indicator__state--saving")).to_be_hidden()
    page.wait_for_load_state("networkidle")


def covered(locator):
    """Whether something else lies over the middle of the element, so a tap there would not reach it."""
    locator.scroll_into_view_if_needed()
    return locator.evaluate(
        """element => {
            const box = element.getBoundingClientRect();
            const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return !element.contains(top);
        }"""
    )


def schedule_and_approve(act, go_live_at):
    page = act.page
    act.click(page.locator("#awaiting-review-section").get_by_role("link", name=HEADLINE), "the story in the queue")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    act.click(page.locator('[data-side-panel-toggle="status"]'), "status panel")
    status = page.locator('[data-side-panel="status"]')
    act.click(status.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]'), "Atur jadwal")
    dialog = page.locator("#schedule-publishing-dialog")
    act.fill(dialog.locator("#id_go_live_at"), go_live_at.strftime(settings.WAGTAIL_DATETIME_FORMAT), "go-live time")
    save = dialog.locator("button.action-save")
    if covered(save):  # the date picker stays open over the Save button: a person clicks beside it first
        act.click(dialog.locator(".w-dialog__title"), "beside the date picker, to close it")
    act.click(save, "save schedule")
    saved = page.locator(".messages").filter(has_text=go_live_at.strftime("%H:%M"))
    try:
        expect(saved).to_be_visible(timeout=3000)
    except AssertionError:  # the picker closed under the press, the button moved up, the press missed it
        act.click(save, "save schedule again")
        expect(saved).to_be_visible()
    more = page.locator('nav.actions--primary [data-w-dropdown-target="toggle"]')
    if covered(more):  # the status panel stays open over the footer
        act.click(page.locator('[data-side-panel-toggle="status"]'), "status panel, to close it")
    act.click(more, "more actions")
    approve = 'nav.actions--primary button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    act.click(page.locator(approve), page.locator(approve).inner_text().strip())
    expect(page.locator(".messages")).to_contain_text(HEADLINE)


SCHEDULE_SAVE_AT_1366 = pytest.mark.xfail(
    reason="at 1366x768 'Simpan jadwal' saved nothing after the picker closed (schedule.js/css)", strict=False
)


@pytest.mark.parametrize(
    "label,viewport", [pytest.param("desktop", DESKTOP, marks=SCHEDULE_SAVE_AT_1366), ("phone", PHONE)]
)
def test_filing_a_story_takes_few_actions(
    label, viewport, live_server, news, desk, photo_file, new_context, screenshots
):
    reporter = Actions(sign_in(new_context, live_server, "rina", viewport), "reporter")
    open_new_story(reporter, news)
    write_story(reporter, photo_file, screenshots, label)
    submit_for_review(reporter)

    go_live_at = timezone.localtime().replace(second=0, microsecond=0) + timedelta(hours=1)
    editor = Actions(sign_in(new_context, live_server, "budi", viewport), "editor")
    schedule_and_approve(editor, go_live_at)

    story = ArticlePage.objects.get(title=HEADLINE)
    assert story.scheduled_revision.approved_go_live_at == go_live_at
    filed = story.scheduled_revision.as_object()
    assert filed.hero_image.credit == PHOTO_CREDIT
    assert sorted(tag.name for tag in filed.tags.all()) == TAGS
    assert [author.person.name for author in filed.authors.all()] == ["Rina Kusuma"]
    assert [block.block_type for block in filed.body] == ["paragraph", "related_story"]

    log = reporter.log + editor.log
    (screenshots / f"newsroom-filing-{label}-actions.txt").write_text("\n".join(log) + "\n")
    assert len(log) <= TODAY[label], "\n".join(log)  # no step back
    if len(log) > CEILINGS[label]:
        pytest.xfail(f"{len(log)} actions, the ceiling is {CEILINGS[label]}: docs/newsroom.md lists what is missing")
