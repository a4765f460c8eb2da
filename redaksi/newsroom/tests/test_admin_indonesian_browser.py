"""Zero English in the Indonesian admin: each newsroom role walks its daily screens in Chromium, and every visible
text, aria-label, title, placeholder and alt text must read as Indonesian (`english.py` decides).

The walks open what JavaScript renders too: block pickers, choosers, side panels, the actions menu, the schedule
dialog, the workflow comment dialog, the photo upload and its duplicate dialog.
"""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from redaksi.articles.models import Correction
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.ingest.models import WireItem, WireSource
from redaksi.media.tests.factories import PhotoFactory, VideoFactory
from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role, create_newsroom_user
from redaksi.sections.tests.factories import SectionPageFactory, TagFactory

from . import english

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-redaksi"  # noqa: S105 (test accounts)
DESKTOP = {"width": 1366, "height": 900}
ACCOUNTS = {
    roles.WARTAWAN: ("rina", "Rina Kusuma"),
    roles.REDAKTUR: ("budi", "Budi Santoso"),
    roles.REDAKTUR_PELAKSANA: ("sari", "Sari Wulandari"),
    roles.FOTOGRAFER: ("andi", "Andi Pratama"),
}
# Visible text nodes, the inner text of short blocks (a sentence split by markup), accessible names and hints.
COLLECT = """() => {
  const shown = el => el.checkVisibility({visibilityProperty: true});
  const skip = el => el.closest('script, style, template, noscript, textarea, [contenteditable="true"], .w-sr-only-ok');
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const el = node.parentElement;
    if (node.nodeValue.trim() && el && !skip(el) && shown(el)) out.push(node.nodeValue);
  }
  const blocks = 'p, li, label, legend, button, a, h1, h2, h3, h4, th, td, dt, dd, summary, option, .help';
  for (const el of document.querySelectorAll(blocks)) {
    if (!skip(el) && shown(el) && el.innerText.length < 300) out.push(el.innerText);
  }
  const attrs = ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'data-w-tooltip-content-value'];
  for (const el of document.querySelectorAll(attrs.map(a => `[${a}]`).join(','))) {
    if (skip(el) || !shown(el)) continue;
    for (const a of attrs) if (el.getAttribute(a)) out.push(el.getAttribute(a));
  }
  for (const select of document.querySelectorAll('select')) {
    if (shown(select)) for (const option of select.options) out.push(option.text);
  }
  return out;
}"""


