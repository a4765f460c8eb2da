"""The addresses a change to a story purges: exactly the pages that show it, in both languages."""

import datetime

import pytest

from redaksi.articles.models import ArticleIndexPage
from redaksi.articles.purge import story_paths
from redaksi.core.purge import home_paths
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import SectionPageFactory, TagFactory

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db
LATE_EVENING_UTC = datetime.datetime(2022, 1, 20, 23, 30, tzinfo=datetime.UTC)  # 21 January, 06:30 WIB


@pytest.fixture
def story(home, news):
    home.add_child(instance=ArticleIndexPage(title="Indeks", slug="indeks"))
    return ArticlePageFactory(
        section=news,
        slug="harga-beras-naik",
        first_published_at=LATE_EVENING_UTC,
        tags=[TagFactory(name="Beras"), TagFactory(name="Inflasi")],
        authors=[PersonFactory(slug="rina-kusuma"), PersonFactory(slug="budi-santoso")],
        editor=PersonFactory(slug="editor-jaga"),  # no page lists a story by its editor
    )


def reader_pages(story_id):
    return [
        f"/read{story_id}",
        "/",
        "/news/",
        "/indeks/?tanggal=2022-01-21",
        "/tag/beras/",
        "/tag/inflasi/",
        "/profil/rina-kusuma/",
        "/profil/budi-santoso/",
        "/cari/",
    ]


def test_a_story_with_two_tags_and_two_authors_purges_27_addresses(story):
    reader = reader_pages(story.pk)
    distribution = [
        "/rss/",
        "/atom/",
        "/rss/news/",
        "/atom/news/",
        "/sitemap-news.xml",
        "/sitemap.xml",
        "/sitemap-2022-01.xml",
        "/api/v1/stories",
        f"/api/v1/stories/{story.pk}",
    ]
    expected = [*reader, *(f"/en{path}" for path in reader), *distribution]
    assert story_paths(story) == sorted(expected)
    assert len(expected) == 27


def test_a_story_moved_between_desks_purges_both_sections_and_their_feeds(story):
    economy = SectionPageFactory(title="Ekonomi", slug="ekonomi")
    paths = story_paths(story, [economy])
    for path in ("/ekonomi/", "/en/ekonomi/", "/rss/ekonomi/", "/atom/ekonomi/", "/news/", "/rss/news/"):
        assert path in paths
    assert len(paths) == 27 + 4


def test_the_front_page_is_purged_in_both_languages(home):
    assert home_paths(home) == ["/", "/en/"]
