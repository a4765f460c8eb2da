"""A worker restart loses nothing: what fell due while no worker ran goes out in the first pass after the start."""

import logging

import pytest

from redaksi.articles.tests.factories import ArticlePageFactory
from redaksi.newsroom.schedule import PUBLISH, UNPUBLISH, Worker, run_pass, schedule_status

from .scheduling import GO_LIVE, expiring_story, is_live, scheduled_story, seconds

pytestmark = pytest.mark.django_db


def test_a_story_due_while_the_worker_was_stopped_goes_live_in_the_first_pass_after_the_restart(
    home, time_machine, caplog
):
    time_machine.move_to(GO_LIVE - seconds(600), tick=False)
    story = scheduled_story(GO_LIVE)
    before = Worker()
    assert before.tick()
    before.stop()  # SIGTERM: a deploy, a crash, a reboot
    assert before.stopping

    time_machine.move_to(GO_LIVE + seconds(300), tick=False)  # nobody ran a pass across the go-live time
    assert not is_live(story)
    status = schedule_status()
    assert (status.overdue, status.worker_stale) == (1, True)

    after = Worker()
    with caplog.at_level(logging.INFO, logger="redaksi.newsroom.schedule"):
        assert after.tick()
    assert is_live(story)
    assert f"published story id={story.pk}" in caplog.text and "delay=300.0s" in caplog.text
    assert not schedule_status().alarm


def test_a_story_expired_while_the_worker_was_stopped_goes_down_in_the_first_pass_after_the_restart(home, time_machine):
    time_machine.move_to(GO_LIVE - seconds(600), tick=False)
    story = expiring_story(GO_LIVE)
    before = Worker()
    assert before.tick()
    before.stop()

    time_machine.move_to(GO_LIVE + seconds(300), tick=False)
    assert is_live(story)
    assert schedule_status().overdue == 1

    assert Worker().tick()
    assert not is_live(story)
    assert not schedule_status().alarm


def test_a_story_whose_go_live_and_expiry_both_passed_during_the_stop_is_down_after_one_pass(home, time_machine):
    time_machine.move_to(GO_LIVE - seconds(600), tick=False)
    story = ArticlePageFactory(draft=True)
    story.go_live_at, story.expire_at = GO_LIVE, GO_LIVE + seconds(3600)
    story.save_revision().publish()

    time_machine.move_to(GO_LIVE + seconds(7200), tick=False)  # the worker was down for both
    assert [change.action for change in run_pass("test")] == [PUBLISH, UNPUBLISH]
    story.refresh_from_db()
    assert (story.live, story.expired) == (False, True)


def test_a_stopped_worker_leaves_its_loop_without_another_pass_or_wait():
    worker = Worker(interval=3600)
    worker.stop()
    worker.run()  # returns at once: no pass (so no database), no hour-long sleep
    assert worker.stop_signal == "SIGTERM"
