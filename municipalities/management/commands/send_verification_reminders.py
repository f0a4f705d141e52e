from django.core.management.base import BaseCommand

from core.vocabulary import STALE_AFTER_DAYS
from municipalities.services import reminders_send


class Command(BaseCommand):
    help = "E-mail coordinators whose directory entry has not been verified for more than 12 months."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would get a reminder; send nothing.")
        parser.add_argument(
            "--days",
            type=int,
            default=STALE_AFTER_DAYS,
            help=f"Age in days that counts as stale ({STALE_AFTER_DAYS}).",
        )

    def handle(self, *args, dry_run=False, days=STALE_AFTER_DAYS, **options):
        coordinators = reminders_send(dry_run=dry_run, days=days)
        for c in coordinators:
            verified = c.verified_at.date().isoformat() if c.verified_at else "never"
            self.stdout.write(f"{c.email}\t{c.unit.name}\tlast verified {verified}")
        verb = "would be reminded" if dry_run else "reminded"
        self.stdout.write(self.style.SUCCESS(f"{len(coordinators)} coordinator(s) {verb}."))
