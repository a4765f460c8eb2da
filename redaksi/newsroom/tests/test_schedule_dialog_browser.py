"""The schedule dialog in Chromium at 1366x768 and 390x844: fully on screen, the picker beside (not over) "Save
schedule", times every 5 minutes."""

import re

import pytest
from playwright.sync_api import expect

from redaksi.articles.tests.factories import ArticlePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "kata-sandi-uji-redaksi"  # noqa: S105 (test account)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktur", "r@example.com", PASSWORD)


def inside(box, viewport):
    return (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
        and (box["y"] + box["height"] <= viewport["height"])
    )


def overlap(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 768}, {"width": 390, "height": 844}])
def test_the_schedule_dialog_is_fully_visible_with_the_picker_open(
    live_server, served_site, news, editor, new_context, screenshots, viewport
):
    story = ArticlePageFactory(section=news, draft=True, title="Harga cabai naik")
    page = new_context().new_page()
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("redaktur")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")

    page.locator('[data-side-panel-toggle="status"]').click()
    page.locator('[data-side-panel="status"] [data-a11y-dialog-show="schedule-publishing-dialog"]').click()
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("#id_go_live_at").click()  # opens the picker
    picker = dialog.locator(".xdsoft_datetimepicker").first
    expect(picker).to_be_visible()
    times = picker.locator(".xdsoft_time")
    expect(times.filter(has_text="10:05")).to_have_count(1)  # every 5 minutes, not whole hours

    save = dialog.locator("button.action-save")
    save.scroll_into_view_if_needed()
    page.screenshot(path=screenshots / f"schedule-dialog-{viewport['width']}x{viewport['height']}.png")
    assert inside(save.bounding_box(), viewport)
    assert not overlap(picker.bounding_box(), save.bounding_box())
    box = dialog.locator(".w-dialog__box")
    assert box.bounding_box()["width"] <= viewport["width"] and box.bounding_box()["height"] <= viewport["height"]
    times.filter(has_text="10:05").click()
    expect(dialog.locator("#id_go_live_at")).to_have_value(re.compile(r" 10:05$"))  # minute precision
    save.click()  # reachable: nothing covers it
    expect(page.locator(".messages")).to_contain_text("telah diperbarui")
