"""manage.py prune_reads: delete hourly read counts older than Terpopuler's longest window needs."""

from django.core.management.base import BaseCommand

from redaksi.readership.services import KEEP_DAYS, prune_reads


class Command(BaseCommand):
    help = f"Delete hourly read counts older than {KEEP_DAYS} days (the schedule worker also does it hourly)."

    def handle(self, *args, **options):
        deleted = prune_reads()
        self.stdout.write(f"{deleted} hourly read count(s) older than {KEEP_DAYS} days deleted.")
