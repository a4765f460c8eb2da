"""The real worker process: started late it publishes what fell due, and SIGTERM or SIGINT stop it at once.

The worker runs as `manage.py run_schedule` in a subprocess against a copy of the test database
(SQLite: written to a file with VACUUM INTO; PostgreSQL: the test database itself), so the signal,
the loop and the sleep are the real ones. Its interval is an hour: stopping within a minute shows that
a signal ends the wait, not just the next pass. The signal can arrive while the pass that published is
still following the search index, which it finishes first (5.5 s once on two loaded cores); hence a minute.
"""

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from .scheduling import is_live, scheduled_story

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

STOPS_WITHIN = 60  # seconds, against the hour-long wait; the pass in progress finishes first

REPO = Path(__file__).resolve().parents[3]


def worker_database_url(tmp_path):
    """A database the subprocess can open holding what this test committed."""
    if connection.vendor == "sqlite":
        path = tmp_path / "worker.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(path)])
        return f"sqlite:///{path}"
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start_worker(database_url, log):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "redaksi.settings.test", "DATABASE_URL": database_url}
    command = [sys.executable, "manage.py", "run_schedule", "--interval", "3600"]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_for(text, log_path, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if text in log_path.read_text():
            return
        time.sleep(0.1)
    pytest.fail(f"worker never logged {text!r}:\n{log_path.read_text()}")


def live_in(database_url, story):
    if connection.vendor == "sqlite":
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
            return bool(db.execute("SELECT live FROM wagtailcore_page WHERE id = ?", [story.pk]).fetchone()[0])
    return is_live(story)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_worker_started_late_publishes_what_fell_due_then_stops_on_a_signal(home, tmp_path, signum):
    with time_machine.travel(timezone.now() - dt.timedelta(minutes=10)):
        story = scheduled_story(timezone.now() + dt.timedelta(minutes=5))  # due five minutes ago; no worker ran
    database_url = worker_database_url(tmp_path)
    log_path = tmp_path / "worker.log"

    with log_path.open("w") as log:
        process = start_worker(database_url, log)
        try:
            wait_for(f"published story id={story.pk}", log_path, process)
            signalled = time.monotonic()
            process.send_signal(signum)
            assert process.wait(timeout=STOPS_WITHIN) == 0
        finally:
            process.kill()
    assert time.monotonic() - signalled < STOPS_WITHIN
    assert f"stopped ({signal.Signals(signum).name})" in log_path.read_text()
    assert live_in(database_url, story)
