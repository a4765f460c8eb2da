"""Editors maintain the synonyms in the admin; a saved synonym applies to the next reader search."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from redaksi.search.models import SearchSynonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home):
    client.force_login(get_user_model().objects.create_superuser("sinta", "sinta@example.com", "pw"))
    return client


def test_the_starter_list_is_listed(admin_client):
    html = admin_client.get(reverse("wagtailsnippets_search_searchsynonym:list")).content.decode()
    assert "IHSG" in html and "Otoritas Jasa Keuangan" in html


def test_an_editor_adds_a_synonym_that_readers_search_with(admin_client, outlet, indexed_story):
    story = indexed_story(title="Danantara kelola aset negara")
    assert f"/read{story.pk}/" not in admin_client.get("/cari/?q=Daya+Anagata+Nusantara").content.decode()
    response = admin_client.post(
        reverse("wagtailsnippets_search_searchsynonym:add"),
        {"term": "Danantara", "equivalents": "Daya Anagata Nusantara"},
    )
    assert response.status_code == 302
    assert f"/read{story.pk}/" in admin_client.get("/cari/?q=Daya+Anagata+Nusantara").content.decode()


def test_a_synonym_of_stopwords_is_refused_with_the_field_named(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_search_searchsynonym:add"), {"term": "yang", "equivalents": "rupiah"}
    )
    assert response.status_code == 200
    assert not SearchSynonym.objects.filter(term="yang").exists()
    assert "tidak memuat kata yang bisa dicari" in response.content.decode()
