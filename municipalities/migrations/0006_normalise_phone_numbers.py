"""Existing phone numbers to E.164. A value that is not a phone number ("abc", "ring meg ikke") is
not lost: it moves into the unit's notes for Sfk, naming the entry, and the field is emptied."""

from django.core.exceptions import ValidationError
from django.db import migrations

from core.phone import normalise


def _normalise(apps, schema_editor):
    Coordinator = apps.get_model("municipalities", "Coordinator")
    SLTUnit = apps.get_model("municipalities", "SLTUnit")
    for coordinator in Coordinator.objects.exclude(phone="").order_by("pk"):
        try:
            coordinator.phone = normalise(coordinator.phone)
        except ValidationError:
            unit = SLTUnit.objects.get(pk=coordinator.unit_id)
            note = (
                f"Telefonnummeret til {coordinator.name} var ikke et gyldig nummer og er fjernet "
                f"fra katalogen: «{coordinator.phone}»"
            )
            unit.sfk_notes = f"{unit.sfk_notes}\n\n{note}".strip()
            unit.save(update_fields=["sfk_notes"])
            coordinator.phone = ""
        coordinator.save(update_fields=["phone"])


class Migration(migrations.Migration):
    dependencies = [
        ("municipalities", "0005_phone_numbers"),
    ]

    operations = [
        migrations.RunPython(_normalise, migrations.RunPython.noop),
    ]
