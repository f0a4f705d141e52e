from django.core.management.base import BaseCommand

from outbox.services import outbox_retry_due


class Command(BaseCommand):
    help = "Send e-mails waiting in the outbox (failed ones are retried with back-off). Run periodically."

    def handle(self, *args, **options):
        sent, failed = outbox_retry_due()
        self.stdout.write(f"Outbox: {sent} sent, {failed} failed")
