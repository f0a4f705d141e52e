from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from municipalities.services import DATA_DIR, LoadError, load_municipalities


class Command(BaseCommand):
    help = "Load Norway's counties, municipalities (2024 structure) and Oslo's districts. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--municipalities", type=Path, default=DATA_DIR / "kommuner-2024.csv")
        parser.add_argument("--districts", type=Path, default=DATA_DIR / "oslo-bydeler.csv")

    def handle(self, *args, **options):
        for key in ("municipalities", "districts"):
            if not options[key].is_file():
                raise CommandError(f"File not found: {options[key]}")
        self.stdout.write("Loading municipalities …")
        try:
            summary = load_municipalities(
                municipalities_csv=options["municipalities"],
                districts_csv=options["districts"],
                progress=self.stdout.write,
            )
        except LoadError as exc:
            raise CommandError(f"{exc}. Nothing was loaded.") from exc
        self.stdout.write(self.style.SUCCESS(str(summary)))
