"""The tag page runs the same number of queries with 3 or 30 tagged stories."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redaksi.articles.tests.factories import ArticlePageFactory

from .factories import SectionPageFactory, TagFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm alike: renditions exist, the site root paths are cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_tag_page_queries_do_not_grow_with_stories(client, home):
    tag, section = TagFactory(name="Rusia"), SectionPageFactory()
    ArticlePageFactory.create_batch(3, section=section, tags=[tag], with_image=True)
    three, html = queries_for(client, "/tag/rusia/")
    assert html.count('class="story-card"') == 3
    ArticlePageFactory.create_batch(27, section=section, tags=[tag], with_image=True)
    thirty, html = queries_for(client, "/tag/rusia/")
    assert html.count('class="story-card"') == 20
    assert thirty == three
    older = html.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    assert queries_for(client, f"/tag/rusia/{older}")[0] == three + 1  # + the cursor story's time
