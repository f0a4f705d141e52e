"""PostgreSQL: the rate-limit counters (`core.RateCounter`) in an UNLOGGED table. They are worth
nothing after a crash (PostgreSQL empties such a table then, and a fixed window starts again), so
they need no write-ahead log: an upsert writes less, and its commit does not wait for the log to
reach the disk (the open data API counts every request, page cache hits included). Unlogged tables
are not copied to streaming replicas; the counters are only ever written and read on the primary.
Nothing on other databases."""

from django.db import migrations

from core.migration_ops import postgresql_only


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_search_unaccent"),
    ]

    operations = [
        postgresql_only(["ALTER TABLE core_ratecounter SET UNLOGGED"], ["ALTER TABLE core_ratecounter SET LOGGED"]),
    ]
