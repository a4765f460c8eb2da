"""The editorial, admin and reader operations bench/archive_scale.py times against the archive."""

import random
import statistics
import time
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, Page

from redaksi.articles.models import ArticleIndexPage, ArticlePage

from .bulk_archive import story_body

ADDED_WORD = "tolokukur"  # in no corpus or synthetic text: the admin's rare-word search finds only added stories

OPERATIONS = {
    "add_story": "create + publish one story (add_child, save_revision().publish())",
    "explore_folder_desk": "admin listing: the desk's newest month folder, as the desk's editor",
    "explore_folder": "admin explorer: newest month folder (superuser)",
    "explore_section": "admin explorer: section (superuser)",
    "explore_section_desk": "admin explorer: section, as the desk's editor",
    "admin_dashboard": "admin dashboard (superuser)",
    "choose_page_folder": "admin page chooser: newest month folder",
    "edit_story": "admin edit form of a story",
    "admin_search": "admin page search, common word (in ~6% of headlines)",
    "admin_search_rare": "admin page search, rare word (only the added stories)",
    "article_page": "article page /read<ID>/<slug>",
    "section_latest_20": "section latest-20 query",
    "front_page": "home page / (headline, latest, one rail per section)",
    "section_page": "section page, first page",
    "section_page_deep": "section page, a keyset page (?sebelum=) halfway into the desk's archive",
    "indeks_old_day": "Indeks of an old day (the same 300 stories at both sizes)",
    "sitemap_index": "sitemap index /sitemap.xml",
    "sitemap_month": "sitemap of an old month (the same stories at both sizes)",
    "news_sitemap": "Google News sitemap (last 48 hours)",
    "rss_feed": "site RSS feed (latest 50)",
}
# The list ([performance], archive scale): each must stay under GOAL_RATIO from the baseline to the target.
GOALS = (
    "article_page", "front_page", "section_page", "section_page_deep", "indeks_old_day", "sitemap_month",
    "rss_feed", "explore_folder_desk",
)  # fmt: skip
GOAL_RATIO = 1.5
SEARCHES = ("admin_search", "admin_search_rare")


class Operations:
    """Each method runs one operation once; `i` varies the story or headline between repetitions."""

    def __init__(self, users, section, times, search_words, samples):
        """`times`: the newest story's time, an old day and an old month the baseline already holds in full."""
        self.user, desk_user = users
        self.section = section
        self.when, self.old_day, self.old_month = times
        self.search_words = search_words
        self.client, self.desk_client = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
        self.client.force_login(self.user)
        self.desk_client.force_login(desk_user)
        self.folder = section.archive_month(self.when)
        self.stories = sample_stories(samples)
        self.deep_cursor = halfway_story(section)

    def add_story(self, i):
        folder = self.section.archive_month(self.when)
        title = f"Redaksi menambah berita {ADDED_WORD} nomor {folder.numchild + 1} ({i})"
        story = ArticlePage(title=title, slug=f"berita-tambahan-{folder.pk}-{folder.numchild + 1}-{i}", owner=self.user)
        story.body = story_body(title, random.Random(i))  # noqa: S311 - synthetic text
        story.dateline_city, story.standfirst = "Jakarta", "Berita tambahan dari tolok ukur arsip."
        story = folder.add_child(instance=story)
        story.save_revision(user=self.user).publish(user=self.user)

    def explore_folder(self, i):
        self._get(reverse("wagtailadmin_explore", args=[self.folder.pk]))

    def explore_folder_desk(self, i):
        self._get(reverse("wagtailadmin_explore", args=[self.folder.pk]), self.desk_client)

    def explore_section(self, i):
        self._get(reverse("wagtailadmin_explore", args=[self.section.pk]))

    def explore_section_desk(self, i):
        self._get(reverse("wagtailadmin_explore", args=[self.section.pk]), self.desk_client)

    def admin_dashboard(self, i):
        self._get(reverse("wagtailadmin_home"))

    def choose_page_folder(self, i):
        self._get(reverse("wagtailadmin_choose_page_child", args=[self.folder.pk]))

    def edit_story(self, i):
        pk, _slug = self._story(i)
        self._get(reverse("wagtailadmin_pages:edit", args=[pk]))

    def admin_search(self, i):
        self._get(reverse("wagtailadmin_pages:search") + f"?q={self.search_words[0]}")

    def admin_search_rare(self, i):
        self._get(reverse("wagtailadmin_pages:search") + f"?q={self.search_words[1]}")

    def article_page(self, i):
        pk, slug = self._story(i)
        self._get(reverse("article", kwargs={"article_id": pk, "slug": slug}))

    def section_latest_20(self, i):
        stories = list(ArticlePage.objects.published().in_section(self.section).newest_first()[:20])
        if len(stories) != 20:
            raise RuntimeError(f"latest-20 of {self.section} returned {len(stories)} stories")

    def front_page(self, i):
        self._get("/")

    def section_page(self, i):
        self._get(self.section.url)

    def section_page_deep(self, i):
        self._get(f"{self.section.url}?sebelum={self.deep_cursor}")

    def indeks_old_day(self, i):
        self._get(f"{ArticleIndexPage.objects.get().url}?tanggal={timezone.localtime(self.old_day):%Y-%m-%d}")

    def sitemap_index(self, i):
        self._get(reverse("sitemap_index"))

    def sitemap_month(self, i):
        month = timezone.localtime(self.old_month)
        self._get(reverse("sitemap_month", kwargs={"year": month.year, "month": f"{month.month:02d}"}))

    def news_sitemap(self, i):
        self._get(reverse("news_sitemap"))

    def rss_feed(self, i):
        self._get(reverse("rss"))

    def _story(self, i):
        return self.stories[i % len(self.stories)]

    def _get(self, url, client=None):
        response = (client or self.client).get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")
        return response


