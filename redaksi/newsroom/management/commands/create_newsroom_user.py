"""manage.py create_newsroom_user USERNAME --name NAME --email EMAIL: an account linked to its byline."""

from django.core.management.base import BaseCommand, CommandError

from redaksi.newsroom.services import NewsroomError, create_newsroom_user


class Command(BaseCommand):
    help = "Create a newsroom account and its byline (people.Person); prints a one-time password unless given one."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help='full name as bylined, e.g. "Rina Kusuma"')
        parser.add_argument("--email", required=True)
        parser.add_argument("--password", help="default: generate one and print it once")
        parser.add_argument("--person", metavar="SLUG", help="link this existing byline instead of creating one")

    def handle(self, *args, **options):
        try:
            user, person, password = create_newsroom_user(
                options["username"], options["name"], options["email"], options["password"], options["person"]
            )
        except NewsroomError as error:
            raise CommandError(error) from error
        self.stdout.write(f"Created {user.get_username()}, byline {person.name} ({person.slug}).")
        if password:
            self.stdout.write(f"One-time password (shown once, ask them to change it): {password}")
        self.stdout.write(f"Next: manage.py assign_role {user.get_username()} ROLE [--desk SECTION_SLUG]")
