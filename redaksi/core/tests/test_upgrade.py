"""An upgrade from the previous release (0.1.0): its schema, an empty reader index, then `migrate`.

The database goes back to 0.1.0's migrations (which also proves the newer ones reverse and apply again),
the reader index is emptied as on a site from before the search app, and a plain `migrate` must bring back
the same rows, the same pages and a reader search that finds the stories without `update_index`.
"""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.search.models import StoryEntry

pytestmark = pytest.mark.django_db(transaction=True)

# The leaf migration of every app changed since 0.1.0, as 0.1.0 shipped it.
PREVIOUS_RELEASE = [
    ("search", "0005_section_lexeme"),
    ("articles", "0007_story_privacy"),
    ("core", "0003_page_tree_indexes"),
    ("media", "0002_initial"),
]
COUNTED = ["articles.ArticlePage", "sections.SectionPage", "people.Person", "media.Photo", "wagtailcore.Page"]


def counts():
    return {name: apps.get_model(name).objects.count() for name in COUNTED}


def html(client, url):
    cache.clear()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_upgrading_a_previous_release_keeps_pages_and_builds_the_reader_index(client, outlet, news):
    stories = [ArticlePageFactory(section=news, title=f"Harga cabai naik di pasar {n}") for n in range(3)]
    urls = ["/", news.url, *(story.url for story in stories)]
    before, pages = counts(), [html(client, url) for url in urls]

    for app, migration in PREVIOUS_RELEASE:
        call_command("migrate", app, migration, verbosity=0)
    with connection.cursor() as cursor:  # a site from before the search app: nothing indexed
        cursor.execute("DELETE FROM search_storyentry")
    assert not StoryEntry.objects.exists()
    call_command("migrate", verbosity=0)

    assert counts() == before
    assert [html(client, url) for url in urls] == pages
    assert set(StoryEntry.objects.values_list("story_id", flat=True)) == {story.pk for story in stories}
    found = html(client, reverse("search") + "?q=cabai")
    assert all(story.url in found for story in stories)
