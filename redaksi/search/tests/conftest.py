"""Stories for the search tests, and a helper that asks the reader index what it finds."""

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory, paragraphs
from redaksi.search.index import index_stories
from redaksi.search.query import NEWEST, plan_query, search_stories


def found(words, **filters):
    """Ids of the stories the reader index finds for `words`, newest first (first page)."""
    return search_stories(plan_query(words), order=NEWEST, **filters).story_ids


@pytest.fixture
def indexed_story(news):
    """Build a story in News and index it; keyword arguments go to the factory."""

    def make(**kwargs):
        kwargs.setdefault("section", news)
        if "text" in kwargs:
            kwargs["body"] = paragraphs(kwargs.pop("text"))
        story = ArticlePageFactory(**kwargs)
        index_stories([story])
        return story

    return make
