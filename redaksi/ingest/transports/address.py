"""Which internet addresses the wire desk may fetch from: public ones, plus the networks settings allow.

Loopback, private, link-local (169.254.169.254 included), multicast, reserved and unspecified addresses
are refused, also inside IPv6 (IPv4-mapped `::ffff:a.b.c.d`, 6to4). `WIRE_ALLOWED_NETWORKS` (a list of
CIDR strings, empty by default) lets an outlet reach an agency server on its own network.
"""

import ipaddress
import socket

from django.conf import settings


class AddressRefused(Exception):
    """An address the wire desk must not fetch from (scheme, host or a resolved address)."""


def allowed_networks():
    return [ipaddress.ip_network(cidr, strict=False) for cidr in getattr(settings, "WIRE_ALLOWED_NETWORKS", ())]


def public(ip):
    """True for a global unicast address, looking through IPv6 wrappings of IPv4 addresses."""
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    inner = [ip.sixtofour] if ip.version == 6 and ip.sixtofour else []
    return all(
        each.is_global and not (each.is_multicast or each.is_reserved or each.is_unspecified) for each in [ip, *inner]
    )


def permitted(ip):
    """A public address, or one inside a network the settings allow."""
    unwrapped = ip.ipv4_mapped if ip.version == 6 and ip.ipv4_mapped else ip
    return public(ip) or any(unwrapped in network for network in allowed_networks())


def literal(host):
    """The host as an IP address when it is written as one, else None."""
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None


def resolve(host, port):
    """The host's addresses, every one of them permitted; raise AddressRefused when any is not.

    Raise OSError when the name does not resolve.
    """
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    ips = [literal(address) for address in addresses]
    if not ips or not all(ip is not None and permitted(ip) for ip in ips):
        raise AddressRefused(host)
    return addresses
