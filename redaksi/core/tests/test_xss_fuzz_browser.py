"""XSS fuzz in Chromium: the shared XSS payload lists in every editor text field and every reader input.

Every payload is published in at least one editor field (headline, short headline, standfirst, dateline, wire
source, body paragraph, tag, author name and bio, correction, outlet name, tagline, menu label) and sent at least
once as a reader input (search, Indeks filters, listing cursor, a missing path). Every public rendering is opened
in Chromium with JavaScript on: no dialog, no call to alert/confirm/prompt, no page error, no console error
(a CSP refusal is an injection the policy caught), no off-site request, no failed subresource (an injected
<img src=x>), no response >= 500. Feeds and sitemaps must stay well-formed
XML. Unsafe links (javascript:, data:) must be refused by the models' full_clean.
"""

import html
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from lxml import etree

from redaksi.articles.models import ArticleIndexPage, ArticlePage, Correction
from redaksi.articles.tests.factories import ArticlePageFactory, paragraphs
from redaksi.core.models import MenuItem, SiteSettings
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import SectionPageFactory, TagFactory

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# The shared test data's XSS lists, as copied into the repository (their README says which and from where).
PAYLOADS_DIR = Path(__file__).resolve().parents[2] / "ingest" / "tests" / "data" / "payloads" / "xss"
STORIES = 50
BROWSER_READER_SAMPLE = 200
UNSAFE_SCHEME = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
TRAP = "window.__xss = 0; for (const f of ['alert','confirm','prompt']) window[f] = () => { window.__xss++; }"


def load_payloads():
    lines = []
    for path in sorted(PAYLOADS_DIR.glob("*.txt")):
        lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    # NUL cannot be stored in PostgreSQL text; nothing an editor types contains it.
    return list(dict.fromkeys(line.replace("\x00", "") for line in lines if line.strip()))


def fitting(chunk, limit, start=0):
    """The first payload of `chunk` (from `start`, wrapping) no longer than `limit`, else the first one cut."""
    rotated = chunk[start:] + chunk[:start]
    return next((p for p in rotated if len(p) <= limit), rotated[0][:limit])


def check_link(instance, field, value, exclude):
    """Set `value` and full_clean: True if the model accepts it; unsafe schemes must be refused."""
    setattr(instance, field, value)
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as error:
        assert field in error.message_dict, f"{field}={value!r}: refused for something else: {error}"
        return False
    assert not UNSAFE_SCHEME.match(value), f"{type(instance).__name__}.{field} accepted {value!r}"
    return True


def publish_payloads(payloads, site, news):
    """Stories, people, tags, corrections and site settings carrying every payload; return what to render."""
    chunks = [payloads[n::STORIES] for n in range(STORIES)]
    settings, _created = SiteSettings.objects.update_or_create(
        site=site, defaults={"outlet_name": fitting(payloads, 100, 7), "tagline": fitting(payloads, 255, 11)}
    )
    for order, label in enumerate(p for p in payloads[:400] if len(p) <= 50):
        if order == 3:
            break
        MenuItem.objects.create(settings=settings, label=label, link_page=news, sort_order=order)

    menu_link = MenuItem(settings=settings, label="Tautan", sort_order=9)
    story_fields = [f.name for f in ArticlePage._meta.get_fields() if getattr(f, "concrete", False)]
    links_refused = links_accepted = 0
    stories = []
    for n, chunk in enumerate(chunks):
        person = PersonFactory(
            name=fitting(chunk, 255, 4), slug=f"xss-{n}", job_title=fitting(chunk, 255, 6), bio="\n".join(chunk)
        )
        tag = TagFactory(name=fitting(chunk, 100, 3), slug=f"xss-tag-{n}")
        story = ArticlePageFactory(
            section=news,
            title=f"{n} {fitting(chunk, 240)}",
            slug=f"xss-{n}",
            short_title=fitting(chunk, 90, 1),
            standfirst=" ".join(chunk[:5]),
            dateline_city=fitting(chunk, 100, 2),
            wire_source=fitting(chunk, 100, 5),
            # What an editor types into a paragraph is text: the rich text editor stores it escaped.
            body=paragraphs(*(html.escape(p, quote=False) for p in chunk)),
            authors=[person],
            tags=[tag],
        )
        Correction.objects.create(article=story, noted_at=timezone.now(), text=" ".join(chunk[5:10]))
        exclude = [name for name in story_fields if name != "source_url"]
        for payload in chunk:
            if check_link(story, "source_url", payload, exclude):
                links_accepted += 1
                break
            links_refused += 1
            check_link(menu_link, "link_url", payload, ["settings", "link_page"])
        else:
            story.source_url = ""
        story.save_revision().publish()
        stories.append(story)
    assert links_refused > 100, "too few payloads reached the link validators"
    return stories, [tag for story in stories for tag in story.tags.all()]


