"""The project's VCL in a real Varnish in front of the test server: what readers and editors get."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core import cache
from redaksi.core.tests.edge import VCL_DIR
from redaksi.sections.models import SectionPage

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(outlet, news):
    return ArticlePageFactory(section=news, title="Harga beras naik lagi", slug="harga-beras-naik")


def editor_session():
    """A logged-in editor's session cookie, as the browser would send it."""
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("redaktur", "r@example.com", "pw"))
    return f"sessionid={client.cookies['sessionid'].value}"


@pytest.mark.parametrize("path", ["/", "/news/", "/rss/", "/en/"])
def test_anonymous_pages_are_a_hit_the_second_time(edge, story, path):
    assert edge.get(path).cache == "MISS"
    again = edge.get(path)
    assert (again.status, again.cache) == (200, "HIT")
    assert "x-purge-key" not in again.headers


def test_a_story_and_its_short_address_are_cached(edge, story):
    assert edge.get(story.url).cache == "MISS"
    assert edge.get(story.url).cache == "HIT"
    short = edge.get(f"/read{story.pk}")
    assert (short.status, edge.get(f"/read{story.pk}").cache) == (301, "HIT")


def test_reader_cookies_and_reloads_do_not_fragment_or_bypass_the_cache(edge, story):
    edge.get(story.url)
    for headers in (
        {"Cookie": "_ga=GA1.2.3; csrftoken=abc"},
        {"Cookie": "_fbp=fb.1.2"},
        {"Cache-Control": "no-cache", "Pragma": "no-cache"},
        {"Accept-Language": "en-US,en;q=0.9"},
    ):
        assert edge.get(story.url, **headers).cache == "HIT", headers


def test_the_edge_compresses_pages(edge, story):
    edge.get(story.url)
    response = edge.get(story.url, **{"Accept-Encoding": "gzip"})
    assert response.headers.get("content-encoding") == "gzip"


def test_a_logged_in_editor_passes_and_never_poisons_the_cache(edge, live_server, story):
    session = editor_session()
    front = edge.get("/", Cookie=session)
    assert (front.status, front.cache, front.headers["cache-control"]) == (200, "PASS", "private, no-store")
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    editor = edge.get(story.url, Cookie=session)
    assert (editor.status, editor.cache) == (200, "PASS")
    assert "private" in editor.headers["cache-control"]
    assert "Harga beras naik lagi" in editor.body
    reader = edge.get(story.url)
    assert reader.status == 302 and "Harga beras naik lagi" not in reader.body
    assert edge.get(story.url, Cookie=session).cache == "PASS"


def test_the_admin_and_the_read_pixel_always_reach_the_app(edge, story):
    for path in ("/admin/login/", f"/baca/{story.pk}.gif"):
        edge.get(path)
        assert edge.get(path).cache == "PASS", path


def test_purge_bans_every_variant_of_one_key_and_nothing_else(edge, story):
    for path in ("/news/", f"/news/?sebelum={story.pk}", "/"):
        edge.get(path)
    assert edge.get("/news/", method="PURGE").status == 200
    assert edge.get("/news/").cache == "MISS"
    assert edge.get(f"/news/?sebelum={story.pk}").cache == "MISS"
    assert edge.get("/").cache == "HIT"


def test_purging_everything_bans_every_page(edge, story):
    for path in ("/", story.url, "/rss/"):
        edge.get(path)
    assert edge.get("/*", method="PURGE").status == 200
    assert [edge.get(path).cache for path in ("/", story.url, "/rss/")] == ["MISS", "MISS", "MISS"]


def test_only_loopback_may_purge():
    vcl = (VCL_DIR / "redaksi.vcl").read_text()
    acl = re.search(r"acl purgers \{(.*?)\}", vcl, re.S).group(1)
    assert re.findall(r'"([^"]+)"', acl) == ["127.0.0.1", "::1"]
    assert "client.ip !~ purgers" in vcl and "synth(405" in vcl


def failing_page(*args, **kwargs):
    raise RuntimeError("the app is failing")


def test_past_its_lifetime_a_page_is_refetched_and_served_stale_only_when_the_app_fails(edge, story, monkeypatch):
    monkeypatch.setattr(cache, "LISTING", cache.Policy(browser=0, edge=1, stale_while_revalidate=0))
    edge.get("/news/")
    time.sleep(1.2)
    assert edge.get("/news/").cache == "MISS"  # the app answers: no stale copy beyond stale-while-revalidate
    monkeypatch.setattr(SectionPage, "get_context", failing_page)
    time.sleep(1.2)
    stale = edge.get("/news/")
    assert (stale.status, stale.cache, story.title in stale.body) == (200, "HIT", True)
    assert edge.get(f"/news/?sebelum={story.pk}").status == 500  # nothing stored to fall back on: the app's error page
