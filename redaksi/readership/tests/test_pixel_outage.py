"""The read pixel answers even when the database is down: a lost read is logged, never a 500."""

import pytest
from django.db import connection
from django.urls import reverse

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom.tests.outage import database_outage
from redaksi.readership.models import HourlyReads

from .test_bots import READERS

pytestmark = pytest.mark.django_db(transaction=True)


def test_pixel_answers_during_a_database_outage(client, news, caplog):
    story = ArticlePageFactory(section=news)
    url = reverse("count_read", kwargs={"article_id": story.pk})

    with database_outage(table=HourlyReads._meta.db_table):
        response = client.get(url, headers={"User-Agent": READERS["Chrome on Android"]})
    connection.close()  # what Django does after a request that broke its connection (the test client skips it)

    assert response.status_code == 200
    assert response.content.startswith(b"GIF89a")
    assert response["Cache-Control"] == "no-store, private"
    assert f"Could not count a read of story {story.pk}" in caplog.text
    assert not HourlyReads.objects.exists()
