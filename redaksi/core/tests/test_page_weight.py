"""The article page weighs under 60 KB compressed (HTML, CSS and JS) and asks no third party for anything."""

import gzip
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.rich_text import RichText

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core.models import MenuItem, SiteSettings
from redaksi.media.tests.factories import PhotoFactory, VideoFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import SectionPageFactory, TagFactory

BUDGET = 60 * 1024
FETCHED_LINKS = {"icon", "preload", "modulepreload", "manifest", "apple-touch-icon", "prefetch"}
SENTENCE = (
    "Menteri Luar Negeri mengatakan pembicaraan dengan mitra dagang utama akan berlanjut pekan depan, "
    "sementara pelaku pasar menunggu kepastian kebijakan tarif dan arah suku bunga acuan Bank Indonesia. "
)


class Resources(HTMLParser):
    """Collect the URLs a page makes the browser fetch: stylesheets, scripts, images and frames."""

    def __init__(self):
        super().__init__()
        self.stylesheets, self.scripts, self.fetched = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.stylesheets.append(attrs["href"])
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        for name in ("src", "srcset", "poster", "data"):
            if tag in ("img", "source", "iframe", "video", "audio", "embed", "object") and attrs.get(name):
                self.fetched += [part.split()[0] for part in attrs[name].split(",") if part.strip()]
        if tag == "link" and set((attrs.get("rel") or "").split()) & FETCHED_LINKS:
            self.fetched.append(attrs["href"])


def body(related, count=10):
    """A realistic story body: `count` paragraphs of five sentences each, a Baca Juga box after the third."""
    blocks = [("paragraph", RichText(f"<p>{SENTENCE * 5}</p>")) for _ in range(count)]
    return blocks[:3] + [("related_story", {"story": related})] + blocks[3:]


@pytest.fixture
def story(site):
    """A story like the seed with every part the page can show: hero, 10 paragraphs, tags, related, videos."""
    settings_, _ = SiteSettings.objects.update_or_create(
        site=site, defaults={"outlet_name": "Warta Ekonomi", "facebook_url": "https://www.facebook.com/we"}
    )
    sections = [SectionPageFactory(title=title) for title in ("News", "EkBis", "New Economy", "Kabar Finansial")]
    for order, section in enumerate(sections):
        MenuItem.objects.create(settings=settings_, label=section.title, link_page=section, sort_order=order)
    tags = [TagFactory(name="Rusia"), TagFactory(name="Ukraina"), TagFactory(name="Diplomasi")]
    related = [ArticlePageFactory(section=sections[0], with_image=True, tags=tags[:2]) for _ in range(8)]
    VideoFactory.create_batch(4)
    return ArticlePageFactory(
        section=sections[0],
        hero_image=PhotoFactory(),
        body=body(related[0]),
        wire_source="Reuters",
        source_url="https://www.reuters.com/world/",
        editor=PersonFactory(editor=True),
        authors=PersonFactory.create_batch(2),
        tags=tags,
    )


def gzipped_size(content):
    return len(gzip.compress(content, compresslevel=6))


def static_file(url):
    """Return the bytes of a same-origin static URL the page links."""
    path = finders.find(urlsplit(url).path.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is not a static file"
    with open(path, "rb") as file:
        return file.read()


def is_third_party(url):
    return bool(urlsplit(url).netloc) and urlsplit(url).hostname != "testserver"


@pytest.fixture
def article(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    resources = Resources()
    resources.feed(response.content.decode())
    return response.content, resources


def test_the_article_page_with_its_css_and_js_is_under_60_kb_compressed(article):
    html, resources = article
    linked = resources.stylesheets + resources.scripts
    sizes = {"html": gzipped_size(html)} | {url: gzipped_size(static_file(url)) for url in linked}

    assert resources.stylesheets, "the page links no stylesheet"
    assert sum(sizes.values()) < BUDGET, sizes


def test_the_article_page_fetches_nothing_from_a_third_party(article):
    _html, resources = article
    urls = resources.stylesheets + resources.scripts + resources.fetched

    assert resources.fetched, "the story's pictures are missing"
    assert [url for url in urls if is_third_party(url)] == []
