import pytest

from redaksi.articles.tests.factories import ArticlePageFactory

from .texts import SEED_RELATED


@pytest.fixture
def seed_related(news):
    """The story the seed's "Baca Juga" names."""
    return ArticlePageFactory(section=news, title=SEED_RELATED)
