"""Absolute links on the site's own address, built the way Wagtail builds a page's full URL."""

from wagtail.models import Site


def site_root(request):
    """The site's address without a trailing slash, e.g. https://wartaekonomi.co.id (cached on the request)."""
    site = Site.find_for_request(request)
    return site.root_url if site else request.build_absolute_uri("/").rstrip("/")


def absolute_url(request, url):
    """`url` made absolute on the site's address; absolute URLs pass through, an empty value is None."""
    if not url or "://" in url:
        return url or None
    return site_root(request) + url