def reader_urls(payloads, index_url, section_url):
    """URLs of reader inputs: every payload once across them, and a spread sample of 200 for the browser."""

    def q(value):
        return quote(value, safe="")

    kinds = [
        lambda p: f"/cari/?q={q(p)}",
        lambda p: f"{index_url}?tanggal={q(p)}&rubrik={q(p)}",
        lambda p: f"{section_url}?sebelum={q(p)}",
        lambda p: f"/{q(p)}/",
    ]
    every = [kinds[n % len(kinds)](p) for n, p in enumerate(payloads)]
    step = max(1, len(payloads) // BROWSER_READER_SAMPLE)
    sample = every[::step][:BROWSER_READER_SAMPLE]
    return every, sample


class Watch:
    """Everything on one page that would mean a payload ran or the server broke."""

    def __init__(self, page, base):
        self.page, self.base, self.problems, self.url = page, base, [], None
        page.add_init_script(TRAP)
        page.on("dialog", self.dialog)
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.problems.append(f"{self.url}: page error {error}"))
        page.on("request", self.request)
        page.on("response", self.response)

    def dialog(self, dialog):
        self.problems.append(f"{self.url}: {dialog.type} dialog {dialog.message!r}")
        dialog.dismiss()

    def console(self, message):
        # A 400/404 page logs its own status; failed subresources are caught by response() below.
        if message.type in ("error", "warning") and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"{self.url}: console {message.type} {message.text!r}")

    def request(self, request):
        if not request.url.startswith(self.base):
            self.problems.append(f"{self.url}: requested off-site {request.url}")

    def response(self, response):
        injected = response.status >= 400 and response.request.resource_type != "document"
        if response.status >= 500 or injected:  # an injected <img src=x> fetches a page that is not there
            self.problems.append(f"{self.url}: HTTP {response.status} for {response.url}")

    def open(self, base, path):
        self.url = path
        response = self.page.goto(base + path, wait_until="domcontentloaded")
        if response.status >= 500:
            self.problems.append(f"{path}: HTTP {response.status}")
        if ran := self.page.evaluate("window.__xss"):
            self.problems.append(f"{path}: alert/confirm/prompt called {ran} times")
        return response


def test_xss_payloads_never_run_in_any_public_page(live_server, served_site, news, client, new_context):
    payloads = load_payloads()
    assert len(payloads) > 1500  # 14 lists, 1,656 distinct lines
    SectionPageFactory(title="Lain", slug="lain")  # a second option in the Indeks section filter
    index = news.get_parent().add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))
    stories, tags = publish_payloads(payloads, served_site, news)
    people = [story.authors.first().person for story in stories]

    every, sample = reader_urls(payloads, index.url, news.url)
    server_errors = [url for url in every if client.get(url).status_code >= 500]
    assert not server_errors, f"reader inputs answered 5xx: {server_errors[:20]}"

    for url in ["/rss/", "/atom/", f"/rss/{news.slug}/", f"/atom/{news.slug}/", "/sitemap-news.xml"]:
        response = client.get(url)
        assert response.status_code == 200, url
        etree.fromstring(response.content)  # raises on malformed XML

    pages = ["/", news.url, index.url, "/cari/?q=alert", *(s.url for s in stories)]
    pages += [tag.get_absolute_url() for tag in tags] + [person.get_absolute_url() for person in people]
    page = new_context(java_script_enabled=True).new_page()
    watch = Watch(page, live_server.url)
    rendered = 0
    for path in pages:
        watch.open(live_server.url, path)
        text = page.evaluate("document.body.innerText")
        rendered += sum(1 for p in payloads if "<" in p and 20 < len(p) < 120 and p in text)
    for path in sample:
        watch.open(live_server.url, path)

    assert not watch.problems, "\n".join(["Payloads ran or the server failed:", *watch.problems[:50]])
    assert rendered > 500, f"only {rendered} markup payloads were shown as text: the test did not render them"
