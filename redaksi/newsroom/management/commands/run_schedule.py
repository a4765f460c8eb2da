"""manage.py run_schedule [--interval S] [--once]: the schedule worker (see redaksi/newsroom/schedule.py)."""

import argparse
import math

from django.core.management.base import BaseCommand, CommandError
from django.db import Error as DatabaseError

from redaksi.newsroom.schedule import DEFAULT_INTERVAL, Worker, run_pass


def seconds(value):
    """A positive, finite number of seconds."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if not 0 < number < math.inf:
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, got {value!r}")
    return number


class Command(BaseCommand):
    help = "Publish and unpublish scheduled stories on time: a pass every --interval seconds until SIGTERM/SIGINT."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=seconds, default=DEFAULT_INTERVAL, help="Seconds between passes (default 10)."
        )
        parser.add_argument("--once", action="store_true", help="Run one pass and exit (tests, cron).")

    def handle(self, *args, interval, once, **options):
        worker = Worker(interval)
        if not once:
            worker.handle_signals()
            worker.run()
            return
        try:
            done = run_pass(worker.name)
        except DatabaseError as error:
            raise CommandError(f"Database error, pass abandoned: {error}") from error
        self.stdout.write(f"{len(done)} scheduled change(s) made.")
