from django.db import migrations, models


class Migration(migrations.Migration):
    """Only E.164 numbers from now on (after 0006 has normalised or moved the old ones)."""

    dependencies = [
        ("municipalities", "0006_normalise_phone_numbers"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='coordinator',
            constraint=models.CheckConstraint(condition=models.Q(('phone', ''), ('phone__regex', '^\\+[1-9][0-9]{6,14}$'), _connector='OR'), name='coordinator_phone_e164'),
        ),
        migrations.AddConstraint(
            model_name='sltunit',
            constraint=models.CheckConstraint(condition=models.Q(('phone', ''), ('phone__regex', '^\\+[1-9][0-9]{6,14}$'), _connector='OR'), name='sltunit_phone_e164'),
        ),
    ]
