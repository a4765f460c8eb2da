"""The masthead runs the same number of queries with 3 or 30 entries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from redaksi.pages.models import MastheadEntry, MastheadPage
from redaksi.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm alike: the site root paths are cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode().count("<dd>")


def add_entries(masthead, count, start=0):
    for order in range(start, start + count):
        MastheadEntry.objects.create(
            page=masthead, position=f"Jabatan {order}", person=PersonFactory(), sort_order=order
        )


def test_masthead_queries_do_not_grow_with_entries(client, home):
    masthead = home.add_child(instance=MastheadPage(title="Redaksi", slug="redaksi"))
    add_entries(masthead, 3)
    three, shown = queries_for(client, masthead.url)
    assert shown == 3
    add_entries(masthead, 27, start=3)
    thirty, shown = queries_for(client, masthead.url)
    assert (thirty, shown) == (three, 30)
