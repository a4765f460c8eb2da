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
# At most this many actions (before "Tulis berita", prefilled authors and next-step buttons: 38 and 39).
CEILINGS = {"desktop": 25, "phone": 30}


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
    # The new story opens with an empty paragraph to type into, and its writer as author.
    act.fill(page.locator("#body-root [contenteditable=true]").first, PARAGRAPH, "the paragraph")
    expect(page.locator('input[name="body-0-value"]')).to_have_value(re.compile(re.escape(PARAGRAPH)))
    add_read_also(act)
    expect(page.locator("#id_authors-0-person-title")).to_have_text("Rina Kusuma")
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


def add_tags(act):
    page = act.page
    field = page.locator("#id_tags").locator("xpath=..").locator("input:visible").first
    for name in TAGS:
        act.fill(field, name[:3], f"tag {name}")
        act.click(page.locator(".ui-autocomplete:visible li").filter(has_text=name), f"suggested tag {name}")


def submit_for_review(act):
    page = act.page
    settle(page)
    # The reporter's main button: send to review.
    act.click(page.locator('nav.actions--primary button[name="action-submit"]'), "Pengajuan ke Tinjauan")
    expect(page.locator(".messages")).to_contain_text("dikirim untuk")


def settle(page):
    """Let the editor's autosave finish, as it has by the time a person reaches for the button."""
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
    act.click(dialog.locator("button.action-save"), "save schedule")
    expect(page.locator(".messages")).to_contain_text("telah diperbarui")  # a draft with the go-live time
    # The reviewer's main button: approve, labelled with the time it schedules.
    approve = page.locator(
        'nav.actions--primary button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    if covered(approve):  # the status panel stays open over the footer
        act.click(page.locator('[data-side-panel-toggle="status"]'), "status panel, to close it")
    act.click(approve, approve.inner_text().strip())
    expect(page.locator(".messages")).to_contain_text(HEADLINE)


@pytest.mark.parametrize("label,viewport", [("desktop", DESKTOP), ("phone", PHONE)])
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
    assert len(log) <= CEILINGS[label], "\n".join(log)
