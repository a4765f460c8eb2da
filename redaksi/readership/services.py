"""Terpopuler: count reads per story and WIB hour, and rank the most read stories of a recent window."""

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac

from redaksi.articles.models import ArticlePage, article_path

from . import fallback, pending
from .addresses import parse_address
from .bots import is_reader
from .models import HourlyReads

MOST_READ_LIMIT = 5
MOST_READ_CACHE_SECONDS = 5 * 60
DAY, WEEK = 24, 7 * 24  # hours of the two Terpopuler windows
KEEP_DAYS = 8  # the week window and a day of slack
RANKING_VERSION = "readership:most-read:version"  # bumped to drop every cached ranking at once
SAME_READER_FOR = 30 * 60  # seconds: a reader's reloads of a story within this count once
# Seconds between two counted reads of a story from one address (an IPv6 /64), whatever the User-Agent:
# at most 60 an hour, 1,440 a day. Sized for carrier-grade NAT in docs/deployment.md ("When a part fails").
SAME_ADDRESS_EVERY = 60


@dataclass(frozen=True)
class ReadStory:
    """One Terpopuler row: plain data, safe to keep in a shared cache; the URL follows the active language."""

    pk: int
    slug: str
    listing_title: str
    section_title: str
    first_published_at: datetime
    reads: int

    @property
    def url(self):
        return article_path(self.pk, self.slug)


def hour_of(moment):
    """The start of the WIB clock hour `moment` falls in (WIB has whole-hour offsets, so UTC agrees)."""
    return timezone.localtime(moment).replace(minute=0, second=0, microsecond=0)


def count_read(article_id, address, user_agent):
    """Count a reader's read of a published story, once per SAME_READER_FOR; return whether it counted.

    With REDIS_URL set the read waits in Redis for the next flush (pending.py); otherwise it is added to
    its HourlyReads row at once.

    Robots are not counted. No cookie, and nothing personal is stored: the reader is a keyed hash of
    address, User-Agent and story, remembered in the cache for SAME_READER_FOR only. One address counts
    at most once per SAME_ADDRESS_EVERY per story, so a machine changing its User-Agent buys nothing.
    """
    if not is_reader(user_agent) or not first_read_in_a_while(article_id, address, user_agent):
        return False
    if not address_may_count(article_id, address):
        return False
    if not ArticlePage.objects.published().filter(pk=article_id).exists():
        return False
    if pending.counting_in_redis():
        pending.add_read(article_id, hour_of(timezone.now()))
    else:
        record_read(article_id)
    return True


def first_read_in_a_while(article_id, address, user_agent):
    """Remember this reader of this story for SAME_READER_FOR; False when already remembered."""
    reader = salted_hmac("redaksi.readership.reader", f"{address}|{user_agent}|{article_id}").hexdigest()
    return remember(f"readership:seen:{reader}", SAME_READER_FOR)


def address_may_count(article_id, address):
    """Whether this address (IPv6: its /64, one subscriber's) has had no read of the story counted lately."""
    group = salted_hmac("redaksi.readership.address", f"{address_group(address)}|{article_id}").hexdigest()
    return remember(f"readership:address:{group}", SAME_ADDRESS_EVERY)


def address_group(address):
    """The address, or for IPv6 its /64: a subscriber gets a whole /64 and may use any address in it."""
    parsed = parse_address(address)
    if parsed is None or parsed.version == 4:
        return address
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def remember(key, seconds):
    """Add `key` to the shared cache for `seconds`; False when there. The cache failing: this process's memory."""
    try:
        added = cache.add(key, True, seconds)
    except Exception:  # noqa: BLE001 - a backend that raises instead of failing open
        added = None
    if added is None:  # django-redis with IGNORE_EXCEPTIONS: the cache is unreachable
        return fallback.remember(key, seconds)
    return added


def record_read(article_id, now=None):
    """Add one read to the story's row for this hour: an UPDATE ... + 1, an INSERT when the row is missing.

    Two readers of a quiet story may both find no row; the loser's INSERT fails the unique constraint and
    it adds its read to the winner's row instead.
    """
    hour = hour_of(now or timezone.now())
    rows = HourlyReads.objects.filter(article_id=article_id, hour=hour)
    if rows.update(reads=F("reads") + 1):
        return
    try:
        with transaction.atomic():
            HourlyReads.objects.create(article_id=article_id, hour=hour, reads=1)
    except IntegrityError:
        rows.update(reads=F("reads") + 1)


def most_read(hours, limit=MOST_READ_LIMIT):
    """The `limit` most read published stories of the last `hours`, cached a few minutes: one query a window."""
    key = f"readership:most-read:{cache.get(RANKING_VERSION, 0)}:{hours}:{limit}"
    stories = cache.get(key)
    if stories is None:
        stories = rank_reads(timezone.now() - timedelta(hours=hours), limit)
        cache.set(key, stories, MOST_READ_CACHE_SECONDS)
    return stories


def forget_rankings():
    """Drop every cached Terpopuler ranking, so a story that left the site leaves it at once."""
    try:
        cache.incr(RANKING_VERSION)
    except ValueError:  # no version yet
        cache.set(RANKING_VERSION, 1, None)


def rank_reads(since, limit):
    """Sum the reads since `since` per published story, most read first, newer first among equals.

    One query joining the story, its page row and its section: all a Terpopuler row shows. The join
    repeats ArticlePageQuerySet.published() (live, with a publication time) so the hour index drives the plan.
    """
    rows = (
        HourlyReads.objects.filter(hour__gte=hour_of(since), article__live=True, article__published_at__isnull=False)
        .values("article_id")
        .annotate(
            total=Sum("reads"),
            slug=F("article__slug"),
            title=F("article__title"),
            short_title=F("article__short_title"),
            section_title=F("article__section__title"),
            published=F("article__published_at"),
        )
        .order_by("-total", "-published", "-article_id")[:limit]
    )
    return [read_story(row) for row in rows]


def read_story(row):
    return ReadStory(
        pk=row["article_id"],
        slug=row["slug"],
        listing_title=row["short_title"] or row["title"],
        section_title=row["section_title"] or "",
        first_published_at=row["published"],
        reads=row["total"],
    )


def prune_reads(now=None):
    """Delete the hourly counts older than KEEP_DAYS; return how many rows went."""
    cutoff = (now or timezone.now()) - timedelta(days=KEEP_DAYS)
    deleted, _by_model = HourlyReads.objects.filter(hour__lt=cutoff).delete()
    return deleted
