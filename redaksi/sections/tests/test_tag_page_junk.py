"""Unknown tags and junk cursors answer the friendly 404 page, never a 500."""

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory

from .factories import TagFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rusia(home):
    tag = TagFactory(name="Rusia")
    ArticlePageFactory(tags=[tag])
    return tag


def test_unknown_tag_is_the_friendly_404(client, home):
    response = client.get("/tag/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["sebelum=abc", "sebelum=-1", "sesudah=1e9", "sebelum=99999999", "sebelum=1&sesudah=2", "sebelum=%00"]
)
def test_junk_cursor_is_the_friendly_404(client, rusia, query):
    response = client.get(f"/tag/rusia/?{query}")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_cursor_of_a_story_without_the_tag_is_a_404(client, rusia):
    other = ArticlePageFactory()
    assert client.get(f"/tag/rusia/?sebelum={other.pk}").status_code == 404
