"""The person page runs the same number of queries with 3 or 30 of their stories."""

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.media.tests.factories import PhotoFactory
from redaksi.sections.tests.factories import SectionPageFactory

from .factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_person_page_queries_do_not_grow_with_stories(warm_queries, home):
    person = PersonFactory(name="Ratna Anggraini", slug="ratna-anggraini", photo=PhotoFactory())
    section = SectionPageFactory()
    ArticlePageFactory.create_batch(3, section=section, authors=[person], with_image=True)
    three, html = warm_queries(person.get_absolute_url())
    assert html.count('class="story-card"') == 3
    ArticlePageFactory.create_batch(27, section=section, authors=[person], with_image=True)
    thirty, html = warm_queries(person.get_absolute_url())
    assert html.count('class="story-card"') == 20
    assert thirty == three
