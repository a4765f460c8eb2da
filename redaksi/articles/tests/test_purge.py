"""Publishing purges exactly the pages that show a story from a real Varnish, within a second of the publish."""

import logging
import time

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import PageViewRestriction

from redaksi.articles.models import ArticleIndexPage, ArticlePage
from redaksi.core.models import SiteSettings
from redaksi.core.tests.edge import edge_cache
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import SectionPageFactory, TagFactory

from .editing import edit_url, new_note, newsroom_account, open_editor, story_form
from .factories import ArticlePageFactory

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]
HEADLINE = "Bank sentral menahan suku bunga"


@pytest.fixture
def newsroom(home, outlet, news):
    """Indeks, a second desk with a story of its own, and a news story already live."""
    home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))
    sport = SectionPageFactory(title="Olahraga", slug="olahraga")
    ArticlePageFactory(section=sport, title="Timnas menang tipis")
    return ArticlePageFactory(section=news, title="Harga beras naik lagi", slug="harga-beras-naik")


def warm(edge, paths):
    """Read every path twice through the edge, so each is stored and the second read a HIT."""
    for path in paths:
        edge.get(path)
        assert edge.get(path).cache == "HIT", path


def test_a_new_story_appears_everywhere_it_is_listed_and_nowhere_else_is_purged(edge, newsroom):
    listed = ["/", "/news/", "/indeks/", "/tag/moneter/", "/profil/rina-kusuma/", "/rss/", "/atom/", "/rss/news/"]
    listed += ["/en/", "/en/news/", "/sitemap-news.xml"]
    unrelated = ["/olahraga/", "/rss/olahraga/", "/en/olahraga/", newsroom.url]
    author, tag = PersonFactory(name="Rina Kusuma", slug="rina-kusuma"), TagFactory(name="Moneter")
    ArticlePageFactory(section=newsroom.section, title="Sebelumnya", authors=[author], tags=[tag])
    warm(edge, listed + unrelated)

    story = ArticlePageFactory(section=newsroom.section, title=HEADLINE, draft=True, authors=[author], tags=[tag])
    story.save_revision().publish()

    for path in listed:
        response = edge.get(path)
        assert (response.cache, HEADLINE in response.body) == ("MISS", True), path
    assert [edge.get(path).cache for path in unrelated] == ["HIT"] * len(unrelated)


def test_a_correction_reaches_readers_through_the_edge_within_a_second(edge, newsroom):
    desk = Client()
    desk.force_login(newsroom_account("redaktur"))
    story = ArticlePage.objects.get(pk=newsroom.pk)
    warm(edge, [story.url, "/news/"])
    note = new_note("Harga yang benar adalah Rp14.000 per kilogram.", timezone.now())
    form = story_form(story, open_editor(desk, story), new_notes=[note], **{"action-publish": "1"})

    clicked = time.monotonic()
    assert desk.post(edit_url(story), form).status_code == 302
    published = time.monotonic()
    while "Rp14.000 per kilogram" not in edge.get(story.url).body:
        assert time.monotonic() - published < 1, "the correction did not reach the edge within 1 s"
    visible_after = time.monotonic() - published
    logging.getLogger(__name__).info(
        "correction visible at the edge %.3f s after the publish returned (%.3f s after the click)",
        visible_after,
        time.monotonic() - clicked,
    )
    assert visible_after < 1
    assert edge.get(story.url).cache == "HIT"


def test_an_unpublished_story_is_gone_from_the_edge(edge, newsroom):
    warm(edge, [newsroom.url, "/", "/news/"])
    UnpublishPageAction(ArticlePage.objects.get(pk=newsroom.pk)).execute()
    assert edge.get(newsroom.url).status == 404
    assert [newsroom.title in edge.get(path).body for path in ("/", "/news/")] == [False, False]


def test_a_story_moved_between_desks_leaves_one_section_and_joins_the_other(edge, newsroom):
    sport = ArticlePage.objects.get(title="Timnas menang tipis").section
    warm(edge, ["/news/", "/olahraga/", "/rss/olahraga/", "/"])
    story = ArticlePage.objects.get(pk=newsroom.pk)
    story.move(sport.archive_month(timezone.now()), pos="last-child")
    news, olahraga = edge.get("/news/"), edge.get("/olahraga/")
    assert (news.cache, newsroom.title in news.body) == ("MISS", False)
    assert (olahraga.cache, newsroom.title in olahraga.body) == ("MISS", True)
    assert edge.get("/rss/olahraga/").cache == "MISS"


def test_a_privacy_setting_on_a_story_takes_it_off_the_cached_listings(edge, newsroom):
    warm(edge, [newsroom.url, "/", "/news/", "/olahraga/"])
    PageViewRestriction.objects.create(page=newsroom, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert [newsroom.title in edge.get(path).body for path in ("/", "/news/")] == [False, False]
    assert 'name="password"' in edge.get(newsroom.url).body
    assert edge.get("/olahraga/").cache == "HIT"


def test_a_deleted_story_is_gone_from_the_edge(edge, newsroom):
    warm(edge, [newsroom.url, "/news/"])
    ArticlePage.objects.get(pk=newsroom.pk).delete()
    assert edge.get(newsroom.url).status == 404
    assert newsroom.title not in edge.get("/news/").body


def test_re_ordering_the_front_page_purges_it(edge, newsroom, home):
    warm(edge, ["/", "/en/", "/news/"])
    sport_story = ArticlePage.objects.get(title="Timnas menang tipis")
    home.refresh_from_db()
    home.headline_story = sport_story
    home.save_revision().publish()
    assert [edge.get(path).cache for path in ("/", "/en/", "/news/")] == ["MISS", "MISS", "HIT"]


def test_a_menu_or_site_settings_change_purges_every_page(edge, newsroom):
    warm(edge, ["/", newsroom.url, "/rss/"])
    settings = SiteSettings.objects.get()
    settings.tagline = "Berita ekonomi terpercaya"
    settings.save()
    assert [edge.get(path).cache for path in ("/", newsroom.url, "/rss/")] == ["MISS", "MISS", "MISS"]


def test_publishing_succeeds_when_the_edge_is_down(live_server, settings, newsroom, caplog):
    with edge_cache(live_server.url) as edge:
        settings.WAGTAILFRONTENDCACHE = edge.frontend_cache
    story = ArticlePageFactory(section=newsroom.section, title=HEADLINE, draft=True)
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        story.save_revision().publish()
    assert ArticlePage.objects.get(pk=story.pk).live
    assert "Couldn't purge" in caplog.text and "Connection refused" in caplog.text
