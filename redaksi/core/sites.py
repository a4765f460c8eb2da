"""Which Wagtail site a request is for, kept in the cache until the next edition instead of a query per request.

Wagtail asks the database on every request that needs the site (`Site.find_for_request`: a CASE-ranked query on
the host). Sites change almost never; when one does, `pages.signals` purges everything and starts a new edition.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from .edition import FRAGMENT_SECONDS, edition_key

SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")


class CachedSiteMiddleware:
    """Give the request its site from the cache (a plain row, rebuilt as a Site), so Wagtail skips its query.

    On a miss nothing is asked here: Wagtail finds the site if the view needs one, and its answer is kept.
    Runs after CommonMiddleware, so only hosts in ALLOWED_HOSTS ever name a cache entry.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = edition_key("site", split_domain_port(request._get_raw_host())[0], request.get_port())
        row = cache.get(key)
        if row is not None:
            request._wagtail_site = Site(**row)
        response = self.get_response(request)
        if row is None and getattr(request, "_wagtail_site", None) is not None:
            cache.set(key, {field: getattr(request._wagtail_site, field) for field in SITE_FIELDS}, FRAGMENT_SECONDS)
        return response
