# Event.is_online becomes Event.format (physical, digital or hybrid): online → digital, else physical.
# Registrations get two statuses for the "coordinators and partners" audience: pending (awaiting
# Sfk's approval) and declined; a declined registration, like a cancelled one, frees the e-mail address.

import django.db.models.functions.text
from django.db import migrations, models


def online_to_format(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Event.objects.filter(is_online=True).update(format="digital")
    Event.objects.filter(is_online=False).update(format="physical")


def format_to_online(apps, schema_editor):
    # Going back, hybrid events count as online (they have a join link).
    Event = apps.get_model("events", "Event")
    Event.objects.filter(format__in=["digital", "hybrid"]).update(is_online=True)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_news_reference"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="registration",
            name="registration_email_per_event_unique",
        ),
        migrations.AddField(
            model_name="event",
            name="format",
            field=models.CharField(
                choices=[("physical", "Fysisk"), ("digital", "Digitalt"), ("hybrid", "Fysisk og digitalt (hybrid)")],
                default="physical",
                max_length=16,
                verbose_name="form",
            ),
        ),
        migrations.RunPython(online_to_format, format_to_online),
        migrations.RemoveField(
            model_name="event",
            name="is_online",
        ),
        migrations.AlterField(
            model_name="registration",
            name="status",
            field=models.CharField(
                choices=[
                    ("confirmed", "Bekreftet"),
                    ("waiting", "På venteliste"),
                    ("pending", "Venter på godkjenning"),
                    ("declined", "Ikke godkjent"),
                    ("cancelled", "Avmeldt"),
                ],
                max_length=16,
                verbose_name="status",
            ),
        ),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                models.F("event"),
                condition=models.Q(
                    models.Q(("status__in", ["cancelled", "declined"]), _negated=True), ("anonymised_at__isnull", True)
                ),
                name="registration_email_per_event_unique",
                violation_error_message="Denne e-postadressen er allerede påmeldt arrangementet.",
            ),
        ),
    ]
