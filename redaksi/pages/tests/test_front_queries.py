"""The front page costs the same queries with 3 stories a section as with 30, fetches renditions once, and far
fewer within an edition, when its fragments come from the cache byte for byte."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.core.edition import new_edition
from redaksi.media.tests.factories import VideoFactory
from redaksi.pages.models import HomePick
from redaksi.sections.tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db

# When the fragments must render (a new edition): Wagtail's routing (site, page, alias check, view
# restrictions), settings; the editors' picks, their stories with the headline, the latest stream, the
# sections, one rail for each of the two sections, Video Pilihan, and the renditions of every picture on the
# page, the menu and footer links. Terpopuler (no reads counted here) queries nothing.
FRONT_QUERIES = 15
# Within an edition: routing and settings; the stories, rails, menu and footer links come from the cache.
CACHED_FRONT_QUERIES = 5


@pytest.fixture
def busy_front(outlet, news, home):
    """Build a front with a chosen headline, two picks, two sections and featured videos; `count` stories each."""

    def build(count):
        sport = SectionPageFactory(title="Sport")
        stories = [ArticlePageFactory(section=s, with_image=True) for s in (news, sport) for _ in range(count)]
        home.headline_story = stories[0]
        home.save()
        for order, pick in enumerate(stories[1:3]):
            HomePick.objects.create(home=home, story=pick, sort_order=order)
        VideoFactory.create_batch(3)

    return build


@pytest.mark.parametrize("count", [3, 30])
def test_front_queries_do_not_grow_with_stories(client, busy_front, count, django_assert_num_queries):
    busy_front(count)
    client.get("/")  # warm alike: renditions exist, the site root paths are cached
    new_edition()  # as after any publish
    with django_assert_num_queries(FRONT_QUERIES):
        response = client.get("/")
    assert response.status_code == 200
    with django_assert_num_queries(CACHED_FRONT_QUERIES):
        assert client.get("/").content == response.content


def test_every_picture_on_the_front_gets_its_renditions_in_one_query(client, busy_front):
    busy_front(5)
    client.get("/")
    new_edition()
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    rendition_queries = [q for q in queries.captured_queries if 'FROM "media_photorendition"' in q["sql"]]
    assert len(rendition_queries) == 1
