"""Cache-Control from one place: public for anonymous readers' pages with their purge key, private otherwise."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from redaksi.articles.models import ArticleIndexPage
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core.cache import FEED, LISTING, NOT_FOUND, PRIVATE, STORY
from redaksi.sections.tests.factories import TagFactory

pytestmark = pytest.mark.django_db
NOON_WIB = datetime.datetime(2024, 5, 1, 5, 0, tzinfo=datetime.UTC)


@pytest.fixture
def story(outlet, news):
    return ArticlePageFactory(section=news, slug="harga-beras-naik", tags=[TagFactory(name="Beras")])


def headers(response):
    return response["Cache-Control"], response.headers.get("X-Purge-Key")


def test_a_story_is_public_under_one_key_for_all_its_addresses(client, story):
    assert headers(client.get(story.url)) == (STORY.header(), f"/read{story.pk}")
    short = client.get(f"/read{story.pk}")
    assert short.status_code == 301
    assert headers(short) == (STORY.header(), f"/read{story.pk}")
    assert headers(client.get(f"/en/read{story.pk}/harga-beras-naik")) == (STORY.header(), f"/en/read{story.pk}")


def test_the_policy_header_says_every_lifetime():
    assert STORY.header() == "public, max-age=60, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400"


@pytest.mark.parametrize(("path", "key"), [("/", "/"), ("/news/", "/news/"), ("/tag/beras/", "/tag/beras/")])
def test_listings_are_public_for_a_minute_keyed_by_path(client, story, path, key):
    response = client.get(f"{path}?halaman=2")
    assert response.status_code == 200
    assert headers(response) == (LISTING.header(), key)


def test_every_page_and_filter_of_an_indeks_day_shares_the_day_key(client, home, outlet, news):
    home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))
    with time_machine.travel(NOON_WIB, tick=False):
        today = client.get("/indeks/")
        filtered = client.get("/indeks/?tanggal=2024-05-01&rubrik=news&halaman=1")
        english = client.get("/en/indeks/?tanggal=2024-04-30")
    assert headers(today) == (LISTING.header(), "/indeks/?tanggal=2024-05-01")
    assert filtered["X-Purge-Key"] == "/indeks/?tanggal=2024-05-01"
    assert english["X-Purge-Key"] == "/en/indeks/?tanggal=2024-04-30"


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/rss/", "/rss/"),
        ("/atom/news/", "/atom/news/"),
        ("/sitemap.xml", "/sitemap.xml"),
        ("/sitemap-news.xml", "/sitemap-news.xml"),
        ("/robots.txt", "/robots.txt"),
    ],
)
def test_feeds_and_sitemaps_are_public_for_longer(client, story, path, key):
    assert headers(client.get(path)) == (FEED.header(), key)


def test_busy_month_sitemap_parts_share_the_month_key(client, story):
    response = client.get("/sitemap-2024-05-2.xml")
    assert response.status_code == 404
    assert headers(response) == (NOT_FOUND.header(), "/sitemap-2024-05.xml")


def test_not_found_pages_are_kept_briefly(client, story):
    assert headers(client.get("/tidak-ada/")) == (NOT_FOUND.header(), "/tidak-ada/")
    assert headers(client.get("/read999999")) == (NOT_FOUND.header(), "/read999999")


def test_the_api_keeps_its_own_policy_and_gains_a_purge_key(client, story):
    response = client.get(f"/api/v1/stories/{story.pk}")
    assert headers(response) == ("public, max-age=60", f"/api/v1/stories/{story.pk}")


def test_logged_in_editors_get_private_pages_without_a_key(client, story):
    client.force_login(get_user_model().objects.create_superuser("redaktur", "r@example.com", "pw"))
    for path in (story.url, "/", "/rss/", f"/api/v1/stories/{story.pk}"):
        assert headers(client.get(path)) == (PRIVATE, None), path


def test_a_session_without_a_login_is_private_too(client, story):
    client.cookies["sessionid"] = "password-unlocked-pages"
    assert headers(client.get(story.url)) == (PRIVATE, None)


def test_a_password_form_is_never_public(client, story):
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.PASSWORD, password="rahasia")
    response = client.get(story.url)
    assert b'name="password"' in response.content
    assert "private" in response["Cache-Control"] and "X-Purge-Key" not in response


def test_the_read_pixel_and_the_admin_stay_out_of_the_cache(client, story):
    assert headers(client.get(f"/baca/{story.pk}.gif"))[1] is None
    assert headers(client.get("/admin/login/"))[1] is None


def test_a_post_is_never_public(client, story):
    response = client.post(story.url)
    assert "public" not in response["Cache-Control"] and "X-Purge-Key" not in response


def test_browsers_keep_no_listing_or_not_found_page_which_the_edge_alone_can_refresh():
    """A reader going back to a section must see a story published meanwhile; a story's address opened before it
    went live must not stay a 404 in the browser (the newsroom browser test walks exactly this path)."""
    assert LISTING.header().startswith("public, max-age=0, ") and NOT_FOUND.header().startswith("public, max-age=0, ")
    assert LISTING.edge > 0 and NOT_FOUND.edge > 0


@pytest.mark.parametrize(
    ("raw_path", "key"),
    [
        ("/tidak-ada%0Aset-cookie:x/", "/tidak-ada%0Aset-cookie:x/"),
        ("/a%00b/", "/a%00b/"),
        ("/%E2%82%AC/", "/%E2%82%AC/"),
    ],
)
def test_a_path_with_control_or_foreign_characters_gets_its_key_encoded_never_a_500(client, home, raw_path, key):
    response = client.get(raw_path)
    assert response.status_code == 404
    assert headers(response) == (NOT_FOUND.header(), key)
