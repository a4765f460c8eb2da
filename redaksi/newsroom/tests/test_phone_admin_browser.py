"""The admin on a 390x844 phone is a real filing tool: nothing scrolls sideways, side panels leave the form usable.

A reporter writes a story, uploads a photo from the camera roll, submits it; a desk editor opens it from the review
queue and approves it. On every screen of that path (the editor with its actions menu open, each side panel open,
the photo chooser's upload tab, the review queue, the schedule dialog) the page is no wider than the phone, and
nothing reaches past its right edge.
"""

import re

import pytest
from playwright.sync_api import expect

from redaksi.articles.models import ArticlePage
from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role, create_newsroom_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-redaksi"  # noqa: S105 (test accounts)
PHONE_WIDTH = 390
HEADLINE = "Banjir rob genangi Pantai Utara Jakarta"

# How wide the page and its scrolling pane are, and whatever is scrolled sideways. The admin scrolls in its own pane
# (main#main, overflow-x: hidden), which a user cannot swipe sideways but focus and dialogs can shift: so it must be
# no wider than the phone either, and nothing may be scrolled to the side.
MEASURE = """() => {
    const main = document.getElementById("main");
    const name = element => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "");
    return {
        page: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        pane: main ? main.scrollWidth : 0,
        shifted: [...document.querySelectorAll("body, #main, #main > .content, form")]
            .filter(element => element.scrollLeft > 0).map(name),
    };
}"""

# Whether the element's middle is hidden under something else (a side panel, a header) on screen.
COVERED = """element => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return !element.contains(top);
}"""


@pytest.fixture
def desk(news):
    for username, name, role in [("rina", "Rina Kusuma", roles.WARTAWAN), ("budi", "Budi Santoso", roles.REDAKTUR)]:
        create_newsroom_user(username, name, f"{username}@redaksi.example", password=PASSWORD)
        assign_role(username, role, [news.slug])
    return news


@pytest.fixture
def camera_roll_photo(tmp_path):
    from PIL import Image

    path = tmp_path / "IMG_0815.jpg"
    Image.new("RGB", (1200, 1600), "#2e6f8e").save(path, "JPEG")
    return path


def sign_in(new_context, live_server, username):
    page = new_context().new_page()
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    return page


def assert_fits(page, screen, screenshots):
    """Nothing on this screen is wider than the phone or shifted sideways; keep a picture of it."""
    page.wait_for_timeout(350)  # menus and panels finish their transitions
    page.screenshot(path=screenshots / f"newsroom-phone-{screen}.png")
    measured = page.evaluate(MEASURE)
    assert max(measured["page"], measured["body"], measured["pane"]) <= PHONE_WIDTH, (screen, measured)
    assert measured["shifted"] == [], (screen, measured)


def assert_reachable(page, locator, screen):
    """The field can be scrolled into view and tapped: no side panel or header lies over it."""
    locator.scroll_into_view_if_needed()
    assert not locator.evaluate(COVERED), f"{screen}: something covers {locator}"


def check_side_panels(page, screen, screenshots):
    """Each side panel, opened, shows at once and leaves the headline and the save button reachable."""
    for toggle in page.locator("[data-side-panel-toggle]").all():
        name = toggle.get_attribute("data-side-panel-toggle")
        toggle.click()
        panel = page.locator(f'[data-side-panel="{name}"]')
        expect(panel).to_be_in_viewport()
        assert_fits(page, f"{screen}-panel-{name}", screenshots)
        assert_reachable(page, page.locator("#id_title"), f"{screen} with {name} open")
        assert_reachable(page, page.locator("nav.actions--primary button").first, f"{screen} with {name} open")
        toggle.click()
        expect(panel).to_be_hidden()


def write_on_phone(page, desk, photo, screenshots):
    page.goto(f"{page.url}pages/{desk.pk}/add_subpage/")
    if "/add/articles/" not in page.url:
        page.locator('a[href*="/add/articles/articlepage/"]').click()
    expect(page.locator("#id_title")).to_be_visible()
    assert_fits(page, "editor", screenshots)
    page.locator("#id_title").fill(HEADLINE)
    page.locator("#body-root .c-sf-add-button").first.click()
    page.get_by_role("option", name="paragraf").click()
    page.locator("#body-root [contenteditable=true]").first.click()
    page.keyboard.type("Air laut menggenangi permukiman di Muara Angke sejak subuh.")
    check_side_panels(page, "editor", screenshots)

    page.locator("#id_hero_image-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal-content")
    modal.get_by_role("tab", name=re.compile("Unggah|Upload")).click()
    upload = modal.locator("input[type=file]")
    assert upload.get_attribute("accept").split(",")[0] == "image/*"  # the camera roll, not only the file manager
    upload.set_input_files(photo)
    modal.locator("[name='image-chooser-upload-credit']").fill("Redaksi/Rina Kusuma")
    assert_fits(page, "photo-upload", screenshots)
    modal.locator("form button[type=submit]").first.click()
    expect(page.locator("#id_hero_image-chooser .chooser__title")).to_have_text("IMG_0815")

    page.wait_for_load_state("networkidle")  # the editor's autosave is done (SQLite in memory locks whole tables)
    page.locator('nav.actions--primary [data-w-dropdown-target="toggle"]').click()
    assert_fits(page, "editor-actions-menu", screenshots)
    page.locator('button[name="action-submit"]').click()
    expect(page.locator(".messages")).to_contain_text("dikirim untuk")


def approve_on_phone(page, screenshots):
    queue = page.locator("#awaiting-review-section")
    expect(queue.get_by_role("link", name=HEADLINE)).to_be_visible()
    assert_fits(page, "review-queue", screenshots)
    queue.get_by_role("link", name=HEADLINE).click()
    expect(page.locator("#id_title")).to_have_value(HEADLINE)
    check_side_panels(page, "review", screenshots)
    page.locator('[data-side-panel-toggle="status"]').click()
    page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').click()
    page.locator("#schedule-publishing-dialog #id_go_live_at").click()
    assert_fits(page, "review-schedule", screenshots)
    page.keyboard.press("Escape")
    page.locator('[data-side-panel-toggle="status"]').click()

    page.locator('nav.actions--primary [data-w-dropdown-target="toggle"]').click()
    assert_fits(page, "review-actions-menu", screenshots)
    page.locator('nav.actions--primary button[data-workflow-action-name="approve"]').first.click()
    expect(page.locator(".messages")).to_contain_text(HEADLINE)
    assert_fits(page, "review-approved", screenshots)


def test_phone_files_and_approves_without_sideways_scroll(
    live_server, desk, camera_roll_photo, new_context, screenshots
):
    reporter = sign_in(new_context, live_server, "rina")
    assert_fits(reporter, "dashboard", screenshots)
    write_on_phone(reporter, desk, camera_roll_photo, screenshots)
    story = ArticlePage.objects.get(title=HEADLINE)
    assert story.current_workflow_task is not None
    assert story.get_latest_revision_as_object().hero_image.credit == "Redaksi/Rina Kusuma"

    editor = sign_in(new_context, live_server, "budi")
    approve_on_phone(editor, screenshots)
    assert ArticlePage.objects.get(title=HEADLINE).live
