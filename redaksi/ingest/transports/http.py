"""Fetch a wire document from an http(s) address: a timeout, a size limit, no other schemes.

The opener knows only http and https (no file:, ftp: or data:), also for redirects.
"""

import urllib.request
from http.client import HTTPException
from urllib.error import URLError
from urllib.parse import urlsplit

from ..formats.wire_story import MAX_BYTES
from . import Document, TransportError

TIMEOUT = 15  # seconds
USER_AGENT = "Redaksi wire desk"
HANDLERS = (
    urllib.request.HTTPHandler,
    urllib.request.HTTPSHandler,
    urllib.request.HTTPRedirectHandler,
    urllib.request.HTTPDefaultErrorHandler,
    urllib.request.HTTPErrorProcessor,
)


def opener():
    director = urllib.request.OpenerDirector()
    for handler in HANDLERS:
        director.add_handler(handler())
    return director


def fetch(url, timeout=TIMEOUT):
    """Return the document at `url` as a one-element list; raise TransportError saying what went wrong."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise TransportError(f"{url}: only http and https addresses are polled")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310 (scheme checked above)
    try:
        with opener().open(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
    except (URLError, OSError, ValueError, HTTPException) as error:
        raise TransportError(f"{url}: {getattr(error, 'reason', error)}") from error
    if len(data) > MAX_BYTES:
        raise TransportError(f"{url}: answer larger than {MAX_BYTES // (1024 * 1024)} MB")
    return [Document(url, data)]
