import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        # The theme table exists already (created by measures, renamed in measures.0007).
        ("measures", "0007_theme_table_to_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Theme",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("name", models.CharField(max_length=100, verbose_name="navn (bokmål)")),
                        ("name_nn", models.CharField(blank=True, max_length=100, verbose_name="navn (nynorsk)")),
                        ("name_en", models.CharField(blank=True, max_length=100, verbose_name="navn (engelsk)")),
                        ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="rekkefølge")),
                        ("slug", models.SlugField(max_length=80, unique=True)),
                    ],
                    options={"verbose_name": "tema", "verbose_name_plural": "temaer", "ordering": ["sort_order", "name"]},
                ),
            ],
        ),
        migrations.CreateModel(
            name="AuditEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="tidspunkt")),
                ("actor_id", models.PositiveBigIntegerField(blank=True, db_index=True, null=True, verbose_name="utført av (id)")),
                ("actor_label", models.CharField(blank=True, max_length=254, verbose_name="utført av")),
                ("action", models.CharField(db_index=True, max_length=100, verbose_name="handling")),
                ("object_id", models.CharField(blank=True, max_length=64)),
                ("object_label", models.CharField(blank=True, max_length=300, verbose_name="objekt")),
                ("changes", models.JSONField(blank=True, default=dict, verbose_name="endringer")),
                (
                    "content_type",
                    models.ForeignKey(
                        blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to="contenttypes.contenttype"
                    ),
                ),
            ],
            options={
                "verbose_name": "loggføring",
                "verbose_name_plural": "loggføringer",
                "ordering": ["-created_at", "-pk"],
                "indexes": [models.Index(fields=["content_type", "object_id"], name="core_audit_object")],
            },
        ),
    ]
