"""Shared migration operations."""

from django.db import migrations


def postgresql_only(create: list[str], drop: list[str]) -> migrations.RunPython:
    """Run `create` (and `drop` when migrating back) on PostgreSQL only: indexes and functions
    SQLite has no syntax for, kept out of the model state (so `makemigrations` sees nothing)."""

    def run(statements):
        def forwards_or_back(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for sql in statements:
                    schema_editor.execute(sql)

        return forwards_or_back

    return migrations.RunPython(run(create), run(drop), elidable=False)
