from django.conf import settings
from django.core.management.base import BaseCommand

from events.services import registrations_delete_unconfirmed


class Command(BaseCommand):
    help = (
        "Delete event registrations whose e-mail address was not confirmed within "
        "EVENTS_UNCONFIRMED_DELETE_HOURS hours. Run daily."
    )

    def handle(self, *args, **options):
        deleted = registrations_delete_unconfirmed()
        hours = settings.EVENTS_UNCONFIRMED_DELETE_HOURS
        self.stdout.write(f"Deleted {deleted} registrations not confirmed within {hours} hours.")
