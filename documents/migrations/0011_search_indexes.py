"""PostgreSQL: GIN indexes on the text-search documents of news, information pages and
publications (documents.selectors), so a search reads the matches from the index instead of building
every row's document (issue 14: the site search's news and page groups took 9 and 5 ms of
PostgreSQL's CPU at 300 articles). Nothing on other databases."""

from django.db import migrations

from core.migration_ops import postgresql_only

# core.search.search_index_sql() of the fields the selectors search, frozen here as text;
# tests/core/test_search_indexes.py checks that the searches use these indexes.
CREATE = [
    "CREATE INDEX IF NOT EXISTS news_search_document ON \"documents_newsarticle\" USING gin ((setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"title\"), '')), 'A') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"lead\"), '')), 'B') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"body\"), '')), 'C')))",
    "CREATE INDEX IF NOT EXISTS infopage_search_document ON \"documents_infopage\" USING gin ((setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"title\"), '')), 'A') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"title_nn\"), '')), 'A') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"title_en\"), '')), 'A') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"summary\"), '')), 'B') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"summary_nn\"), '')), 'B') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"summary_en\"), '')), 'B') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"body\"), '')), 'C') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"body_nn\"), '')), 'C') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"body_en\"), '')), 'C')))",
    "CREATE INDEX IF NOT EXISTS publication_search_document ON \"documents_publication\" USING gin ((setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"title\"), '')), 'A') || setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"summary\"), '')), 'B')))",
]
DROP = [
    "DROP INDEX IF EXISTS news_search_document",
    "DROP INDEX IF EXISTS infopage_search_document",
    "DROP INDEX IF EXISTS publication_search_document",
]


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0010_protect_unit"),
        ("core", "0004_search_unaccent"),
    ]

    operations = [
        postgresql_only(CREATE, DROP),
    ]
