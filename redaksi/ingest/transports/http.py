"""Fetch a wire document from an http(s) address, without letting the address reach inside the network.

Only http and https. Every hop (the address and each redirect, at most MAX_REDIRECTS) is resolved once,
refused unless every address is public (`address.py`), and the connection goes to the address that was
checked, with the Host header and TLS name of the URL: a DNS answer that changes between the check and
the connection cannot redirect it. Answers are capped in size and time. Errors are one text per kind,
the same for a closed, a filtered and a non-HTTP port, so "last error" does not map the network.
"""

import http.client
import socket
import ssl
import time
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.utils.translation import gettext as _

from ..formats.wire_story import MAX_BYTES
from . import Document, TransportError
from .address import AddressRefused, literal, permitted, resolve

TIMEOUT = 15  # seconds, for connecting and for each read
DEADLINE = 60  # seconds, for the whole fetch, redirects included
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024
USER_AGENT = "Redaksi wire desk"


def refused():
    return TransportError(_("Address not allowed"))


def unreachable():
    return TransportError(_("The source cannot be reached"))


def fetch(url, timeout=None):
    """Return the document at `url` as a one-element list; raise TransportError with a generic text."""
    timeout, deadline = timeout or TIMEOUT, time.monotonic() + DEADLINE
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            status, location, data = get(url, timeout, deadline)
        except AddressRefused as error:
            raise refused() from error
        except (OSError, ValueError, http.client.HTTPException) as error:
            raise unreachable() from error
        if status not in REDIRECTS:
            return [Document(url, checked_answer(status, data))]
        if not location:
            raise unreachable()
        url = urljoin(url, location)
    raise unreachable()


def checked_answer(status, data):
    if status != 200:
        raise TransportError(_("The source answered with HTTP status %(status)d") % {"status": status})
    if len(data) > MAX_BYTES:
        raise TransportError(_("The answer is larger than %(size)d MB") % {"size": MAX_BYTES // (1024 * 1024)})
    return data


def url_allowed(url):
    """Whether a source may be saved with this address: http(s), and not a refused IP written as such.

    Host names are resolved and checked when polled, on every hop.
    """
    try:
        parts = urlsplit(url)
        ip = literal(parts.hostname or "")
        return parts.scheme in ("http", "https") and bool(parts.hostname) and (ip is None or permitted(ip))
    except ValueError:
        return False


def target(url):
    """The URL's parts, its port and the checked addresses to connect to; raise AddressRefused."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressRefused(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    ip = literal(parts.hostname)
    if ip is not None and not permitted(ip):
        raise AddressRefused(url)
    return parts, port, resolve(parts.hostname, port)


def get(url, timeout, deadline):
    """One GET to a checked address: (status, Location header, up to MAX_BYTES + 1 bytes of the body)."""
    parts, port, addresses = target(url)
    connection = pinned_connection(parts, port, addresses[0], timeout)
    try:
        path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
        response = connection.getresponse()
        if response.status in REDIRECTS:
            return response.status, response.getheader("Location", ""), b""
        return response.status, None, read(response, deadline)
    finally:
        connection.close()


def pinned_connection(parts, port, address, timeout):
    """An HTTP(S) connection to `address` that speaks to the URL's host name (Host header, SNI, certificate)."""
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, port, timeout=timeout)

    def connect(host_port, *args, **kwargs):
        return socket.create_connection((address, host_port[1]), *args, **kwargs)

    connection._create_connection = connect  # the only address connected to is the checked one
    return connection


def read(response, deadline):
    """The body, stopping past MAX_BYTES; raise TimeoutError once the whole fetch's time is up."""
    chunks, size = [], 0
    while size <= MAX_BYTES:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read1(CHUNK)  # what one receive brings, so a trickling answer meets the deadline
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)
