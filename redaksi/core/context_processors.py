"""Template context every page shares."""

from django.utils.functional import SimpleLazyObject

from .edition import FRAGMENT_SECONDS, fragment_edition


def edition(request):
    """The site's edition and release for fragment cache keys, read from the cache only when a template uses it."""
    return {"edition": SimpleLazyObject(fragment_edition), "fragment_seconds": FRAGMENT_SECONDS}
