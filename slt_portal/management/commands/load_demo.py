from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Each app's demo module has `load(*, log)`; run in dependency order. Idempotent.
DEMO_MODULES = ["accounts.demo", "municipalities.demo", "documents.demo", "measures.demo", "events.demo"]


class Command(BaseCommand):
    help = "Load clearly marked demo content (users, units, measures, documents, events). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Load demo content even when DEBUG is off (never do this on the real site).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError("Refusing to load demo content with DEBUG off; pass --allow-production to insist.")
        for name in DEMO_MODULES:
            try:
                module = import_module(name)
            except ModuleNotFoundError:
                continue
            with transaction.atomic():
                module.load(log=self.stdout.write)
        from accounts.demo import DEMO_ADMIN_EMAIL, DEMO_COORDINATOR_EMAIL, DEMO_PASSWORD

        self.stdout.write(self.style.SUCCESS("Demo content loaded. Log in at /konto/logg-inn/ with:"))
        self.stdout.write(f"  Sfk admin:   {DEMO_ADMIN_EMAIL} / {DEMO_PASSWORD}")
        self.stdout.write("               then the two-factor code: run `.venv/bin/python manage.py demo_otp`")
        self.stdout.write(f"  Coordinator: {DEMO_COORDINATOR_EMAIL} / {DEMO_PASSWORD}")
