from django.core.management.base import BaseCommand

from outbox.services import outbox_purge_bodies


class Command(BaseCommand):
    help = "Delete the text of e-mails sent more than OUTBOX_RETENTION_DAYS ago (run daily)."

    def handle(self, *args, **options):
        purged = outbox_purge_bodies()
        self.stdout.write(f"Outbox: text deleted from {purged} sent e-mails")
