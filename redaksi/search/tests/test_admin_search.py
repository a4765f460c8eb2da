"""The admin's page search and Page.objects.search() use the same Indonesian analysis as readers."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Page

from redaksi.articles.tests.factories import ArticlePageFactory, paragraphs
from redaksi.search.models import SearchSynonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(news):
    return ArticlePageFactory(
        section=news, title="Pembicaraan tarif berlanjut", body=paragraphs("Menteri Keuangan bicara soal IHSG.")
    )


@pytest.fixture
def admin_client(client, home):
    client.force_login(get_user_model().objects.create_superuser("sinta", "sinta@example.com", "pw"))
    return client


def admin_search(admin_client, words):
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": words})
    assert response.status_code == 200
    return response.content.decode()


def test_admin_page_search_finds_a_story_by_its_stem(admin_client, story):
    assert "Pembicaraan tarif berlanjut" in admin_search(admin_client, "bicara")
    assert "Pembicaraan tarif berlanjut" in admin_search(admin_client, "pembicaraan")
    assert "Pembicaraan tarif berlanjut" not in admin_search(admin_client, "teri")


def test_page_search_stems_and_expands_synonyms(story):
    assert list(Page.objects.search("berbicara")) == [story.page_ptr]
    assert list(Page.objects.specific().search("indeks harga saham gabungan")) == [story]
    assert list(Page.objects.search("kementerian teri")) == []


def test_page_search_follows_an_edited_synonym(story):
    assert list(Page.objects.search("tarif impor")) == []
    SearchSynonym.objects.create(term="tarif", equivalents="bea masuk")
    assert list(Page.objects.search("bea masuk")) == [story.page_ptr]


def test_a_query_of_stopwords_finds_nothing(story):
    assert list(Page.objects.search("yang dan")) == []
