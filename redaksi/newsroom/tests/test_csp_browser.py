"""No Content-Security-Policy violation in Debian's Chromium: the reader's pages and the admin's main screens.

A listener for `securitypolicyviolation`, added before any page script runs, records every refusal; console
errors are collected too (Chromium also logs each refusal there). A control injects an inline style attribute
and an inline script into a reader page and expects both to be refused and reported: the listener works.
"""

import pytest
from playwright.sync_api import expect

from redaksi.articles.models import ArticleIndexPage
from redaksi.articles.tests.factories import ArticlePageFactory, paragraphs
from redaksi.core.models import SiteSettings
from redaksi.media.tests.factories import PhotoFactory, VideoFactory
from redaksi.newsroom import roles
from redaksi.sections.tests.factories import TagFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BRAND = "#a01d26"
LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__csp.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}`);
});
"""
SETTLE = "() => new Promise((done) => setTimeout(done, 300))"  # reports are queued: let them arrive
INJECT = """() => {
  const box = document.createElement("div");
  box.setAttribute("style", "outline: 5px solid red");
  document.body.append(box);
  const script = document.createElement("script");
  script.textContent = "window.__injected = true";
  document.body.append(script);
}"""


class Watch:
    """The CSP violations and console errors of one browser page, per address opened."""

    def __init__(self, page):
        self.page, self.url, self.console = page, None, []
        page.add_init_script(LISTEN)
        page.on("console", self.log)

    def log(self, message):
        # A 404 page logs its own status; a subresource failing to load is not a policy matter.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console.append(f"{self.url}: {message.text}")

    def open(self, url):
        self.url = url
        self.page.goto(url, wait_until="load")
        return self.settle()

    def settle(self):
        self.page.evaluate(SETTLE)
        return [f"{self.url}: {violation}" for violation in self.page.evaluate("window.__csp")]


@pytest.fixture
def reader_pages(served_site, news):
    """Home, section, a story with a photo, a picture and a video in its body and a "Baca Juga", Indeks, search
    results, the author's page, a 404; the outlet has its own brand colour."""
    SiteSettings.objects.update_or_create(site=served_site, defaults={"outlet_name": "Warta", "brand_colour": BRAND})
    index = news.get_parent().add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))
    related = ArticlePageFactory(section=news, title="Harga beras stabil", with_image=True)
    body = paragraphs("Harga cabai rawit naik dua kali lipat.")
    body += [("image", {"image": PhotoFactory(), "caption": ""}), ("video", VideoFactory())]
    body += [("related_story", {"story": related}), *paragraphs("Pedagang menunggu pasokan.")]
    story = ArticlePageFactory(
        section=news, title="Harga cabai naik", with_image=True, body=body, tags=[TagFactory(name="Pangan")]
    )
    story.save_revision().publish()
    person = story.authors.first().person
    pages = ["/", news.url, story.url, index.url, "/cari/?q=cabai", person.get_absolute_url(), "/tidak-ada/"]
    return story, pages


def test_the_listener_reports_an_injected_inline_style_and_script(live_server, reader_pages, new_context):
    watch = Watch(new_context().new_page())
    assert watch.open(live_server.url + "/") == []
    watch.page.evaluate(INJECT)
    expect(watch.page.locator("body")).to_be_visible()
    violations = watch.settle()
    assert any("style-src-attr blocked inline" in violation for violation in violations), violations
    assert any("script-src-elem blocked inline" in violation for violation in violations), violations
    assert watch.page.evaluate("window.__injected") is None  # the script did not run


def test_reader_pages_log_no_csp_violation(live_server, reader_pages, new_context):
    story, pages = reader_pages
    watch = Watch(new_context().new_page())
    violations = [violation for path in pages for violation in watch.open(live_server.url + path)]
    assert violations == [] and watch.console == [], violations + watch.console
    watch.open(live_server.url + story.url)
    assert watch.page.locator(".read-also a").count() == 1 and watch.page.locator("a.video-card").count() >= 1
    brand = watch.page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--brand')")
    assert brand.strip() == BRAND  # the hashed <style> was applied, not refused


def test_the_admins_main_screens_log_no_csp_violation(live_server, reader_pages, new_context, staff):
    story, _pages = reader_pages
    staff(roles.REDAKTUR, "budi")
    watch = Watch(new_context().new_page())
    violations = watch.open(f"{live_server.url}/admin/login/")
    watch.page.locator("#id_username").fill("budi")
    watch.page.locator("#id_password").fill("kata-sandi-uji")
    watch.page.locator("form button[type=submit]").click()
    expect(watch.page).to_have_url(f"{live_server.url}/admin/")
    violations += watch.settle()
    violations += watch.open(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    watch.page.locator("#id_hero_image-chooser [data-w-dropdown-target=toggle]").click()  # the photo's actions
    watch.page.locator("[data-chooser-action-choose]:visible").first.click()  # "choose another": the image chooser
    expect(watch.page.locator(".modal-content .listing, .modal-content table").first).to_be_visible()
    violations += watch.settle()
    assert violations == [] and watch.console == [], violations + watch.console
    watch.page.evaluate(
        "() => { const img = new Image(); img.src = 'https://example.invalid/x.png'; document.body.append(img); }"
    )
    assert any("img-src blocked https://example.invalid/x.png" in v for v in watch.settle())  # the listener works here
