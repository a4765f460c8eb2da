"""The site's edition: a number that moves on whenever what readers see changes across stories.

Publishing, unpublishing, correcting or re-ordering stories starts a new edition. The app's caches of
content that spans stories (rails, related stories, rendered story bodies that link to other stories)
are keyed by the edition, so they are never older than the pages the edge cache was told to purge.
The number lives in the shared cache (Redis in production), so every app server sees the same one.

When the cache cannot be asked (Redis down), the edition is unknown and pages render fresh from the
database: `current_edition()` answers a key nobody has cached under, and skips asking again for
RETRY_AFTER. A change made during the outage cannot start its edition: it leaves a PendingEdition row in
the database, and the first process to reach the cache again starts that one new edition for all. An outage
without changes keeps the edition, so the fragments from before it serve again at once: throwing them away
(every process used to start its own edition) left the app rendering everything afresh while it worked off
the requests queued during the outage, and /health/ answered ~20 s late (docs/caching.md). A cache that came
back older than this process last saw it (restored from a snapshot) also starts a new edition.
"""

import logging
import time
import uuid

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils import timezone

from redaksi import __version__

logger = logging.getLogger(__name__)

EDITION_KEY = "core:edition"
FRAGMENT_SECONDS = 24 * 60 * 60  # an edition seldom lasts this long; the limit only bounds memory
FRESH = "fresh-"  # the prefix of an unknown edition: nothing is ever cached under it twice
RETRY_AFTER = 1.0  # seconds this process renders fresh after the cache failed, before asking it again


class Outage:
    """This process's view of the cache: when to ask it again, whether it failed since it last answered, the
    last edition it read, and whether it owes a new edition it could not record in the database."""

    retry_at = 0.0
    seen = False
    last_edition = None
    owed = False


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
        edition = settle_outage(edition)
    Outage.last_edition = edition
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


def settle_outage(edition):
    """Start the edition a change during the outage could not, or one after a cache that lost data; else keep it."""
    Outage.seen = False
    rolled_back = Outage.last_edition is None or edition < Outage.last_edition
    if not (Outage.owed or rolled_back or take_pending_edition()):
        logger.warning("the cache answers again: edition %s kept (no change while it was down)", edition)
        return edition
    Outage.owed = False
    logger.warning("the cache answers again: starting a new edition")
    return new_edition() or edition


def take_pending_edition():
    """Whether a change left a pending edition, taken so only one process starts it (True if the database fails)."""
    from .models import PendingEdition

    try:
        with transaction.atomic():  # a savepoint: a failure leaves a caller's transaction usable
            return PendingEdition.objects.filter(pk=1).delete()[0] > 0
    except DatabaseError:
        return True


def leave_pending_edition():
    """Record in the database that a change could not start its edition; failing that, owe it in this process."""
    from .models import PendingEdition

    try:
        with transaction.atomic():
            PendingEdition.objects.update_or_create(pk=1, defaults={"requested_at": timezone.now()})
    except DatabaseError:
        Outage.owed = True


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
        leave_pending_edition()
    else:
        Outage.last_edition = edition
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
