"""The seed-like story in Debian's Chromium on a 390x844 phone: the seed's elements are visible."""

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from redaksi.articles.models import ArticleIndexPage
from redaksi.core.models import MenuItem
from redaksi.media.models import VideoIndexPage
from redaksi.media.tests.factories import VideoFactory
from redaksi.pages.models import StandardPage
from redaksi.sections.tests.factories import SectionPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SECTIONS = ["EkBis", "New Economy", "Kabar Finansial", "Global Connections", "Sport & Lifestyle"]
SCREENSHOTS = Path(__file__).resolve().parents[3] / "artifacts" / "screenshots"


@pytest.fixture
def served_site(live_server, site):
    """Point the default site at the live server, so absolute (share) URLs lead back to it."""
    address = urlsplit(live_server.url)
    site.hostname, site.port = address.hostname, address.port
    site.save()
    return site


@pytest.fixture
def seed_menu(outlet, home):
    """The rest of the seed's main menu, between "News" and "Social Media"."""
    pages = [SectionPageFactory(title=title) for title in SECTIONS]
    pages += [
        home.add_child(instance=VideoIndexPage(title="Video", slug="video")),
        home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks")),
        home.add_child(instance=StandardPage(title="About Us", slug="about-us", body="<p>Tentang kami.</p>")),
    ]
    for order, menu_page in enumerate(pages, start=1):
        MenuItem.objects.create(settings=outlet, label=menu_page.title, link_page=menu_page, sort_order=order)
    MenuItem.objects.filter(settings=outlet, link_url="#sosial-media").update(sort_order=len(pages) + 1)


def test_seed_story_on_a_phone(live_server, served_site, seed_menu, page, new_context, seed_story):
    related = seed_story.body[2].value["story"]
    VideoFactory.create_batch(4)
    absolute = live_server.url + seed_story.url
    assert seed_story.get_full_url() == absolute
    page.goto(absolute)

    expect(page.get_by_role("heading", level=1)).to_have_text(seed_story.title)
    expect(page.locator("figure.hero img")).to_be_visible()
    expect(page.locator("figure.hero figcaption")).to_contain_text("Kredit Foto: Reuters/Anna Kudriavtseva")
    expect(page.locator(".story-body p").first).to_contain_text("Warta Ekonomi, Jenewa - Menteri Luar Negeri")
    read_also = page.get_by_role("link", name=related.title)
    expect(read_also).to_be_visible()
    expect(read_also).to_have_attribute("href", related.url)
    share = page.get_by_role("region", name="Bagikan Artikel:")
    expect(share).to_be_visible()
    for name in ["WhatsApp", "Facebook", "X", "Telegram", "LinkedIn"]:
        link = share.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", re.compile(re.escape(quote(absolute, safe=""))))
    expect(share.get_by_role("button", name="Salin")).to_be_visible()  # the copy button JS reveals
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "article-390x844.png", full_page=True)

    expect(page.get_by_role("region", name="Video Pilihan").locator("a.video-card")).to_have_count(4)
    page.get_by_role("navigation").get_by_role("link", name="Social Media").click()
    expect(page.locator("#sosial-media")).to_be_in_viewport()

    without_js = new_context(java_script_enabled=False).new_page()
    without_js.goto(absolute)
    expect(without_js.get_by_label("Salin tautan")).to_have_value(absolute)  # select and copy by hand
    expect(without_js.get_by_role("link", name=related.title)).to_be_visible()
