from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.two_factor import devices_reset


class Command(BaseCommand):
    help = (
        "Remove a user's two-factor devices (authenticator and recovery codes) when they have lost both. "
        "They set up a new authenticator at their next login. Check who is asking before you run it."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The account's e-mail address")

    def handle(self, *args, email, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account with the e-mail address {email!r}.")
        count = devices_reset(user=user)
        self.stdout.write(f"Removed {count} two-factor device(s) and code(s) of user {user.pk}.")
