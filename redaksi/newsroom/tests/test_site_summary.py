"""The dashboard's "N Pages" shows Wagtail's count, taken from the parents' child counts instead of every row."""

import re

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.admin.site_summary import PagesSummaryItem

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom import roles
from redaksi.newsroom.site_summary import TreePagesSummaryItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(news, ekbis):
    """Stories in two desks' month folders, one a draft: every level of the tree has children."""
    ArticlePageFactory.create_batch(3, section=news)
    ArticlePageFactory(section=ekbis, draft=True)


def summary(item_class, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return item_class(request).get_context_data({})


@pytest.mark.parametrize("role", [roles.ADMIN, roles.REDAKTUR])
def test_the_count_is_wagtails(archive, staff, django_user_model, role):
    user = staff(role)
    assert summary(TreePagesSummaryItem, user) == summary(PagesSummaryItem, user)


def test_the_count_is_wagtails_for_a_superuser(archive, django_user_model):
    user = django_user_model.objects.create_superuser("kepala", "k@example.com", "pw")
    ours = summary(TreePagesSummaryItem, user)
    assert ours == summary(PagesSummaryItem, user) and ours["total_pages"] == 9  # home, 2 desks, 2 folders, 4 stories


def test_the_dashboard_counts_pages_without_counting_rows(archive, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("kepala", "k@example.com", "pw"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    page_counts = [
        q["sql"] for q in queries.captured_queries if re.search(r'COUNT\(\*\).* FROM "wagtailcore_page"', q["sql"])
    ]
    assert not [sql for sql in page_counts if "LIKE" in sql]
    assert any('SUM("wagtailcore_page"."numchild")' in q["sql"] for q in queries.captured_queries)
