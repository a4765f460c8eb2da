"""The tag page runs the same number of queries with 3 or 30 tagged stories."""

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory

from .factories import SectionPageFactory, TagFactory

pytestmark = pytest.mark.django_db


def test_tag_page_queries_do_not_grow_with_stories(warm_queries, home):
    tag, section = TagFactory(name="Rusia"), SectionPageFactory()
    ArticlePageFactory.create_batch(3, section=section, tags=[tag], with_image=True)
    three, html = warm_queries("/tag/rusia/")
    assert html.count('class="story-card"') == 3
    ArticlePageFactory.create_batch(27, section=section, tags=[tag], with_image=True)
    thirty, html = warm_queries("/tag/rusia/")
    assert html.count('class="story-card"') == 20
    assert thirty == three
    older = html.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    assert warm_queries(f"/tag/rusia/{older}")[0] == three + 1  # + the cursor story's time
