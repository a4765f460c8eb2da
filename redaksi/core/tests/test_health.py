"""GET /health/: 200 with the database and schedule in order, 503 when the database is down or the schedule late."""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from redaksi.newsroom.models import ScheduleHeartbeat
from redaksi.newsroom.tests.outage import read_outage
from redaksi.newsroom.tests.scheduling import GO_LIVE, scheduled_story, seconds

pytestmark = pytest.mark.django_db


def beat(at):
    ScheduleHeartbeat.objects.update_or_create(pk=1, defaults={"worker": "test:1", "last_seen": at})


def test_all_well_is_200_uncached_json_in_three_queries(client, time_machine, django_assert_num_queries):
    time_machine.move_to(GO_LIVE, tick=False)
    beat(GO_LIVE - seconds(10))
    with django_assert_num_queries(3):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "schedule": {"overdue": 0, "worker_last_seen": "2026-12-01T09:59:50+07:00", "worker_stale": False},
    }


@pytest.mark.parametrize(("late", "code", "overdue"), [(59, 200, 0), (61, 503, 1)])
def test_a_story_more_than_a_minute_overdue_is_503(client, home, time_machine, late, code, overdue):
    time_machine.move_to(GO_LIVE - seconds(600), tick=False)
    scheduled_story(GO_LIVE)
    time_machine.move_to(GO_LIVE + seconds(late), tick=False)
    beat(GO_LIVE + seconds(late))
    response = client.get("/health/")
    assert response.status_code == code
    assert response.json()["schedule"]["overdue"] == overdue
    assert response.json()["status"] == ("ok" if code == 200 else "degraded")


@pytest.mark.parametrize(("seen_ago", "code"), [(119, 200), (121, 503)])
def test_a_worker_unseen_for_more_than_two_minutes_is_503(client, time_machine, seen_ago, code):
    time_machine.move_to(GO_LIVE, tick=False)
    beat(GO_LIVE - seconds(seen_ago))
    response = client.get("/health/")
    assert response.status_code == code
    assert response.json()["schedule"]["worker_stale"] is (code == 503)


def test_a_worker_that_never_ran_is_503(client):
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["schedule"] == {"overdue": 0, "worker_last_seen": None, "worker_stale": True}


@pytest.mark.django_db(transaction=True)
def test_a_database_outage_is_503_and_the_next_check_after_it_is_200(client):
    beat(timezone.now())
    with read_outage(table="newsroom_scheduleheartbeat"):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"
    assert response.json() == {
        "status": "degraded",
        "database": "unavailable",
        "schedule": {"overdue": None, "worker_last_seen": None, "worker_stale": None},
    }
    connection.close()  # what request_finished does outside tests: the next request connects afresh
    assert client.get("/health/").status_code == 200


def test_health_is_outside_the_language_prefix_and_read_only(client):
    assert reverse("health") == "/health/"
    assert client.get("/en/health/").status_code == 404
    assert client.post("/health/").status_code == 405
