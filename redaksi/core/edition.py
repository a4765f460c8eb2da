"""The site's edition: a number that moves on whenever what readers see changes across stories.

Publishing, unpublishing, correcting or re-ordering stories starts a new edition. The app's caches of
content that spans stories (rails, related stories, rendered story bodies that link to other stories)
are keyed by the edition, so they are never older than the pages the edge cache was told to purge.
The number lives in the shared cache (Redis in production), so every app server sees the same one.
"""

import time

from django.core.cache import cache

EDITION_KEY = "core:edition"


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
