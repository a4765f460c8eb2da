"""manage.py assign_role USERNAME ROLE [--desk SLUG ...]: put an account in a newsroom role and its desks."""

from django.core.management.base import BaseCommand, CommandError

from redaksi.newsroom import roles
from redaksi.newsroom.services import NewsroomError, assign_role


class Command(BaseCommand):
    help = f"Put a user in a newsroom role ({', '.join(roles.ROLES)}); Wartawan and Redaktur need --desk."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", help='role name as shown in the admin, e.g. "Redaktur Pelaksana"')
        parser.add_argument(
            "--desk", action="append", default=[], dest="desks", metavar="SECTION_SLUG", help="repeatable"
        )

    def handle(self, *args, **options):
        try:
            joined = assign_role(options["username"], options["role"], options["desks"])
        except NewsroomError as error:
            raise CommandError(error) from error
        if joined:
            self.stdout.write(f"{options['username']} joined: {', '.join(group.name for group in joined)}")
        else:
            desks = f" in {', '.join(dict.fromkeys(options['desks']))}" if options["desks"] else ""
            self.stdout.write(f"Nothing to do: {options['username']} already is {options['role']}{desks}.")
