"""The seed article, loaded by load_demo through the importer, in Debian's Chromium on a 390x844 phone."""

import re
from io import StringIO
from urllib.parse import quote

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from redaksi.articles.models import ArticlePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHARE_LINKS = ["WhatsApp", "Facebook", "X", "Telegram", "LinkedIn"]


def related_story(story):
    return next(block.value["story"] for block in story.body if block.block_type == "related_story")


@pytest.fixture
def seed(home):
    call_command("load_demo", "--stories", "6", stdout=StringIO())
    return ArticlePage.objects.get(guid="text:000_42ac34568c9be250")


def test_seed_article_on_a_phone(live_server, seed, served_site, page, new_context, screenshots):
    related = related_story(seed)
    absolute = live_server.url + seed.url
    page.goto(absolute)

    expect(page.get_by_role("heading", level=1)).to_have_text(seed.title)
    expect(page.locator("figure.hero img")).to_be_visible()
    expect(page.locator("figure.hero figcaption")).to_contain_text("Kredit Foto: Reuters/Anna Kudriavtseva")
    expect(page.locator(".story-body p").first).to_contain_text("Warta Ekonomi, Jenewa - Menteri Luar Negeri")
    read_also = page.get_by_role("link", name=related.title)
    expect(read_also).to_be_visible()
    share = page.get_by_role("region", name="Bagikan Artikel:")
    for name in SHARE_LINKS:
        link = share.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", re.compile(re.escape(quote(absolute, safe=""))))
    expect(share.get_by_role("button", name="Salin")).to_be_visible()  # the copy button JS reveals
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"
    page.screenshot(path=screenshots / "article-390x844.png")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # let lazy pictures load
    page.wait_for_load_state("networkidle")
    page.screenshot(path=screenshots / "article-390x844-full.png", full_page=True)

    expect(page.get_by_role("region", name="Video Pilihan").locator("a.video-card")).to_have_count(4)
    page.get_by_role("navigation").get_by_role("link", name="Social Media").click()
    expect(page.locator("#sosial-media")).to_be_in_viewport()

    read_also.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(related.title)


def test_seed_article_without_javascript(live_server, seed, served_site, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + seed.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(seed.title)
    expect(page.get_by_label("Salin tautan")).to_have_value(live_server.url + seed.url)  # select, copy by hand
    expect(page.get_by_role("link", name=related_story(seed).title)).to_be_visible()
