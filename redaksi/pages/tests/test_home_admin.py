"""Editors choose the front page's headline and pinned stories on the home page's edit screen."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_home_edit_screen_offers_headline_and_pinned_stories(client, django_user_model, home):
    client.force_login(django_user_model.objects.create_superuser("redaktur", "redaktur@example.com", "pw"))
    response = client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="headline_story"' in html
    assert 'name="picks-TOTAL_FORMS"' in html
