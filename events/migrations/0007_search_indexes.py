"""PostgreSQL: a GIN index on the events' text-search document (events.selectors), so a search
reads the matches from the index instead of building every event's document (issue 14: 10 ms of
PostgreSQL's CPU per site search at 300 events). Nothing on other databases."""

from django.db import migrations

from core.migration_ops import postgresql_only

# core.search.search_index_sql() of the fields the selectors search, frozen here as text;
# tests/core/test_search_indexes.py checks that the searches use these indexes.
CREATE = [
    "CREATE INDEX IF NOT EXISTS event_search_document ON \"events_event\" USING gin ((setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"title\"), '')), 'A') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"summary\"), '')), 'B') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"description\"), '')), 'C') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"venue_name\"), '')), 'D')))",
]
DROP = [
    "DROP INDEX IF EXISTS event_search_document",
]


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_registration_unconfirmed"),
        ("core", "0004_search_unaccent"),
    ]

    operations = [
        postgresql_only(CREATE, DROP),
    ]
