"""'Tulis berita' in one click, in Chromium: a reporter of two desks lands in the right editor."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from redaksi.newsroom import roles
from redaksi.newsroom.services import assign_role, create_newsroom_user

from .test_newsroom_browser import PASSWORD, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_one_click_from_the_dashboard_into_the_desks_month_folder(new_context, live_server, news, ekbis):
    create_newsroom_user("rina", "Rina Kusuma", "rina@redaksi.example", password=PASSWORD)
    assign_role("rina", roles.WARTAWAN, [news.slug, ekbis.slug])
    page = login(new_context, live_server, "rina")  # lands on the dashboard
    page.get_by_role("link", name="Tulis berita di EkBis").click()
    folder = ekbis.archive_month(timezone.now())
    expect(page).to_have_url(f"{live_server.url}/admin/pages/add/articles/articlepage/{folder.pk}/")
    expect(page.locator("#id_title")).to_be_visible()
