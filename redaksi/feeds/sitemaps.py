"""XML sitemaps at archive scale: an index of month sitemaps, each an indexed time range, and Google News.

A month's sitemap lists the stories first published in that WIB month, oldest first. Months over
URLS_PER_SITEMAP stories are split into parts; only months whose archive folders hold that many stories
are counted exactly, so the index costs a few small queries whatever the archive's size.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from django.contrib.contenttypes.models import ContentType
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Page

from redaksi.articles.models import ArticleIndexPage, article_path
from redaksi.core.wib import WIB
from redaksi.media.models import VideoIndexPage
from redaksi.pages.models import HomePage, MastheadPage, StandardPage
from redaksi.sections.models import ArchiveMonthPage, SectionPage

from .public import public_stories

URLS_PER_SITEMAP = 45_000  # of the 50,000 allowed: room for stories filed in one month and published in the next
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs per news sitemap
PAGE_TYPES = (HomePage, SectionPage, ArticleIndexPage, VideoIndexPage, StandardPage, MastheadPage)


@dataclass(frozen=True)
class MonthPart:
    """One sitemap of the index: a WIB month, or a numbered part of a very busy month."""

    year: int
    month: int
    part: int = 1

    @property
    def start(self):
        return datetime(self.year, self.month, 1, tzinfo=WIB)

    @property
    def end(self):
        return datetime(self.year + self.month // 12, self.month % 12 + 1, 1, tzinfo=WIB)


def archive_span():
    """The WIB months of the first and the last public story, or None for an empty archive (two index seeks)."""
    times = public_stories().order_by("published_at").values_list("published_at", flat=True)
    first, last = times.first(), times.reverse().first()
    if first is None:
        return None
    return timezone.localtime(first, WIB), timezone.localtime(last, WIB)


def month_parts():
    """Every sitemap of the story archive, oldest month first: two index seeks and one folder query."""
    span = archive_span()
    if span is None:
        return []
    filed = folder_counts()
    return [part for year, month in months_between(*span) for part in parts_of(year, month, filed)]


def parts_of(year, month, filed):
    """The sitemap parts of one month; only a month whose folders hold a full sitemap is counted exactly."""
    count = filed.get(f"{year:04d}-{month:02d}", 0)
    if count >= URLS_PER_SITEMAP:
        count = stories_in(MonthPart(year, month)).count()
    return [MonthPart(year, month, part) for part in range(1, max(1, ceil(count / URLS_PER_SITEMAP)) + 1)]


def month_in_archive(year, month):
    span = archive_span()
    return span is not None and (span[0].year, span[0].month) <= (year, month) <= (span[1].year, span[1].month)


def folder_counts():
    """Stories filed per month across every section's archive folders (drafts included): an upper estimate."""
    folders = Page.objects.filter(content_type=ContentType.objects.get_for_model(ArchiveMonthPage))  # by index
    rows = folders.values("slug").annotate(stories=Sum("numchild")).order_by()
    return {row["slug"]: row["stories"] for row in rows}


def months_between(first, last):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def stories_in(part):
    """The public stories first published in the part's month: a range on the publication-time index."""
    return public_stories().filter(published_at__gte=part.start, published_at__lt=part.end)


def part_entries(part, is_last):
    """(path, lastmod, hero image file) of one part's stories, oldest first; the last part takes the rest.

    Reads bare values, not pages: a month holds thousands of stories and each costs microseconds this way.
    """
    rows = (
        stories_in(part)
        .order_by("published_at", "pk")
        .values_list("pk", "slug", "last_published_at", "published_at", "hero_image__file")
    )
    offset = (part.part - 1) * URLS_PER_SITEMAP
    rows = rows[offset:] if is_last else rows[offset : offset + URLS_PER_SITEMAP]
    return [(article_path(pk, slug), last or first, image) for pk, slug, last, first, image in rows]


def news_stories():
    """(path, publication time, headline) of the stories of the last 48 hours for Google News, newest first."""
    since = timezone.now() - NEWS_WINDOW
    rows = (
        public_stories()
        .filter(published_at__gte=since)
        .newest_first()
        .values_list("pk", "slug", "published_at", "title")
    )
    return [(article_path(pk, slug), published_at, title) for pk, slug, published_at, title in rows[:NEWS_LIMIT]]


def site_pages():
    """The site's standing pages: home, sections, Indeks, video hub, static pages (by type, never a tree scan)."""
    return Page.objects.live().public().type(*PAGE_TYPES).order_by("path")