def png(colour):
    """A small PNG picture's bytes."""
    buffer = io.BytesIO()
    Image.new("RGB", (640, 360), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def newsroom_day(home):
    """One desk (Nasional) with its staff, a story in review, a published one with a correction, photo, video, wire."""
    desk = SectionPageFactory(title="Nasional", slug="nasional")
    people = {}
    for role, (username, name) in ACCOUNTS.items():
        user, person, _generated = create_newsroom_user(
            username, name, f"{username}@redaksi.example", password=PASSWORD
        )
        assign_role(username, role, [desk.slug] if role in roles.DESK_ROLES else [])
        people[role] = (user, person)
    reporter, reporter_person = people[roles.WARTAWAN]
    tag = TagFactory(name="Banjir")
    in_review = ArticlePageFactory(
        section=desk, draft=True, owner=reporter, title="Banjir rendam tiga kecamatan", authors=[reporter_person]
    )
    in_review.save_revision(user=reporter)
    in_review.get_workflow().start(in_review, reporter)
    published = ArticlePageFactory(
        section=desk, owner=reporter, title="Harga beras turun di Pasar Induk", authors=[reporter_person], tags=[tag]
    )
    published.save_revision(user=reporter).publish(user=people[roles.REDAKTUR][0])
    Correction.objects.create(article=published, noted_at=timezone.now(), text="Harga diralat.")
    PhotoFactory(title="Banjir di Kemang")
    VideoFactory(title="Banjir Jakarta dari udara")
    source = WireSource.objects.create(name="Antara", agency="Antara", format="ninjs", url="https://kawat.example/")
    WireItem.objects.create(
        source=source,
        guid="urn:antara:1",
        agency="Antara",
        headline="Gubernur tinjau tanggul Kali Ciliwung",
        language="id",
        urgency=3,
        body_html="<p>Gubernur meninjau tanggul yang jebol.</p>",
        received_at=timezone.now(),
    )
    return {"desk": desk, "in_review": in_review, "published": published}


class Walk:
    """A role's browser session that notes every English string on each screen it looks at."""

    def __init__(self, new_context, live_server, role):
        self.server, self.role, self.found = live_server.url, role, {}
        self.page = new_context().new_page()
        self.page.set_viewport_size(DESKTOP)
        self.page.set_default_timeout(10_000)
        self.page.goto(f"{self.server}/admin/login/")
        self.look("login")
        self.page.locator("#id_username").fill(ACCOUNTS[role][0])
        self.page.locator("#id_password").fill(PASSWORD)
        self.page.locator("form button[type=submit]").click()
        expect(self.page).to_have_url(f"{self.server}/admin/")

    def go(self, url, screen):
        self.page.goto(self.server + url)
        self.page.wait_for_load_state("networkidle")
        self.look(screen)

    def look(self, screen):
        """Read every visible string now and note the English ones under `screen`."""
        for text, reason in english.leaks(self.page.evaluate(COLLECT)).items():
            self.found.setdefault(text, (reason, []))[1].append(screen)

    def click(self, selector, screen, then=None):
        """Click the first match of selector, wait for `then` if given, and look."""
        self.page.locator(selector).first.click()
        if then:
            expect(self.page.locator(then).first).to_be_visible()
        self.page.wait_for_timeout(150)  # transitions and tooltips settle
        self.look(screen)

    def close_modal(self):
        dismiss = self.page.locator('.modal [data-dismiss="modal"]:visible')
        if dismiss.count():
            dismiss.last.click()
        else:
            self.page.keyboard.press("Escape")  # Wagtail's dialogs
        expect(self.page.locator(".modal-content:visible")).to_have_count(0)

    def report(self):
        lines = [
            f"{text!r} ({reason}) on {', '.join(dict.fromkeys(screens))}"
            for text, (reason, screens) in self.found.items()
        ]
        return f"{len(lines)} English strings for {self.role}:\n" + "\n".join(sorted(lines))


def walk_common(walk, day):
    """Screens every role reaches: dashboard, sidebar menus, account menu, search, the desk listing."""
    walk.look("dashboard")
    for toggle in walk.page.locator("#wagtail-sidebar button[aria-haspopup], #wagtail-sidebar [aria-expanded]").all():
        if toggle.is_visible():
            toggle.click()
            walk.page.wait_for_timeout(150)
            walk.look("sidebar menu")
            walk.page.keyboard.press("Escape")
    walk.go(reverse("wagtailadmin_pages:search") + "?q=banjir", "page search")
    walk.go(reverse("wagtailadmin_pages:search") + "?q=zzz", "page search, no results")
    walk.go(reverse("wagtailadmin_explore", args=[day["desk"].pk]), "desk listing")


def walk_story_editor(walk, day):
    """A new story: the validation banner, every body block and chooser, panels, side panels, the actions menu."""
    walk.go(reverse("wagtailadmin_pages:add", args=("articles", "articlepage", day["desk"].pk)), "new story")
    page = walk.page
    page.locator('nav.actions--primary button[type="submit"]').first.click()  # "Simpan konsep" with nothing filled
    expect(page.locator(".messages")).to_be_visible()
    walk.look("new story, validation errors")
    add_block = page.locator("#body-root .c-sf-add-button").last
    add_block.click()
    walk.look("block picker")
    blocks = page.get_by_role("option").count()
    page.keyboard.press("Escape")
    for index in range(blocks):  # one block of each type, each through the picker under the last block
        page.locator("#body-root .c-sf-add-button").last.click()
        page.get_by_role("option").nth(index).click()
    walk.look("story editor, every block")
    choosers = page.locator(
        "#body-root [data-chooser-action-choose], #id_hero_image-chooser [data-chooser-action-choose]"
    )
    for index in range(choosers.count()):
        choosers.nth(index).click()
        expect(page.locator(".modal-content").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        walk.look("chooser")
        walk.close_modal()
    page.locator("#id_authors-ADD").click()
    # The new row's chooser: a writer's own row comes filled in, its choose button hidden.
    page.locator("[id^=id_authors-][id$=-person-chooser] [data-chooser-action-choose]").last.click()
    expect(page.locator(".modal-content").first).to_be_visible()
    walk.look("person chooser")
    walk.close_modal()
    page.locator("#id_corrections-ADD").click()
    walk.look("story editor, correction added")
    for toggle in page.locator("[data-side-panel-toggle]").all():
        toggle.click()
        page.wait_for_timeout(300)
        walk.look(f"side panel {toggle.get_attribute('data-side-panel-toggle')}")
        toggle.click()
    page.locator('nav.actions--primary [data-w-dropdown-target="toggle"]').click()
    walk.look("story editor, actions menu")


def walk_story(walk, story, screen):
    """An existing story: editor, status panel, actions menu, history and usage."""
    walk.go(reverse("wagtailadmin_pages:edit", args=[story.pk]), screen)
    walk.click('[data-side-panel-toggle="status"]', f"{screen}, status panel", then='[data-side-panel="status"]')
    walk.page.locator('[data-side-panel-toggle="status"]').click()
    walk.click('nav.actions--primary [data-w-dropdown-target="toggle"]', f"{screen}, actions menu")
    walk.go(reverse("wagtailadmin_pages:history", args=[story.pk]), f"{screen}, history")
    walk.go(reverse("wagtailadmin_pages:usage", args=[story.pk]), f"{screen}, usage")


def walk_schedule(walk, story):
    """The schedule dialog, then the actions menu once a go-live time is set."""
    walk.go(reverse("wagtailadmin_pages:edit", args=[story.pk]), "story in review")
    page = walk.page
    page.locator('[data-side-panel-toggle="status"]').click()
    walk.click(
        '[data-a11y-dialog-show="schedule-publishing-dialog"]', "schedule dialog", then="#schedule-publishing-dialog"
    )
    dialog = page.locator("#schedule-publishing-dialog")
    go_live = timezone.localtime() + timezone.timedelta(days=1)
    dialog.locator("#id_go_live_at").click()
    walk.look("schedule dialog, date picker")
    dialog.locator("#id_go_live_at").fill(go_live.strftime(settings.WAGTAIL_DATETIME_FORMAT))
    dialog.get_by_role("heading").first.click()  # a click outside closes the picker
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(0)
    dialog.locator("button.action-save").click()
    expect(page.locator(".messages")).to_be_visible()
    walk.look("story scheduled")
    walk.click('nav.actions--primary [data-w-dropdown-target="toggle"]', "story scheduled, actions menu")
    comment = page.locator("nav.actions--primary button[data-workflow-action-modal-url]")
    if comment.count():
        comment.first.click()
        expect(page.locator(".modal-content").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        walk.look("workflow comment dialog")
        walk.close_modal()


def walk_photos(walk):
    """Upload a picture, then the same picture again: the duplicate dialog; then the photo library and an edit form."""
    walk.go(reverse("wagtailimages:add_multiple"), "photo upload")
    page = walk.page
    picture = {"name": "banjir-kemang.png", "mimeType": "image/png", "buffer": png("#355c7d")}
    page.locator("#fileupload").set_input_files(picture)
    expect(page.locator("#upload-list .upload-success, #upload-list form").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    walk.look("photo uploaded")
    page.locator("#fileupload").set_input_files(picture)
    expect(page.locator("#upload-list .upload-duplicate, #upload-list li").nth(1)).to_be_visible()
    page.wait_for_load_state("networkidle")
    walk.look("photo uploaded twice, duplicate")
    walk.go(reverse("wagtailimages:index"), "photo library")
    page.locator("#listing-results a[href*='/images/'][href$='/']").first.click()
    page.wait_for_load_state("networkidle")
    walk.look("photo edit")


def walk_wire(walk):
    walk.go(reverse("ingest_wire_queue"), "wire queue")
    walk.page.locator("a[href*='/admin/wire/']").filter(has_text="Gubernur").first.click()
    walk.page.wait_for_load_state("networkidle")
    walk.look("wire item")


def test_a_reporter_sees_no_english(live_server, newsroom_day, new_context):
    walk = Walk(new_context, live_server, roles.WARTAWAN)
    walk_common(walk, newsroom_day)
    walk_story_editor(walk, newsroom_day)
    walk_story(walk, newsroom_day["in_review"], "own story in review")
    walk_photos(walk)
    walk_wire(walk)
    assert not walk.found, walk.report()


def test_a_desk_editor_sees_no_english(live_server, newsroom_day, new_context):
    walk = Walk(new_context, live_server, roles.REDAKTUR)
    walk_common(walk, newsroom_day)
    walk_story(walk, newsroom_day["published"], "published story")
    walk_story(walk, newsroom_day["in_review"], "story in review")
    walk_schedule(walk, newsroom_day["in_review"])
    walk_wire(walk)
    assert not walk.found, walk.report()


def test_a_managing_editor_sees_no_english(live_server, newsroom_day, new_context):
    walk = Walk(new_context, live_server, roles.REDAKTUR_PELAKSANA)
    walk_common(walk, newsroom_day)
    walk_story(walk, newsroom_day["published"], "published story")
    walk_story_editor(walk, newsroom_day)
    walk_wire(walk)
    assert not walk.found, walk.report()


def test_a_photographer_sees_no_english(live_server, newsroom_day, new_context):
    walk = Walk(new_context, live_server, roles.FOTOGRAFER)
    walk.look("dashboard")
    walk_photos(walk)
    walk.go(reverse("wagtailadmin_pages:search") + "?q=banjir", "page search")
    assert not walk.found, walk.report()
