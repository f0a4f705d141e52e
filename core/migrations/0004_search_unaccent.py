"""PostgreSQL: `slt_unaccent(text)`, `unaccent` with its dictionary named and declared IMMUTABLE
(PostgreSQL's own is STABLE, because its dictionary could change), so that the apps can index the
search documents built with it (core.search.search_index_sql). Nothing on other databases."""

from django.db import migrations

from core.migration_ops import postgresql_only

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE OR REPLACE FUNCTION slt_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
    "AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$",
]
DROP = ["DROP FUNCTION IF EXISTS slt_unaccent(text)"]


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_list_value_retired_at"),
    ]

    operations = [
        postgresql_only(CREATE, DROP),
    ]
