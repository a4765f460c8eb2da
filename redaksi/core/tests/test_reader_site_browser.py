"""A reader on the demo outlet in Debian's Chromium: every page type usable without JavaScript, accessible, pictured."""

from dataclasses import dataclass
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from redaksi.articles.models import ArticleIndexPage, ArticlePage
from redaksi.core.models import MenuItem
from redaksi.core.wib import WIB
from redaksi.media.models import VideoIndexPage
from redaksi.pages.models import MastheadPage, StandardPage
from redaksi.sections.models import SectionPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = [(390, 844), (1366, 768)]


@dataclass
class Outlet:
    seed: ArticlePage  # the seed story, with its Baca Juga
    story: ArticlePage  # a corpus story with tags and an author
    sections: list


@pytest.fixture
def outlet(home, served_site):
    """The demo outlet: 12 corpus stories, the seed story, videos, static pages and the masthead."""
    call_command("load_demo", "--stories", "12", stdout=StringIO())
    story = ArticlePage.objects.filter(guid__startswith="indosum:", authors__isnull=False, tagged_items__isnull=False)
    return Outlet(
        seed=ArticlePage.objects.get(guid="text:000_42ac34568c9be250"),
        story=story.distinct().order_by("-first_published_at").first(),
        sections=[item.label for item in MenuItem.objects.filter(link_page__in=SectionPage.objects.all())],
    )


def wib_date(story):
    """The story's publication day in WIB, as the Indeks date field takes it."""
    return story.first_published_at.astimezone(WIB).date().isoformat()


def heading(page):
    return page.get_by_role("heading", level=1)


def test_a_reader_finds_their_way_without_javascript(live_server, outlet, new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + "/")
    expect(heading(page)).to_have_count(1)
    menu = page.get_by_role("navigation", name="Menu utama")
    for title in outlet.sections:
        menu.get_by_role("link", name=title, exact=True).click()
        expect(heading(page)).to_have_text(title)

    menu.get_by_role("link", name=outlet.seed.section.title, exact=True).click()
    page.get_by_role("link", name=outlet.seed.listing_title).first.click()
    expect(heading(page)).to_have_text(outlet.seed.title)
    page.locator(".read-also").get_by_role("link").first.click()
    related = next(block.value["story"] for block in outlet.seed.body if block.block_type == "related_story")
    expect(heading(page)).to_have_text(related.title)

    menu.get_by_role("link", name="Indeks", exact=True).click()
    form = page.locator("form.index-filter")
    form.locator("input[name=tanggal]").fill(wib_date(outlet.story))
    form.locator("select[name=rubrik]").select_option(label=outlet.story.section.title)
    form.get_by_role("button").click()
    assert f"rubrik={outlet.story.section.slug}" in page.url
    page.get_by_role("link", name=outlet.story.listing_title).click()
    expect(heading(page)).to_have_text(outlet.story.title)

    tag = outlet.story.tagged_items.first().tag
    page.locator(".tags").get_by_role("link", name=tag.name).click()
    expect(heading(page)).to_have_text(tag.name)
    page.go_back()
    author = outlet.story.authors.first().person
    page.locator(".byline").get_by_role("link", name=author.name).click()
    expect(heading(page)).to_have_text(author.name)

    menu.get_by_role("link", name="Video", exact=True).click()
    expect(page.locator("a.video-card").first).to_be_visible()


def page_types(live_server, outlet, page):
    """(name, URL) of every page type; the video page is the hub's first card."""
    url = live_server.url
    hub = VideoIndexPage.objects.get().url
    page.goto(url + hub)
    video = page.locator("a.video-card").first.get_attribute("href")
    assert not urlsplit(video).netloc or video.startswith(url), f"the video card leaves the site: {video}"
    return [
        ("home", "/"),
        ("section", SectionPage.objects.get(title=outlet.sections[0]).url),
        ("article", outlet.story.url),
        ("seed-article", outlet.seed.url),
        ("indeks", f"{ArticleIndexPage.objects.get().url}?tanggal={wib_date(outlet.story)}"),
        ("tag", outlet.story.tagged_items.first().tag.get_absolute_url()),
        ("person", outlet.story.authors.first().person.get_absolute_url()),
        ("video-hub", hub),
        ("video", urlsplit(video).path),
        ("static-page", StandardPage.objects.get(slug="tentang-kami").url),
        ("guideline", StandardPage.objects.get(slug="pedoman-media-siber").url),
        ("masthead", MastheadPage.objects.get().url),
        ("not-found", "/halaman-yang-tidak-ada/"),
    ]


LOAD_PICTURES = """() => {
  const images = [...document.images];
  images.forEach(img => { img.loading = "eager"; });
  return Promise.all(images.map(img => img.complete || new Promise(done => { img.onload = img.onerror = done; })));
}"""


def picture(page, path):
    """Load the lazy pictures too, then save a full-page screenshot."""
    page.evaluate(LOAD_PICTURES)
    page.screenshot(path=path, full_page=True)


def visit(page, name, url, width, screenshots):
    """Open `url` at one size and save its picture; return what is wrong with it."""
    response = page.goto(url)
    problems = [f"{name}: HTTP {response.status}"] if response.status != (404 if name == "not-found" else 200) else []
    if page.evaluate("document.documentElement.scrollWidth") > width:
        problems.append(f"{name}: scrolls sideways at {width} px")
    picture(page, screenshots / f"reader-{name}-{width}x{page.viewport_size['height']}.png")
    return problems


@pytest.mark.browser_context_args(bypass_csp=True)
def test_every_page_type_is_accessible_and_pictured_at_phone_and_desktop_sizes(
    live_server, outlet, page, axe, screenshots
):
    problems = []
    for name, path in page_types(live_server, outlet, page):
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            problems += visit(page, name, live_server.url + path, width, screenshots)
        problems += [f"{name}: {violation}" for violation in axe(page)]

    assert not problems, "\n".join(["Pages with problems (axe-core: serious or critical only):", *problems])
