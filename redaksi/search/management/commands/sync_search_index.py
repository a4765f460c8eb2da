"""Bring this machine's reader search index up to the database now, whatever the backlog."""

from django.core.management.base import BaseCommand

from redaksi.search.reader_index import reader_index


class Command(BaseCommand):
    help = "Apply every change waiting for this machine's reader search index, or build it from the entries."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="build the index afresh from the entries")

    def handle(self, *args, rebuild=False, **options):
        index = reader_index()
        written = index.rebuild_now() if rebuild else index.sync()
        if written is None:
            self.stdout.write("Another process is writing the index; it applies the same changes.")
        else:
            self.stdout.write(f"Search index in {index.path or 'memory'}: {written} stories written.")
