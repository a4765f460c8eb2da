"""The site's edition: a number that moves on whenever what readers see changes across stories.

Publishing, unpublishing, correcting or re-ordering stories starts a new edition. The app's caches of
content that spans stories (rails, related stories, rendered story bodies that link to other stories)
are keyed by the edition, so they are never older than the pages the edge cache was told to purge.
The number lives in the shared cache (Redis in production), so every app server sees the same one.

When the cache cannot be asked (Redis down), the edition is unknown and pages render fresh from the
database: `current_edition()` answers a key nobody has cached under, and skips asking again for
RETRY_AFTER. A process that saw the cache fail starts a new edition once it answers again, so a story
published during the outage (whose new edition was lost) never brings back fragments from before it.
"""

import logging
import time
import uuid

from django.core.cache import cache

from redaksi import __version__

logger = logging.getLogger(__name__)

EDITION_KEY = "core:edition"
FRAGMENT_SECONDS = 24 * 60 * 60  # an edition seldom lasts this long; the limit only bounds memory
FRESH = "fresh-"  # the prefix of an unknown edition: nothing is ever cached under it twice
RETRY_AFTER = 1.0  # seconds this process renders fresh after the cache failed, before asking it again


class Outage:
    """This process's view of the cache: when to ask it again, and whether it failed since it last answered."""

    retry_at = 0.0
    seen = False


def current_edition():
    """The current edition number; a lost key starts again from the clock, never from an old number.

    An unreachable cache gives an unknown edition (a fresh key each time): render fresh, cache nothing.
    """
    if time.monotonic() < Outage.retry_at:
        return unknown_edition()
    edition = read_edition()
    if edition is None:
        cache_failed("reading the edition")
        return unknown_edition()
    if Outage.seen:
        edition = start_edition_after_outage(edition)
    return edition


def read_edition():
    """The stored edition, created from the clock when missing; None when the cache fails."""
    try:
        edition = cache.get(EDITION_KEY)
        if edition is None:
            cache.add(EDITION_KEY, time.time_ns() // 1000, None)
            edition = cache.get(EDITION_KEY)
    except Exception:  # a backend that raises instead of failing open (django-redis IGNORE_EXCEPTIONS)
        return None
    return edition


def start_edition_after_outage(edition):
    """Start a new edition: a change made while the cache was down may not have started its own."""
    Outage.seen = False
    logger.warning("the cache answers again: starting a new edition")
    return new_edition() or edition


def new_edition():
    """Start a new edition and return its number (None when the cache fails: it starts when the cache returns)."""
    try:
        edition = cache.incr(EDITION_KEY)
    except ValueError:  # no edition yet, or the cache lost it
        edition = read_edition() and cache.incr(EDITION_KEY)
    except Exception:
        edition = None
    if edition is None:
        cache_failed("starting a new edition")
    return edition


def cache_failed(doing):
    if not Outage.seen:
        logger.warning("the cache failed %s: pages render fresh until it answers", doing)
    Outage.seen = True
    Outage.retry_at = time.monotonic() + RETRY_AFTER


def unknown_edition():
    return f"{FRESH}{uuid.uuid4().hex}"


def cached_for_edition(name, compute, *vary_on):
    """`compute()`, kept in the cache until the next edition; `vary_on` adds what else the value depends on.

    For plain data (tuples, strings), never model instances: what the cache keeps must not go stale with
    the database rows it came from, and must unpickle cheaply on every request.
    """
    key = edition_key(name, *vary_on)
    if key.startswith(f"edition:{FRESH}"):
        return compute()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, FRAGMENT_SECONDS)
    return value


def edition_key(name, *vary_on):
    """The cache key of `name` (for the values `vary_on`) in the current edition of this release."""
    return ":".join(["edition", str(current_edition()), __version__, name, *map(str, vary_on)])


def fragment_edition():
    """The edition and the release, for template fragment keys: a new release never serves an older one's HTML."""
    return f"{current_edition()}-{__version__}"
