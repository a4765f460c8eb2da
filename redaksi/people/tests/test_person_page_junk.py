"""Unknown people and junk cursors answer the friendly 404 page, never a 500."""

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory

from .factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ratna(home):
    person = PersonFactory(name="Ratna Anggraini", slug="ratna-anggraini")
    ArticlePageFactory(authors=[person])
    return person


def test_unknown_person_is_the_friendly_404(client, home):
    response = client.get("/profil/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


@pytest.mark.parametrize("query", ["sebelum=abc", "sesudah=-5", "sebelum=99999999", "sebelum=1&sesudah=1"])
def test_junk_cursor_is_the_friendly_404(client, ratna, query):
    response = client.get(f"/profil/ratna-anggraini/?{query}")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_cursor_of_someone_elses_story_is_a_404(client, ratna):
    other = ArticlePageFactory()
    assert client.get(f"/profil/ratna-anggraini/?sebelum={other.pk}").status_code == 404
