"""`manage.py update_index` and the bulk path (`add_bulk`) fill the reader index too, fast and in bulk."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from redaksi.articles.models import ArticlePage
from redaksi.articles.tests.factories import ArticlePageFactory, paragraphs
from redaksi.search.models import StoryEntry

from .conftest import found

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(news):
    """Stories created without publishing signals, as an archive import or the benchmark loader does."""
    live = [ArticlePageFactory(section=news, title=f"Rupiah {n}", body=paragraphs("Pembicaraan.")) for n in range(3)]
    draft = ArticlePageFactory(section=news, title="Rupiah draf", draft=True)
    return live, draft


def test_update_index_indexes_live_stories_only(stories):
    live, draft = stories
    assert found("rupiah") == []
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    assert sorted(found("bicara")) == sorted(story.pk for story in live)
    assert draft.pk not in found("rupiah")


def test_update_index_drops_text_of_stories_gone_without_signals(stories):
    live, _draft = stories
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    StoryEntry.objects.filter(story=live[0]).delete()  # as a raw delete would leave it
    call_command("update_index", stdout=StringIO(), stderr=StringIO())
    assert live[0].pk in found("rupiah")  # indexed again, once
    assert StoryEntry.objects.count() == 3


def test_add_bulk_writes_the_reader_index_in_a_few_statements(stories):
    live, draft = stories
    objects = list(ArticlePage.objects.filter(pk__in=[story.pk for story in [*live, draft]]))
    with CaptureQueriesContext(connection) as queries:
        get_search_backend().add_bulk(ArticlePage, objects)
    reader_index = [query for query in queries if "search_story" in query["sql"]]
    assert len(reader_index) <= 5  # whatever the batch size: one statement (or executemany) per table and step
    assert sorted(found("rupiah")) == sorted(story.pk for story in live)
