"""A reader searches from the header in Chromium with JavaScript off; the results page passes axe."""

import pytest
from playwright.sync_api import expect

from redaksi.articles.tests.factories import ArticlePageFactory, paragraphs
from redaksi.search.index import index_stories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(outlet, news, served_site):
    story = ArticlePageFactory(
        section=news,
        title="Alot, Rusia Bilang Dialog dengan Amerika Berlanjut Saat Pembicaraan",
        body=paragraphs("Menteri Luar Negeri Rusia mengatakan dialog akan berlanjut setelah pembicaraan di Jenewa."),
    )
    index_stories([story])
    return story


@pytest.mark.parametrize("width", [390, 1366])
def test_header_search_finds_the_story_without_javascript(live_server, story, new_context, axe, screenshots, width):
    page = new_context(java_script_enabled=False).new_page()
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Cari berita").fill("bicara")
    page.get_by_role("search").first.get_by_role("button", name="Cari").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cari")
    result = page.get_by_role("link", name=story.title)
    expect(result).to_be_visible()
    expect(result.locator("mark")).to_have_text("Pembicaraan")
    page.screenshot(path=screenshots / f"search-results-{width}.png", full_page=True)
    axe_page = new_context(bypass_csp=True).new_page()  # axe-core is injected as an inline script
    axe_page.set_viewport_size({"width": width, "height": 844})
    axe_page.goto(page.url)
    assert axe(axe_page) == []
