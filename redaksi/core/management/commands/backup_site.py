"""manage.py backup_site --output DIR: the database and the media in one folder (see redaksi/core/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from redaksi.core.backup import BackupError, backup_site


class Command(BaseCommand):
    help = "Back up the database and the media files into a new folder, with a manifest of checksums."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="The folder to write; it must not hold a backup yet.")

    def handle(self, *args, **options):
        try:
            manifest = backup_site(options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{n} {label}" for label, n in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Backed up the {manifest['database_vendor']} database ({counts})"))
        for name in manifest["files"]:
            self.stdout.write(f"  {options['output']}/{name}")
