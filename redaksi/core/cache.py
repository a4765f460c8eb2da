"""Cache-Control for readers' pages, from one place: how long the edge and browsers may keep each kind of page.

The edge (Varnish, deploy/varnish/redaksi.vcl) keeps pages for `s-maxage` and is purged when a story
changes (redaksi/core/purge.py), so its lifetimes only bound what no purge covers (Terpopuler counts,
other stories' rails). Browsers cannot be purged: they get a short `max-age`. docs/caching.md has the table.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.encoding import escape_uri_path

PURGE_KEY_HEADER = "X-Purge-Key"
PUBLIC_STATUSES = {200, 301, 304, 404, 410}  # 304: the edge refreshes a stored 200 with its headers
PRIVATE = "private, no-store"
FEED_URL_NAMES = {
    "rss",
    "rss_section",
    "atom",
    "atom_section",
    "sitemap_index",
    "sitemap_pages",
    "sitemap_month",
    "sitemap_month_part",
    "news_sitemap",
    "robots_txt",
}
STORY_PATH = re.compile(r"^(?P<key>(/[a-z]{2})?/read\d+)(/|$)")
SITEMAP_PART_PATH = re.compile(r"^(?P<month>/sitemap-\d{4}-\d{2})-\d+\.xml$")
NEVER_PUBLIC_PATH = re.compile(r"^(/[a-z]{2})?/(admin|baca)/")


@dataclass(frozen=True)
class Policy:
    """How long (seconds) browsers and the edge keep a kind of page, and how stale the edge may serve it."""

    browser: int
    edge: int
    stale_while_revalidate: int
    stale_if_error: int = 86400

    def header(self):
        return (
            f"public, max-age={self.browser}, s-maxage={self.edge}, "
            f"stale-while-revalidate={self.stale_while_revalidate}, stale-if-error={self.stale_if_error}"
        )


# Stories: purged on change; other stories' rails refresh at 10 min.
STORY = Policy(browser=60, edge=600, stale_while_revalidate=60)
# Home, sections, Indeks, tags, people: purged on publish; browsers ask the edge each time, so a reader going
# back to a listing sees a story published meanwhile.
LISTING = Policy(browser=0, edge=300, stale_while_revalidate=60)
# Feeds, sitemaps, robots.txt: purged on publish.
FEED = Policy(browser=300, edge=900, stale_while_revalidate=120)
# 404/410: purged when a story goes live; never kept by browsers, so an address opened too early recovers.
NOT_FOUND = Policy(browser=0, edge=60, stale_while_revalidate=0, stale_if_error=0)


def policy_for(request, response):
    """The policy of a public response: by status, then by page kind (story, feed, or a listing)."""
    if response.status_code in (404, 410):
        return NOT_FOUND
    if STORY_PATH.match(request.path):
        return STORY
    match = request.resolver_match
    if match and match.url_name in FEED_URL_NAMES:
        return FEED
    return LISTING


def purge_key(request):
    """The address a purge names for this page: the path, one key per story and per sitemap month.

    Every address form of a story (/read<ID>, any slug) shares `/read<ID>`; a busy month's sitemap parts
    share the month's key. Query strings never count: a listing's pages and filters purge together.
    """
    story = STORY_PATH.match(request.path)
    if story:
        return story["key"]
    part = SITEMAP_PART_PATH.match(request.path)
    if part:
        return f"{part['month']}.xml"
    return escape_uri_path(request.path)


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def may_be_public(request, response):
    """Whether the edge may keep `response` for every anonymous reader of this address."""
    return (
        request.method in ("GET", "HEAD")
        and response.status_code in PUBLIC_STATUSES
        and not has_session(request)
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a form with a CSRF token (password pages)
        and not NEVER_PUBLIC_PATH.match(request.path)
    )


class CacheHeadersMiddleware:
    """Mark anonymous readers' pages public for the edge with their purge key; anything else private.

    A view that sets Cache-Control keeps it (the API, the read pixel, the health check); public ones still get
    their purge key. Requests with a session (editors, unlocked private stories) are never public: a page
    without a header, or one a view marked public, becomes `private, no-store` for them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if may_be_public(request, response):
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = policy_for(request, response).header()
            if "public" in response["Cache-Control"]:
                response.headers.setdefault(PURGE_KEY_HEADER, purge_key(request))
        elif "public" in response.get("Cache-Control", "public"):
            response["Cache-Control"] = PRIVATE
        return response
