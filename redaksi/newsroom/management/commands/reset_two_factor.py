"""manage.py reset_two_factor USERNAME: remove a lost authenticator app and its recovery codes."""

from django.core.management.base import BaseCommand, CommandError

from redaksi.newsroom.services import NewsroomError, get_user
from redaksi.newsroom.two_factor import requires_two_factor, reset


class Command(BaseCommand):
    help = "Remove a user's authenticator apps and recovery codes (lost phone); audited. They enrol again."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        try:
            user = get_user(options["username"])
        except NewsroomError as error:
            raise CommandError(error) from error
        apps, codes = reset(user)
        self.stdout.write(f"{user.get_username()}: removed {apps} authenticator app(s) and {codes} recovery code(s).")
        if requires_two_factor(user):
            self.stdout.write("They set up a new app at their next sign-in before any admin page opens.")
        else:
            self.stdout.write("Their role does not require two-step sign-in; they may set it up again.")
