"""Fixtures shared by every app's tests, and Debian's Chromium for the browser tests."""

import os
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from PIL import Image
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site
from xdist.scheduler import LoadFileScheduling

from redaksi.core.models import MenuItem, SiteSettings
from redaksi.newsroom.roles import set_up_roles
from redaksi.pages.models import HomePage
from redaksi.search.reader_index import forget_reader_index
from redaksi.sections.tests.factories import SectionPageFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


class DatabaseOrderScheduling(LoadFileScheduling):
    """Whole test files to each xdist worker, in the order pytest-django sorted them.

    pytest-django runs the tests that roll back first, then those that flush the database (transactional,
    live server), whose flush also empties what the migrations inserted; then the tests without a database.
    Each worker has its own test database, so keeping that order per worker keeps what a serial run
    guarantees. A file with tests in two of those groups is split into two units, one per group.
    """

    def __init__(self, config, log=None):
        super().__init__(config, log)
        config.option.loadscopereorder = False  # units in collection order, not biggest first
        self.units = {}

    def schedule(self):
        if self.collection is None and self.registered_collections:
            self.units = file_runs(next(iter(self.registered_collections.values())))
        super().schedule()

    def _split_scope(self, nodeid):
        return self.units[nodeid]


def file_runs(nodeids):
    """Map each test id to its unit: its file and which run of that file's consecutive tests it is in."""
    units, runs, previous = {}, Counter(), None
    for nodeid in nodeids:
        path = nodeid.split("::", 1)[0]
        if path != previous:
            runs[path] += 1
            previous = path
        units[nodeid] = f"{path}#{runs[path]}"
    return units


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Distribute by file in pytest-django's order whichever load mode --dist names (make test runs -n 2)."""
    if config.getvalue("dist") in ("no", "each"):
        return None
    return DatabaseOrderScheduling(config, log)


# Fixtures that start a real server: the live test server (browser and edge tests), Redis, SMTP, the stack.
SERVER_FIXTURES = {"live_server", "redis_url", "redis_server", "smtp", "stack"}


def pytest_collection_modifyitems(items):
    """Mark the tests that start a real server `servers`: `make test-fast` leaves them out, `make test` runs them."""
    for item in items:
        if SERVER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.servers)


@pytest.fixture(autouse=True, scope="session")
def fastest_avif():
    """Encode AVIF renditions at libavif's fastest speed: the same formats, sizes and markup for a fraction of the CPU.

    A test-only trade like settings/test.py's MD5 password hasher: how hard the encoder tries is not under test.
    """
    Image.init()
    original = Image.SAVE["AVIF"]

    def save(image, fp, filename):
        image.encoderinfo.setdefault("speed", 10)
        return original(image, fp, filename)

    Image.SAVE["AVIF"] = save
    yield
    Image.SAVE["AVIF"] = original


@pytest.fixture(autouse=True)
def site_language():
    """Start every test in the site's language: a test request to /en/ leaves English active in the thread."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache: the locmem cache outlives a test (Terpopuler, read dedupe)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def empty_reader_index():
    """Start every test with an empty in-memory reader index: the database it followed was rolled back."""
    forget_reader_index()
    yield
    forget_reader_index()


@pytest.fixture
def home(db):
    """The home page the pages migration creates; the default site's root.

    Transactional (browser) tests end by flushing every table, migration rows included: make it again then.
    """
    return migrated_home()


@contextmanager
def module_transaction(django_db_blocker):
    """Let a module-scoped fixture write what its tests share (it takes seconds), rolled back after the module.

    Each test's own changes roll back to it, as usual. Take `django_db_setup` in the fixture too.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def migrated_home():
    """The home page, after inserting the migrations' rows again if a transactional test flushed them."""
    if not HomePage.objects.exists():
        rebuild_migrated_rows()
    return HomePage.objects.get()


def rebuild_migrated_rows():
    """Insert again what the wagtailcore, pages and newsroom migrations insert.

    Locale, root page and collection, home, site; then the newsroom's role groups with their permissions,
    which need the root collection and the site. Desk groups and review workflows need no rebuilding:
    saving a section creates them.
    """
    Collection.add_root(name="Root")
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Beranda", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    set_up_roles()


@pytest.fixture
def news(home):
    """The News desk; apps that need another shape of it override this fixture."""
    return SectionPageFactory(title="News", slug="news")


@pytest.fixture
def sport(home):
    """A second desk, for tests of filters, moves and listings across desks."""
    return SectionPageFactory(title="Sport", slug="sport")


@pytest.fixture
def outlet(site, news):
    """The outlet's site settings with a main menu: a section, a plain link to the social links."""
    settings, _created = SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "outlet_name": "Warta Ekonomi",
            "tagline": "Portal berita ekonomi dan bisnis",
            "facebook_url": "https://www.facebook.com/wartaekonomi",
            "x_url": "https://x.com/wartaekonomi",
        },
    )
    MenuItem.objects.create(settings=settings, label="News", link_page=news, sort_order=0)
    MenuItem.objects.create(settings=settings, label="Social Media", link_url="#sosial-media", sort_order=1)
    return settings


@pytest.fixture
def warm_queries(client):
    """Return a probe: (queries, html) of a GET of `url` after a first GET warmed what a second one reuses."""

    def probe(url):
        client.get(url)  # warm alike: renditions exist, the site root paths are cached
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    return probe


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 390, "height": 844}, "locale": "id-ID"}


@pytest.fixture
def served_site(live_server, site):
    """Point the default site at the live server, so absolute (share, canonical) URLs lead back to it."""
    address = urlsplit(live_server.url)
    site.hostname, site.port = address.hostname, address.port
    site.save()
    return site


@pytest.fixture(scope="session")
def screenshots():
    """The git-ignored folder browser tests save their screenshots in."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_BLOCKING = {"serious", "critical"}


def describe_violation(violation):
    """One readable line for an axe violation: impact, rule, help and the first elements it names."""
    targets = [node["target"] for node in violation["nodes"]][:5]
    return f"{violation['impact']} {violation['id']}: {violation['help']} -> {targets}"


@pytest.fixture(scope="session")
def axe(pytestconfig):
    """Return run(page) -> lines describing the serious and critical WCAG 2.1 A/AA violations on a JS page."""
    script = pytestconfig.rootpath / "node_modules/axe-core/axe.min.js"
    assert script.exists(), "axe-core missing: run npm ci"

    def run(page):
        page.add_script_tag(path=str(script))
        results = page.evaluate("tags => axe.run(document, {runOnly: tags})", AXE_TAGS)
        return [describe_violation(v) for v in results["violations"] if v["impact"] in AXE_BLOCKING]

    return run


@pytest.fixture
def edge(live_server, settings):
    """A real Varnish with the project's VCL in front of the live server; Wagtail's frontend cache purges it."""
    from redaksi.core.tests.edge import edge_cache

    with edge_cache(live_server.url) as edge:
        settings.WAGTAILFRONTENDCACHE = edge.frontend_cache
        yield edge
