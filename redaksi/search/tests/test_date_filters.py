"""`dari` and `sampai` select whole WIB days, from 00:00:00 to 23:59:59 WIB, on SQLite as on PostgreSQL."""

import datetime

import pytest
import time_machine

from redaksi.core.wib import WIB
from redaksi.search.tests.conftest import found

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2027, 1, 10, 12, 0, tzinfo=WIB)
STORIES = {  # name: WIB publication time; every story is about rupiah
    "30nov-last": datetime.datetime(2026, 11, 30, 23, 59, 59, tzinfo=WIB),
    "1dec-first": datetime.datetime(2026, 12, 1, 0, 0, 0, tzinfo=WIB),
    "1dec-last": datetime.datetime(2026, 12, 1, 23, 59, 59, tzinfo=WIB),
    "2dec-first": datetime.datetime(2026, 12, 2, 0, 0, 0, tzinfo=WIB),
    "31dec-last": datetime.datetime(2026, 12, 31, 23, 59, 59, tzinfo=WIB),
    "1jan-first": datetime.datetime(2027, 1, 1, 0, 0, 0, tzinfo=WIB),
    "1jan-early": datetime.datetime(2027, 1, 1, 6, 59, 59, tzinfo=WIB),  # 23:59:59 UTC on 31 December
    "1jan-last": datetime.datetime(2027, 1, 1, 23, 59, 59, tzinfo=WIB),
}


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def stories(outlet, indexed_story):
    """{story id: name} of the boundary stories."""
    return {indexed_story(title=f"Rupiah {name}", first_published_at=when).pk: name for name, when in STORIES.items()}


def searched(client, stories, filters):
    response = client.get(f"/cari/?q=rupiah&urut=terbaru&{filters}")
    assert response.status_code == 200
    return {stories[hit.story.pk] for hit in response.context["search"].hits}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ("dari=2026-12-01&sampai=2026-12-01", {"1dec-first", "1dec-last"}),
        ("dari=2026-12-02", {"2dec-first", "31dec-last", "1jan-first", "1jan-early", "1jan-last"}),
        ("sampai=2026-11-30", {"30nov-last"}),
        ("sampai=2026-12-01", {"30nov-last", "1dec-first", "1dec-last"}),
        ("dari=2027-01-01", {"1jan-first", "1jan-early", "1jan-last"}),
        ("sampai=2026-12-31", {"30nov-last", "1dec-first", "1dec-last", "2dec-first", "31dec-last"}),
        ("dari=2026-12-31&sampai=2026-12-31", {"31dec-last"}),
        ("dari=2026-12-31&sampai=2027-01-01", {"31dec-last", "1jan-first", "1jan-early", "1jan-last"}),
        ("dari=2027-01-01&sampai=2027-01-01", {"1jan-first", "1jan-early", "1jan-last"}),
    ],
)
def test_date_filters_select_exactly_the_wib_days_asked_for(client, stories, filters, expected):
    assert searched(client, stories, filters) == expected


@pytest.mark.parametrize("zone", [WIB, datetime.UTC], ids=["wib", "utc"])
def test_search_stories_takes_aware_bounds_in_any_zone(stories, zone):
    start = datetime.datetime(2027, 1, 1, tzinfo=WIB).astimezone(zone)
    end = start + datetime.timedelta(days=1)
    assert {stories[pk] for pk in found("rupiah", start=start, end=end)} == {"1jan-first", "1jan-early", "1jan-last"}
