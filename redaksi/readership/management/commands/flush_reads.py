"""manage.py flush_reads: move the read counts waiting in Redis into HourlyReads."""

from django.core.management.base import BaseCommand, CommandError

from redaksi.readership.pending import counting_in_redis, flush_reads


class Command(BaseCommand):
    help = "Move the read counts waiting in Redis into HourlyReads (the schedule worker does it every pass)."

    def handle(self, *args, **options):
        if not counting_in_redis():
            self.stdout.write("REDIS_URL is not set: reads go to the database directly, nothing to flush.")
            return
        try:
            flushed = flush_reads()
        except Exception as error:
            raise CommandError(f"Could not flush the waiting reads: {error}") from error
        self.stdout.write(f"{flushed.reads} read(s) moved to {flushed.counts} hourly count(s).")
