"""Purging the edge cache: after a change commits, start a new edition and ban the changed addresses.

Addresses are purge keys (the X-Purge-Key each page carries, core/cache.py); the VCL bans every stored page
whose key matches. Apps decide which keys a change touches (articles/purge.py for stories, pages/signals.py
for the front page and site-wide changes); this module sends them. Reader pages count in every language
(Indonesian at the bare path, English under /en/). Purges and the new edition wait for the transaction to
commit, so the edge never refetches the old page.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

from .edition import new_edition

EVERYTHING = "/*"  # the VCL bans every stored page for this key (site-wide changes)


def page_path(page):
    """A page's path on its site in the active language; None when it has no address."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def in_every_language(paths_for):
    """The paths `paths_for()` gives with each of the site's languages active, in order."""
    paths = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            paths += paths_for()
    return paths


def home_paths(home):
    """The front page in every language."""
    return in_every_language(lambda: [page_path(home)])


def edge_configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_on_commit(paths, site=None):
    """After commit: start a new edition, then purge `paths` on `site` (the default site) from the edge."""
    urls = []
    if paths and edge_configured():
        root_url = (site or Site.objects.get(is_default_site=True)).root_url
        urls = [root_url + path for path in paths]

    def purge():
        new_edition()
        PurgeBatch(urls).purge()

    transaction.on_commit(purge)


def purge_everything():
    """Purge every page of the site once the change commits (menu, site settings, a section renamed)."""
    purge_on_commit([EVERYTHING])
