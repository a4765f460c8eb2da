"""manage.py run_schedule: --once runs a single pass and reports it; --interval takes only positive seconds."""

import io
import signal

import pytest
from django.core.management import CommandError, call_command

from redaksi.newsroom.models import ScheduleHeartbeat
from redaksi.newsroom.schedule import Worker

from .scheduling import GO_LIVE, is_live, scheduled_story, seconds


@pytest.mark.django_db
def test_once_runs_one_pass_and_reports_it(home, time_machine):
    time_machine.move_to(GO_LIVE - seconds(60), tick=False)
    story = scheduled_story(GO_LIVE)
    time_machine.move_to(GO_LIVE + seconds(1), tick=False)
    out = io.StringIO()
    call_command("run_schedule", "--once", stdout=out)
    assert out.getvalue() == "1 scheduled change(s) made.\n"
    assert is_live(story)
    assert ScheduleHeartbeat.objects.get().last_seen == GO_LIVE + seconds(1)


@pytest.mark.parametrize("interval", ["abc", "", "0", "-5", "nan", "inf", "1e999"])
def test_interval_rejects_junk(interval):
    with pytest.raises(CommandError, match="expected a number of seconds above 0"):
        call_command("run_schedule", "--once", "--interval", interval)


def test_the_signal_handlers_stop_the_loop():
    worker = Worker(interval=3600)
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        worker.handle_signals()
        signal.raise_signal(signal.SIGINT)  # in this process: the handler runs instead of KeyboardInterrupt
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    assert worker.stop_signal == "SIGINT"
    worker.sleep(3600)  # returns at once once stopping
