"""Reader URL parameters are Indonesian on every page; the English names pages used before still work.

Search takes `q`, `rubrik`, `dari`, `sampai`, `urut`, `halaman`; listings `sebelum`/`sesudah`; Indeks
`tanggal`, `rubrik`, `halaman`; the video hub `halaman`. A page that renamed a parameter answers an address
with the old name by a permanent redirect to the new one, so bookmarks, shared links and search engines
follow, and the edge caches one copy per address.
"""

from django.http import HttpResponsePermanentRedirect

PAGE = "halaman"


def renamed_params_redirect(request, renamed):
    """A 301 to this address with the old parameter names of `renamed` (old: new) replaced, or None.

    The values stay as they were, valid or not: the page judges them after the redirect. When an address
    has both names, the new one wins and the old one is dropped.
    """
    if request.method not in ("GET", "HEAD") or renamed.keys().isdisjoint(request.GET):
        return None
    query = request.GET.copy()
    for old, new in renamed.items():
        values = query.pop(old, None)
        if values is not None and new not in query:
            query.setlist(new, values)
    return HttpResponsePermanentRedirect(f"{request.path}?{query.urlencode()}" if query else request.path)
