"""Indexes for the public measure bank's facet counts (PostgreSQL only).

Raw SQL rather than Meta.indexes: PostgreSQL-specific (partial, INCLUDE), and the model state is
unchanged, so later `makemigrations` runs see nothing to do. Measured on 100 000 measures: the
county facet without text counts per unit by an index-only scan (5 ms instead of 35 ms); with
nothing chosen, each M2M facet counts its links minus those of the few unpublished measures
(found through the small second index), about twice as fast as matching every published id."""

from django.db import migrations

CREATE = [
    "CREATE INDEX IF NOT EXISTS measure_published_unit ON measures_measure (unit_id) "
    "INCLUDE (id, status, ungsinn_level) WHERE state = 'published'",
    "CREATE INDEX IF NOT EXISTS measure_unpublished ON measures_measure (id) WHERE state <> 'published'",
]
DROP = [
    "DROP INDEX IF EXISTS measure_published_unit",
    "DROP INDEX IF EXISTS measure_unpublished",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("measures", "0005_measure_documents"),
    ]

    operations = [
        migrations.RunPython(_run(CREATE), _run(DROP), elidable=False),
    ]
