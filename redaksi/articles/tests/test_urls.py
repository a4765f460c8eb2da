"""Story URLs are permanent and ID-addressed: /read<ID>/<slug>."""

import pytest

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(home):
    return ArticlePageFactory(title="Alot, Rusia Bilang Dialog Berlanjut", slug="alot-rusia-bilang-dialog-berlanjut")


def test_canonical_url_is_id_and_slug(story):
    assert story.url == f"/read{story.pk}/alot-rusia-bilang-dialog-berlanjut"


def test_canonical_url_serves_the_story(client, story):
    response = client.get(story.url)
    assert response.status_code == 200


@pytest.mark.parametrize("suffix", ["", "/", "/old-slug", "/alot-rusia"])
def test_id_alone_or_wrong_slug_redirects_permanently(client, story, suffix):
    response = client.get(f"/read{story.pk}{suffix}")
    assert response.status_code == 301
    assert response["Location"] == story.url


def test_tree_path_redirects_to_canonical(client, story):
    response = client.get(story.get_parent().url + story.slug + "/")
    assert response.status_code == 301
    assert response["Location"] == story.url


def test_unknown_or_draft_story_is_404(client, home):
    draft = ArticlePageFactory(draft=True)
    assert client.get(f"/read{draft.pk}/{draft.slug}").status_code == 404
    assert client.get("/read999999/nothing").status_code == 404


def test_month_folder_is_not_a_public_page(client, story):
    assert client.get(story.get_parent().url).status_code == 404


def test_english_edition_lives_under_en_and_redirects_within_it(client, story):
    response = client.get(f"/en/read{story.pk}")
    assert response.status_code == 301
    assert response["Location"] == f"/en/read{story.pk}/{story.slug}"
    assert client.get(response["Location"]).status_code == 200


def test_redirect_keeps_the_query_string(client, story):
    response = client.get(f"/read{story.pk}/old-slug?utm_source=whatsapp&x=1")
    assert response.status_code == 301
    assert response["Location"] == f"{story.url}?utm_source=whatsapp&x=1"