def halfway_story(section):
    """The id of the story halfway down a desk's listing: the cursor a reader reaches by paging that far."""
    stories = ArticlePage.objects.published().in_section(section).newest_first().values_list("pk", flat=True)
    return stories[stories.count() // 2]  # OFFSET once, to set up; the page itself seeks


def desk_editor(section):
    """Return a non-superuser who may add, edit and publish in `section` only (Wagtail page permissions)."""
    group = Group.objects.create(name=f"Desk {section.title}")
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.create(group=group, page=section, permission=permission)
    user = get_user_model().objects.create_user(f"desk-{section.slug}", f"desk-{section.slug}@example.com", None)
    user.groups.add(group)
    return user


def sample_stories(count):
    """Return (pk, slug) of `count` stories spread evenly over the archive, oldest to newest (indexed lookups)."""
    low, high = Page.objects.order_by("pk").first().pk, Page.objects.order_by("pk").last().pk
    stories = ArticlePage.objects.order_by("pk").values_list("pk", "slug")
    starts = [low + (high - low) * n // count for n in range(count)]
    return [story for story in (stories.filter(pk__gte=start).first() for start in starts) if story]


@contextmanager
def deadline(seconds):
    """Abort database work still running `seconds` from now (SQLite: whole block; PostgreSQL: per statement)."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        end = time.monotonic() + seconds
        connection.connection.set_progress_handler(lambda: time.monotonic() > end, 100_000)
        try:
            yield
        finally:
            connection.connection.set_progress_handler(None, 0)
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")


def measure(operation, repeat, budget):
    """Warm up, count queries on one run, time `repeat` runs; give up on runs over `budget` seconds."""
    try:
        with deadline(budget):
            operation(0)
        with deadline(budget), CaptureQueriesContext(connection) as queries:
            operation(1)
        count, slowest = len(queries), slowest_statements(queries)  # read now: the next request clears the log
        times = [timed(operation, i, budget) for i in range(2, repeat + 2)]
    except OperationalError as error:
        return {"stopped_after_s": budget, "error": str(error)}
    return {
        "median_ms": round(statistics.median(times) * 1000, 2),
        "min_ms": round(min(times) * 1000, 2),
        "max_ms": round(max(times) * 1000, 2),
        "queries": count,
        "slowest_sql": slowest,
    }


def slowest_statements(queries, keep=3, threshold_s=0.005):
    """Return the slowest statements of a captured run (over 5 ms), shortened to their head and tail."""
    timed = sorted(((float(q["time"]), q["sql"]) for q in queries.captured_queries), reverse=True)[:keep]
    return [
        {"ms": round(seconds * 1000, 1), "sql": sql if len(sql) < 400 else f"{sql[:120]} ... {sql[-260:]}"}
        for seconds, sql in timed
        if seconds >= threshold_s
    ]


def timed(operation, i, budget):
    start = time.perf_counter()
    with deadline(budget):
        operation(i)
    return time.perf_counter() - start


def measure_all(ops, repeat, budget, searches=True):
    """Time every operation in OPERATIONS order (the admin searches only if bulk stories are indexed)."""
    names = [name for name in OPERATIONS if searches or name not in SEARCHES]
    return {name: measure(getattr(ops, name), repeat, budget) for name in names}
