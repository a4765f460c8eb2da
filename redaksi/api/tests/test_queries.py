"""Each list endpoint and the story detail run the same number of queries with 3 or 30 rows (or blocks)."""

import pytest
from wagtail.rich_text import RichText

from redaksi.articles.models import Correction
from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.media.tests.factories import PhotoFactory, VideoFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import SectionPageFactory, TagFactory

pytestmark = pytest.mark.django_db
# The request's site comes from the cache (core/sites.py) after the warm-up, so no endpoint pays for it.
BUDGET = {"stories": 8, "story": 10, "sections": 1, "tags": 1, "people": 2, "videos": 2}


def counted(warm_queries, url, rows):
    queries, text = warm_queries(url)
    assert text.count('"id":') >= rows
    return queries


def make_stories(section, count):
    tags = [TagFactory(name="Rusia", slug="rusia"), TagFactory(name="Ukraina", slug="ukraina")]
    ayu = PersonFactory(name="Ayu", slug="ayu")
    return ArticlePageFactory.create_batch(count, section=section, with_image=True, tags=tags, authors=[ayu])


def test_story_list_with_filters(warm_queries, news):
    url = "/api/v1/stories?limit=100&section=news&tag=rusia&person=ayu&published_after=2000-01-01"
    make_stories(news, 3)
    three = counted(warm_queries, url, 3)
    make_stories(news, 27)
    assert counted(warm_queries, url, 30) == three == BUDGET["stories"]


def rich_body(count, linked):
    """`count` blocks of each kind that costs a lookup: paragraphs, images, videos, "Baca Juga"."""
    body = []
    for _ in range(count):
        body += [("paragraph", RichText("<p>Teks.</p>")), ("image", {"image": PhotoFactory(), "caption": ""})]
        body += [("video", VideoFactory()), ("related_story", {"story": linked})]
    return body


def detailed_story(news, linked, count):
    story = ArticlePageFactory(
        section=news,
        body=rich_body(count, linked),
        with_image=True,
        editor=PersonFactory(editor=True),
        authors=PersonFactory.create_batch(count),
        tags=TagFactory.create_batch(count),
    )
    Correction.objects.bulk_create(
        Correction(article=story, noted_at=story.published_at, text="Ralat.", sort_order=n) for n in range(count)
    )
    return story


def test_story_detail(warm_queries, settings, news, video_hub, wire_story):
    """Room in the test cache for 30 pictures' renditions: locmem's default 300 entries would evict the site paths."""
    settings.CACHES = {"default": {**settings.CACHES["default"], "OPTIONS": {"MAX_ENTRIES": 10_000}}}
    three = counted(warm_queries, f"/api/v1/stories/{detailed_story(news, wire_story, 3).pk}", 12)
    thirty = counted(warm_queries, f"/api/v1/stories/{detailed_story(news, wire_story, 30).pk}", 120)
    assert thirty == three == BUDGET["story"]


@pytest.mark.parametrize(
    ("endpoint", "make"),
    [
        ("sections", lambda n: SectionPageFactory.create_batch(n)),
        ("tags", lambda n: TagFactory.create_batch(n)),
        ("people", lambda n: PersonFactory.create_batch(n, photo=PhotoFactory())),
        ("videos", lambda n: VideoFactory.create_batch(n)),
    ],
)
def test_collection_lists(warm_queries, home, video_hub, endpoint, make):
    make(3)
    three = counted(warm_queries, f"/api/v1/{endpoint}?limit=100", 3)
    make(27)
    assert counted(warm_queries, f"/api/v1/{endpoint}?limit=100", 30) == three == BUDGET[endpoint]
