from django.core.management.base import BaseCommand

from documents.content import PAGES, ensure_pages
from documents.models import InfoPage


class Command(BaseCommand):
    help = (
        "Create the information pages that are missing from the Markdown files in "
        "documents/content/pages/ (pages that exist, edited or not, are left alone). Idempotent."
    )

    def handle(self, *args, **options):
        created = ensure_pages(InfoPage)
        self.stdout.write(f"Created {created} of {len(PAGES)} information page(s); the others already existed.")
