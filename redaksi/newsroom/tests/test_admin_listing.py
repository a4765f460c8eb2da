"""The explorer's owner filter offers the page owners without a DISTINCT over the page table, and still filters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from redaksi.articles.tests.factories import ArticlePageFactory

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owners(news):
    """Two reporters with a story each in News, and a user who owns nothing."""
    reporters = UserFactory(username="ani"), UserFactory(username="budi")
    for reporter in reporters:
        ArticlePageFactory(section=news, owner=reporter, title=f"Berita {reporter.username}")
    UserFactory(username="cici")
    return reporters


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("kepala", "k@example.com", "pw"))
    return client


def folder_of(story_title):
    from redaksi.articles.models import ArticlePage

    return ArticlePage.objects.get(title=story_title).get_parent()


def test_the_owner_filter_offers_exactly_the_page_owners(admin_client, owners):
    folder = folder_of("Berita ani")
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(reverse("wagtailadmin_explore", args=[folder.pk]))
    offered = {int(str(value)) for value, _label in response.context["filters"].form.fields["owner"].choices}
    assert offered == {reporter.pk for reporter in owners}  # not the user who owns nothing
    assert not [q["sql"] for q in queries.captured_queries if 'SELECT DISTINCT U0."owner_id"' in q["sql"]]


def test_filtering_by_owner_still_lists_only_their_pages(admin_client, owners):
    folder = folder_of("Berita ani")
    response = admin_client.get(reverse("wagtailadmin_explore", args=[folder.pk]), {"owner": owners[0].pk})
    assert [page.title for page in response.context["object_list"]] == ["Berita ani"]
