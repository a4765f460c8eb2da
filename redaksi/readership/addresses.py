"""The reader's address behind the edge cache: X-Forwarded-For, believed only from trusted proxies.

Behind Varnish every request comes from the proxy's address, which would make all readers one. Each proxy
appends the address it got the request from to X-Forwarded-For, so reading from the right, past the trusted
proxies, the first address is the one a trusted proxy saw: the reader. Everything left of it may be forged.
"""

import functools
import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_TRUSTED_PROXIES = ("127.0.0.1/32", "::1/128")  # loopback: Varnish on the same machine


def reader_address(request):
    """REMOTE_ADDR, or from a trusted proxy the right-most untrusted valid address of X-Forwarded-For."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted(parse_address(remote)):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed(forwarded.split(",")):
        address = parse_address(hop.strip())
        if address is None:  # junk: nothing left of it can be told from a forgery
            return remote
        if not is_trusted(address):
            return str(address)
    return remote


def parse_address(text):
    """An IPv4 or IPv6 address (an IPv4-mapped IPv6 one as IPv4), or None for anything else."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def is_trusted(address):
    return address is not None and any(address in network for network in trusted_networks())


def trusted_networks():
    return parse_networks(tuple(getattr(settings, "READERSHIP_TRUSTED_PROXIES", DEFAULT_TRUSTED_PROXIES)))


@functools.cache
def parse_networks(proxies):
    """The networks of READERSHIP_TRUSTED_PROXIES (addresses or CIDR ranges); a junk entry is named."""
    networks = []
    for proxy in proxies:
        try:
            networks.append(ipaddress.ip_network(proxy, strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(f"READERSHIP_TRUSTED_PROXIES: {proxy!r} is not an address or network") from error
    return tuple(networks)
