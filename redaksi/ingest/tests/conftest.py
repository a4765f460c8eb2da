import pytest

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.sections.tests.factories import SectionPageFactory

from .texts import SEED_RELATED


@pytest.fixture
def news(home):
    return SectionPageFactory(title="News", slug="news")


@pytest.fixture
def seed_related(news):
    """The story the seed's "Baca Juga" names."""
    return ArticlePageFactory(section=news, title=SEED_RELATED)
