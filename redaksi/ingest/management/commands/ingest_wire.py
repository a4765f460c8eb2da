"""manage.py ingest_wire [NAME...]: poll wire sources now, outside the schedule worker's rhythm."""

from django.core.management.base import BaseCommand, CommandError

from redaksi.ingest.models import WireSource
from redaksi.ingest.wire import poll


def summary(name, report):
    """One line per source: what the poll stored, and its errors."""
    line = (
        f"{name}: {report.added} new, {report.updated} updated, {report.withdrawn} withdrawn, {report.ignored} ignored"
    )
    return "\n  ".join([line, *report.errors])


class Command(BaseCommand):
    help = "Poll wire sources into the wire queue now: the named ones, or every enabled source."

    def add_arguments(self, parser):
        parser.add_argument("names", nargs="*", metavar="NAME", help="wire source name; default: every enabled one")

    def handle(self, *args, names, **options):
        sources = list(WireSource.objects.filter(name__in=names) if names else WireSource.objects.filter(enabled=True))
        unknown = sorted(set(names) - {source.name for source in sources})
        if unknown:
            known = ", ".join(WireSource.objects.values_list("name", flat=True)) or "none yet"
            raise CommandError(f"unknown wire source(s): {', '.join(unknown)}; sources: {known}")
        failed = False
        for source in sources:
            report = poll(source)
            failed |= bool(report.errors)
            self.stdout.write(summary(source.name, report))
        if failed:
            raise CommandError("some sources reported errors (listed above); they are kept on each source")
