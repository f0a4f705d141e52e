from django.conf import settings
from django.core.management.base import BaseCommand

from events.services import registrations_anonymise


class Command(BaseCommand):
    help = (
        "Delete dietary/accessibility notes after an event and anonymise its registrations "
        "EVENTS_RETENTION_DAYS days after it ended."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Override EVENTS_RETENTION_DAYS (now {settings.EVENTS_RETENTION_DAYS}).",
        )

    def handle(self, *args, days=None, **options):
        notes, anonymised = registrations_anonymise(days=days)
        self.stdout.write(f"Cleared notes on {notes} registrations; anonymised {anonymised} registrations.")
