import pytest

from redaksi.articles.tests.factories import ArticlePageFactory

from .texts import SEED_RELATED


@pytest.fixture
def seed_related(news):
    """The story the seed's "Baca Juga" names."""
    return ArticlePageFactory(section=news, title=SEED_RELATED)


@pytest.fixture(autouse=True)
def wire_folder_root(settings, tmp_path):
    """Folder wire sources live in WIRE_FOLDER_ROOT: the test's own temporary folder."""
    settings.WIRE_FOLDER_ROOT = tmp_path
    return tmp_path
