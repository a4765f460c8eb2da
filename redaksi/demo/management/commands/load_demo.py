"""manage.py load_demo [--stories N]: the Warta Ekonomi demo outlet, idempotently (see redaksi/demo/services.py)."""

import os
import time

from django.core.management.base import BaseCommand, CommandError

from redaksi.demo.accounts import DEFAULT_PASSWORD
from redaksi.demo.services import DemoDataMissing, load_demo


class Command(BaseCommand):
    help = "Load the Warta Ekonomi demo outlet; running it again adds only what is missing."

    def add_arguments(self, parser):
        parser.add_argument("--stories", type=int, default=300, help="How many corpus stories to load (max 300).")

    def handle(self, *args, **options):
        if options["stories"] < 0:
            raise CommandError("--stories must be 0 or more.")
        password = os.environ.get("REDAKSI_DEMO_PASSWORD") or DEFAULT_PASSWORD
        started = time.monotonic()
        try:
            result = load_demo(options["stories"], password, stdout=self.stdout)
        except DemoDataMissing as error:
            raise CommandError(str(error)) from error
        created = ", ".join(f"{count} {label}" for label, count in result.created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo loaded in {time.monotonic() - started:.1f}s. Created: {created}."))
        self.stdout.write(f"Admin:      {result.admin_url}")
        self.stdout.write(f"Username:   {result.username}")
        self.stdout.write(f"Password:   {result.password or '(unchanged: the account existed before)'}")
        for username, role, desks in result.newsroom_accounts:
            self.stdout.write(f"Newsroom:   {username} ({role}: {', '.join(desks)}), same password when new")
        self.stdout.write(f"Seed story: {result.seed_url}")
