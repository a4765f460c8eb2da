"""Behind the edge cache the reader's address comes from X-Forwarded-For, and only from a trusted proxy."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.urls import reverse

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.readership.addresses import reader_address
from redaksi.readership.models import HourlyReads

from .test_bots import READERS

VARNISH = "127.0.0.1"


def address(remote, forwarded=None):
    headers = {} if forwarded is None else {"X-Forwarded-For": forwarded}
    return reader_address(RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers))


@pytest.mark.parametrize(
    ("remote", "forwarded", "reader"),
    [
        ("203.0.113.7", None, "203.0.113.7"),
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),  # not from a proxy: the header is anyone's to forge
        (VARNISH, "198.51.100.1", "198.51.100.1"),
        (VARNISH, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # left of what Varnish appended may be forged
        (VARNISH, "198.51.100.1, 127.0.0.1", "198.51.100.1"),  # two trusted hops
        (VARNISH, "  198.51.100.1  ,127.0.0.1 ", "198.51.100.1"),
        ("::1", "2001:db8::1", "2001:db8::1"),
        ("::ffff:127.0.0.1", "::ffff:198.51.100.9", "198.51.100.9"),  # IPv4-mapped addresses
        (VARNISH, None, VARNISH),  # a reader on the proxy's own machine
        (VARNISH, "127.0.0.1", VARNISH),
    ],
)
def test_the_reader_is_the_right_most_untrusted_address(remote, forwarded, reader):
    assert address(remote, forwarded) == reader


@pytest.mark.parametrize(
    "forwarded",
    ["", "junk", " , ,", "999.1.1.1", "198.51.100.1:4711", "198.51.100.1, junk", "198.51.100.1,", "x" * 10000],
)
def test_junk_right_of_any_address_gives_the_proxy_address(forwarded):
    assert address(VARNISH, forwarded) == VARNISH


def test_junk_left_of_the_reader_is_ignored():
    assert address(VARNISH, "junk, <script>, 198.51.100.1") == "198.51.100.1"


def test_trusted_proxies_come_from_the_setting(settings):
    settings.READERSHIP_TRUSTED_PROXIES = ["10.0.0.0/8", "192.0.2.5"]

    assert address("10.1.2.3", "198.51.100.1, 10.9.9.9") == "198.51.100.1"
    assert address("192.0.2.5", "198.51.100.1") == "198.51.100.1"
    assert address(VARNISH, "198.51.100.1") == VARNISH  # loopback is no longer trusted


def test_a_junk_trusted_proxy_setting_is_named(settings):
    settings.READERSHIP_TRUSTED_PROXIES = ["127.0.0.1", "varnish.local"]

    with pytest.raises(ImproperlyConfigured, match="READERSHIP_TRUSTED_PROXIES: 'varnish.local' is not an address"):
        address(VARNISH, "198.51.100.1")


@pytest.mark.django_db
def test_readers_behind_the_edge_cache_count_apart_and_once_each(client, news):
    story = ArticlePageFactory(section=news)
    url = reverse("count_read", kwargs={"article_id": story.pk})
    browser = {"User-Agent": READERS["Chrome on Android"]}

    for forwarded in ("198.51.100.1", "198.51.100.2", "6.6.6.6, 198.51.100.1", "198.51.100.2"):
        client.get(url, headers={**browser, "X-Forwarded-For": forwarded}, REMOTE_ADDR=VARNISH)

    assert HourlyReads.objects.get().reads == 2
