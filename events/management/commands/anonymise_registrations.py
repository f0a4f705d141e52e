from django.conf import settings
from django.core.management.base import BaseCommand

from events.services import registrations_anonymise


class Command(BaseCommand):
    help = "Delete notes and anonymise event registrations N days after the event ended (EVENTS_RETENTION_DAYS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Override EVENTS_RETENTION_DAYS (now {settings.EVENTS_RETENTION_DAYS}).",
        )

    def handle(self, *args, days=None, **options):
        count = registrations_anonymise(days=days)
        self.stdout.write(f"Anonymised {count} registrations.")
