"""The article page runs the same number of queries with 3 or 30 of everything it loops over, and far fewer
when its fragments are in the cache (the same edition): the page served from them is byte-for-byte the same."""

import pytest
from django.utils import timezone

from redaksi.articles.models import Correction
from redaksi.core.edition import new_edition
from redaksi.media.tests.factories import PhotoFactory, VideoFactory
from redaksi.people.tests.factories import PersonFactory
from redaksi.sections.tests.factories import TagFactory

from .factories import ArticlePageFactory, paragraphs

pytestmark = pytest.mark.django_db

# When the fragments must render (a new edition): story with section, privacy (ancestors, restrictions),
# site, then for the fragments hero image, editor, authors, tags, corrections, featured videos with posters,
# "Baca Juga" stories, body photos, body videos, their posters, all renditions, site settings, menu, footer
# links, Berita Terkait by shared tags, Berita Terkait from the section.
ARTICLE_PAGE_QUERIES = 20
# A story without hero image, editor, body media or editor's "Baca Juga" boxes: story, privacy (2), site,
# authors, tags, corrections, featured videos, Berita Terkait (tags, section), renditions, site settings, menu,
# footer links.
PLAIN_STORY_QUERIES = 14
# Within an edition: story, site settings; the site, "no privacy setting" and the fragments are cached.
CACHED_STORY_QUERIES = 2


def story_with(news, count, media=1):
    """A story with `count` authors, tags, corrections, featured videos and "Baca Juga" boxes, and `media`
    pictures and videos in its body."""
    related = [ArticlePageFactory(section=news, title=f"Berita terkait {n}") for n in range(count)]
    body = paragraphs("Paragraf pembuka.")
    body += [("related_story", {"story": story}) for story in related]
    body += [("image", {"image": PhotoFactory(), "caption": ""}) for _ in range(media)]
    body += [("video", VideoFactory(is_featured=False)) for _ in range(media)]
    story = ArticlePageFactory(
        section=news,
        with_image=True,
        wire=True,
        editor=PersonFactory(editor=True),
        authors=PersonFactory.create_batch(count),
        tags=TagFactory.create_batch(count),
        body=body,
    )
    for n in range(count):
        Correction.objects.create(article=story, noted_at=timezone.now(), text=f"Ralat {n}", sort_order=n)
    VideoFactory.create_batch(count)
    return story


def count_queries(client, story, django_assert_num_queries, expected=ARTICLE_PAGE_QUERIES):
    client.get(story.url)  # warm alike: renditions exist, the site root paths are cached
    new_edition()  # as after any publish: the story's fragments, the menu and footer links render again
    with django_assert_num_queries(expected):
        response = client.get(story.url)
    assert response.status_code == 200
    with django_assert_num_queries(CACHED_STORY_QUERIES):
        assert client.get(story.url).content == response.content
    return response


@pytest.mark.parametrize("count", [3, 30])
def test_article_page_queries_do_not_grow_with_related_things(client, outlet, news, count, django_assert_num_queries):
    story = story_with(news, count)
    response = count_queries(client, story, django_assert_num_queries)
    html = response.content.decode()
    assert html.count('class="read-also"') == count
    assert html.count('class="author"') == count
    assert html.count('class="video-card"') == min(count, 4) + 1


@pytest.mark.parametrize("media", [1, 4])
def test_article_page_queries_do_not_grow_with_body_pictures_and_videos(
    client, outlet, news, media, django_assert_num_queries
):
    story = story_with(news, 3, media=media)
    response = count_queries(client, story, django_assert_num_queries)
    assert response.content.decode().count("<figure") == 1 + media


@pytest.mark.parametrize("count", [3, 30])
def test_article_page_queries_do_not_grow_with_related_stories_and_shared_tags(
    client, outlet, news, count, django_assert_num_queries
):
    """No editor's "Baca Juga": Berita Terkait and the suggested box come from `count` stories sharing `count` tags."""
    tags = TagFactory.create_batch(count)
    for _ in range(count):
        ArticlePageFactory(section=news, with_image=True, tags=tags)
    story = ArticlePageFactory(section=news, tags=tags, body=paragraphs("Satu.", "Dua.", "Tiga."))
    response = count_queries(client, story, django_assert_num_queries, PLAIN_STORY_QUERIES)
    html = response.content.decode()
    assert html.count('class="story-card"') == min(count, 5)
    assert html.count("data-suggested") == 1
