"""Every importer's story is indexed, filed and purged at its own publication time, never at the import's."""

import datetime
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command

from redaksi.articles.models import ArticleIndexPage, ArticlePage
from redaksi.core.wib import WIB
from redaksi.search.models import StoryEntry
from redaksi.search.services import search_page
from redaksi.sections.models import SectionPage

from .texts import copy_seed
from .wxr_support import NEWSROOM, import_wxr, newsroom_run_options, uploads_folder  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

IMPORTED_ON = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=WIB)
TODAY_KEYS = ("/indeks/?tanggal=2026-06-15", "/sitemap-2026-06.xml")
HTML_PAGE = Path(__file__).parent / "data" / "html" / "seed_saved_page.html"


@pytest.fixture(autouse=True)
def import_day(home):
    """The Indeks exists; the import runs on 15 June 2026, long after the stories first appeared."""
    home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))
    with time_machine.travel(IMPORTED_ON, tick=False):
        yield


@pytest.fixture
def purged(settings, monkeypatch, django_capture_on_commit_callbacks):
    """Return a runner: `purged(action)` runs `action`, commits, and returns the edge paths purged."""
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://edge.test"}
    }
    paths = []

    def record(urls, *args, **kwargs):
        paths.extend(f"{urlsplit(url).path}?{urlsplit(url).query}".rstrip("?") for url in urls)

    monkeypatch.setattr("wagtail.contrib.frontend_cache.utils.purge_urls_from_cache", record)

    def during(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return paths

    return during


def found_on(word, day):
    """Ids the search page finds for `word` filtered to the WIB `day` (dari = sampai = day)."""
    params = {"q": word, "dari": day.isoformat(), "sampai": day.isoformat(), "urut": "terbaru"}
    return [hit.story.pk for hit in search_page(params, SectionPage.objects.live()).hits]


def assert_published_at(story, when, word, purged_paths):
    """The search entry, a one-day search and the edge purge all follow the story's own time `when`."""
    day = when.astimezone(WIB).date()
    assert StoryEntry.objects.get(story=story).published_at == when
    assert story.pk in found_on(word, day)
    assert story.pk not in found_on(word, day - datetime.timedelta(days=1))
    assert story.pk not in found_on(word, IMPORTED_ON.date())
    assert f"/indeks/?tanggal={day.isoformat()}" in purged_paths
    assert f"/sitemap-{day:%Y-%m}.xml" in purged_paths
    assert not set(TODAY_KEYS) & set(purged_paths)


def import_text(path, **options):
    call_command("import_article_text", str(path), section="news", stdout=StringIO(), stderr=StringIO(), **options)


def test_a_scraped_text_story_is_indexed_and_purged_at_its_own_time(tmp_path, news, seed_related, purged):
    when = datetime.datetime(2022, 1, 1, 0, 30, tzinfo=WIB)  # still 31 December 2021 in UTC
    path = copy_seed(tmp_path)
    paths = purged(lambda: import_text(path, publish=True, published_at="2022-01-01T00:30"))
    story = ArticlePage.objects.get(guid=f"text:{path.stem}")
    assert (story.first_published_at, story.last_published_at, story.published_at) == (when, when, when)
    assert_published_at(story, when, "lavrov", paths)


def test_a_saved_html_story_is_indexed_and_purged_at_its_own_time(news, seed_related, purged):
    def run():
        call_command(
            "import_article_html", str(HTML_PAGE), section="news", publish=True, stdout=StringIO(), stderr=StringIO()
        )

    paths = purged(run)
    story = ArticlePage.objects.get(guid__startswith="html:")
    assert_published_at(story, datetime.datetime(2022, 1, 21, 19, 30, tzinfo=WIB), "lavrov", paths)


def test_wordpress_posts_are_indexed_and_purged_at_their_own_time(newsroom_options, purged):
    paths = purged(lambda: import_wxr(NEWSROOM, **newsroom_options))
    rupiah = ArticlePage.objects.get(title="Rupiah Menguat di Akhir Pekan")
    timnas = ArticlePage.objects.get(title="Timnas Menang 2-1")  # no GMT date: its local time read as WIB
    assert_published_at(rupiah, datetime.datetime(2024, 3, 15, 13, 30, tzinfo=datetime.UTC), "rupiah", paths)
    assert_published_at(timnas, datetime.datetime(2024, 3, 10, 21, 0, tzinfo=WIB), "timnas", paths)
    assert rupiah.last_published_at == rupiah.first_published_at


def test_an_imported_draft_keeps_its_time_when_an_editor_publishes_it(tmp_path, news, seed_related, purged):
    path = copy_seed(tmp_path)
    import_text(path, published_at="2022-01-21T14:30")
    story = ArticlePage.objects.get(guid=f"text:{path.stem}")
    assert not StoryEntry.objects.filter(story=story).exists()
    paths = purged(lambda: story.get_latest_revision().publish())
    assert_published_at(story, datetime.datetime(2022, 1, 21, 14, 30, tzinfo=WIB), "lavrov", paths)
