from django.core.management.base import BaseCommand

from documents.services import contact_messages_purge


class Command(BaseCommand):
    help = "Delete contact form messages older than CONTACT_RETENTION_DAYS (run daily)."

    def handle(self, *args, **options):
        deleted = contact_messages_purge()
        self.stdout.write(f"Deleted {deleted} contact message(s).")
