"""The site's edition: a number that moves on whenever what readers see changes across stories.

Publishing, unpublishing, correcting or re-ordering stories starts a new edition. The app's caches of
content that spans stories (rails, related stories, rendered story bodies that link to other stories)
are keyed by the edition, so they are never older than the pages the edge cache was told to purge.
The number lives in the shared cache (Redis in production), so every app server sees the same one.
"""

import time

from django.core.cache import cache

from redaksi import __version__

EDITION_KEY = "core:edition"
FRAGMENT_SECONDS = 24 * 60 * 60  # an edition seldom lasts this long; the limit only bounds memory


def current_edition():
    """The current edition number; a lost key starts again from the clock, never from an old number."""
    edition = cache.get(EDITION_KEY)
    if edition is None:
        cache.add(EDITION_KEY, time.time_ns() // 1000, None)
        edition = cache.get(EDITION_KEY)
    return edition


def new_edition():
    """Start a new edition and return its number."""
    try:
        return cache.incr(EDITION_KEY)
    except ValueError:  # no edition yet, or the cache lost it
        current_edition()
        return cache.incr(EDITION_KEY)


def cached_for_edition(name, compute, *vary_on):
    """`compute()`, kept in the cache until the next edition; `vary_on` adds what else the value depends on.

    For plain data (tuples, strings), never model instances: what the cache keeps must not go stale with
    the database rows it came from, and must unpickle cheaply on every request.
    """
    key = edition_key(name, *vary_on)
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
