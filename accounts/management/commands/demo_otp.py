from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import DEMO_ADMIN_EMAIL
from accounts.two_factor import current_code


class Command(BaseCommand):
    help = "Print the demo Sfk admin's current two-factor code (demo data only; valid for about 30 seconds)."

    def handle(self, *args, **options):
        device = TOTPDevice.objects.filter(user__email__iexact=DEMO_ADMIN_EMAIL, confirmed=True).first()
        if device is None:
            raise CommandError("No demo admin with an authenticator: run `manage.py load_demo` first.")
        self.stdout.write(current_code(device))
