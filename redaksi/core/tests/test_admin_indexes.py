"""Core migration 0003's page tree indexes exist on both databases, and the admin's tree questions use them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom.site_summary import subtree_size

pytestmark = pytest.mark.django_db

DEPTH_PATH, PARENTS = "redaksi_page_depth_path", "redaksi_page_parents"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redaktur", "r@example.com", "pw"))
    return client


def plan(sql, params=None):
    """The plan for a statement; PostgreSQL is asked for an index (a test-sized table is cheaper to scan)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(str(row) for row in cursor.fetchall())


def statements(client, url, pattern):
    """The page-table statements an admin page runs whose WHERE clause matches `pattern`."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    found = [q["sql"] for q in queries.captured_queries if re.search(pattern, q["sql"])]
    assert found, f"no statement of {url} matches {pattern}"
    return found


def test_the_migration_adds_both_indexes():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert constraints[DEPTH_PATH]["index"] and constraints[DEPTH_PATH]["columns"] == ["depth", "path"]
    assert constraints[PARENTS]["index"] and constraints[PARENTS]["columns"] == ["path"]


def test_the_explorable_root_is_found_through_the_depth_index(admin_client, news):
    """Wagtail asks for `depth = 1` on every admin page a superuser opens."""
    root_lookup = r'WHERE "wagtailcore_page"."depth" = 1 ORDER BY'
    for sql in statements(admin_client, reverse("wagtailadmin_explore", args=[news.pk]), root_lookup):
        assert DEPTH_PATH in plan(sql), sql


def test_a_section_listing_reads_its_own_children_through_the_depth_index(admin_client, news):
    """The explorer's count and rows of a section: `path LIKE '<section>%' AND depth = <folders' depth>`."""
    ArticlePageFactory(section=news)
    child_of = rf'"wagtailcore_page"\."depth" = {news.depth + 1}\b'
    for sql in statements(admin_client, reverse("wagtailadmin_explore", args=[news.pk]), child_of):
        explained = plan(sql)
        if connection.vendor == "postgresql":
            index_range = (
                rf"using {DEPTH_PATH} .*\n.*Index Cond: \(.*\(depth = {news.depth + 1}\) AND \(\(path\)::text ~>=~"
            )
            assert re.search(index_range, explained), explained
        else:
            assert re.search(rf"USING (COVERING )?INDEX {DEPTH_PATH} \(depth=\?\)", explained), explained


def test_a_subtree_is_counted_from_the_parents_index(news):
    ArticlePageFactory(section=news)
    with CaptureQueriesContext(connection) as queries:
        assert subtree_size(news) == 3  # the section, its month folder, the story
    (statement,) = queries.captured_queries
    assert PARENTS in plan(statement["sql"]), statement["sql"]
