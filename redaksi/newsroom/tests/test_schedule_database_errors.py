"""A database outage costs the worker passes, never the worker: each failure is logged, then a pass catches up."""

import logging

import pytest

from redaksi.newsroom.models import ScheduleHeartbeat
from redaksi.newsroom.schedule import Worker

from .outage import database_outage
from .scheduling import GO_LIVE, is_live, scheduled_story, seconds

pytestmark = pytest.mark.django_db(transaction=True)


def test_passes_fail_during_an_outage_and_the_first_pass_after_it_publishes(home, time_machine, caplog):
    time_machine.move_to(GO_LIVE - seconds(60), tick=False)
    story = scheduled_story(GO_LIVE)
    worker = Worker(interval=10)
    time_machine.move_to(GO_LIVE + seconds(5), tick=False)

    with caplog.at_level(logging.INFO, logger="redaksi.newsroom.schedule"), database_outage():
        assert worker.tick() is False
        assert worker.tick() is False
    assert "schedule pass failed on a database error (1 in a row), retrying in 10s" in caplog.text
    assert "(2 in a row)" in caplog.text
    assert not ScheduleHeartbeat.objects.exists()

    time_machine.move_to(GO_LIVE + seconds(25), tick=False)
    with caplog.at_level(logging.INFO, logger="redaksi.newsroom.schedule"):
        assert worker.tick() is True
    assert "schedule pass succeeded again after 2 failed" in caplog.text
    assert f"published story id={story.pk}" in caplog.text
    assert is_live(story)
    assert ScheduleHeartbeat.objects.get().last_seen == GO_LIVE + seconds(25)


def test_an_outage_in_the_middle_of_a_pass_leaves_nothing_half_done(home, time_machine):
    time_machine.move_to(GO_LIVE - seconds(60), tick=False)
    story = scheduled_story(GO_LIVE)
    worker = Worker()
    time_machine.move_to(GO_LIVE + seconds(5), tick=False)

    with database_outage(table="wagtailcore_pagelogentry"):  # SQLite: the publish's audit-log write fails
        assert worker.tick() is False
    assert not is_live(story)  # rolled back with its log entry, still scheduled
    assert worker.tick() is True
    assert is_live(story)
