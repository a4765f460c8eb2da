"""Every old WordPress address of an imported post answers 301 with its new one.

A post's `<link>`, its `<guid>` when that is an address, and WordPress's query forms (`?p=ID`,
`?page_id=ID`, `?attachment_id=ID`) each get a permanent Wagtail redirect to the new page (to the photo's
file for attachments). Wagtail's RedirectMiddleware only looks at requests that would answer 404, and
`/?p=ID` is the front page: `WordPressQueryRedirectMiddleware` answers those query forms first.
"""

from urllib.parse import urlsplit

from django.http import HttpResponsePermanentRedirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

QUERY_KEYS = {"post": "p", "page": "page_id", "attachment": "attachment_id"}
QUERY_PARAMS = frozenset(QUERY_KEYS.values())
PATH_LENGTH = Redirect._meta.get_field("old_path").max_length


def old_paths(post, site):
    """Return the normalised old paths a post was reachable at (its own host's path; no front page)."""
    base = urlsplit(site.base_blog_url or site.base_site_url or site.link).path.rstrip("/")
    candidates = [post.link, post.guid if post.guid.startswith(("http://", "https://")) else ""]
    if post.id.isdigit():
        candidates.append(f"{base}/?{QUERY_KEYS.get(post.type, 'p')}={post.id}")
        candidates.append(f"{base}/?p={post.id}")
    paths = []
    for url in filter(None, candidates):
        parts = urlsplit(url)
        path = Redirect.normalise_path(parts.path + (f"?{parts.query}" if parts.query else ""))
        if path != "/" and path not in paths:
            paths.append(path)
    return paths


def redirect_old_paths(paths, page=None, link=""):
    """Point each old path at `page` (or at `link`), on every site; replaces what an earlier run made.

    A path the page itself now answers at gets no redirect (a static page that kept its slug), nor does one
    longer than Wagtail stores (the caller warns). Returns the number of redirects made.
    """
    current = Redirect.normalise_path(page.url) if page and page.url else None
    paths = [path for path in paths if path != current and len(path) <= PATH_LENGTH]
    for path in paths:
        Redirect.objects.update_or_create(
            old_path=path,
            site=None,
            defaults={
                "redirect_page": page,
                "redirect_link": "" if page else link,
                "is_permanent": True,
                "automatically_created": False,
            },
        )
    return len(paths)


class WordPressQueryRedirectMiddleware:
    """Redirect WordPress's `?p=`, `?page_id=` and `?attachment_id=` addresses before a page answers them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not QUERY_PARAMS.isdisjoint(request.GET):
            path = Redirect.normalise_path(request.get_full_path())
            redirect = Redirect.get_for_site(Site.find_for_request(request)).filter(old_path=path).first()
            if redirect and redirect.link:
                return HttpResponsePermanentRedirect(redirect.link)
        return self.get_response(request)
