"""manage.py restore_site DIR [--force]: replace the database and media with a backup (see redaksi/core/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from redaksi.core.backup import BackupError, restore_site


class Command(BaseCommand):
    help = (
        "Restore a backup_site folder: database and media, then migrate, empty the cache and purge the edge. "
        "Refuses a database that already holds stories, photos, people or pages unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The folder backup_site wrote.")
        parser.add_argument("--force", action="store_true", help="Replace a database that is not empty.")

    def handle(self, *args, **options):
        try:
            report = restore_site(options["folder"], force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        for line in report:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Restore complete."))
