"""A reader's GET whose database connection was dropped is retried once and answers 200; a POST is not retried."""

import time

import pytest
from django.db import connection
from django.test import Client

from redaksi.articles.tests.factories import ArticlePageFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs a server to drop the connection"),
]


@pytest.fixture(autouse=True)
def fresh_connection_after():
    """What Django does after a request that broke its connection (the test client skips it): connect afresh."""
    yield
    connection.close()


@pytest.fixture
def web():
    """A client that answers 500 as a server would, instead of re-raising the first attempt's exception."""
    return Client(raise_request_exception=False)


def drop_django_connection():
    """Terminate the backend of Django's open connection from another connection, as a restart would."""
    pid = connection.connection.info.backend_pid
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    time.sleep(0.2)  # the backend exits asynchronously


def test_a_get_on_a_dropped_connection_answers_200(web, news, caplog):
    story = ArticlePageFactory(section=news)
    assert web.get(story.url).status_code == 200  # the connection is open and kept
    drop_django_connection()
    response = web.get(story.url)
    assert response.status_code == 200
    assert story.title in response.text
    assert f"retrying GET {story.url} once" in caplog.text


def test_a_post_on_a_dropped_connection_is_not_retried(web, home):
    assert web.get("/admin/login/").status_code == 200
    drop_django_connection()
    response = web.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert response.status_code == 500


def test_a_failed_query_on_a_working_connection_is_not_retried(web, news, caplog):
    url = ArticlePageFactory(section=news).url
    with connection.cursor() as cursor:
        cursor.execute("SET lock_timeout = 50")  # milliseconds: a locked table fails fast, the connection works
    other = connection.get_new_connection(connection.get_connection_params())
    try:
        other.execute("BEGIN")
        other.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
        response = web.get(url)
    finally:
        other.close()
    assert response.status_code == 500
    assert "retrying" not in caplog.text
