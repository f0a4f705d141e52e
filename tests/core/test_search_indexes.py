"""The text searches on PostgreSQL read their matches from the GIN indexes the migrations create on
their search documents (core.search.search_index_sql; core 0004, documents 0011, events 0007), so
that a search does not build every row's document (issue 14: the site search spent 25 ms of
PostgreSQL's CPU on that at 300 news articles and events). If the fields a selector searches, or the
document expression, change without a new index, the plan falls back to reading every row and
these tests fail."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.utils import timezone

from core.search import search_index_sql
from documents.selectors import NEWS_SEARCH_FIELDS, info_page_search, library_search, news_search
from events.models import Event
from events.selectors import EVENT_SEARCH_FIELDS, event_text_filter

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

SEARCHES = {
    "news_search_document": lambda: news_search(q="handlingsplan", now=timezone.now()),
    "infopage_search_document": lambda: info_page_search(q="handlingsplan"),
    "publication_search_document": lambda: library_search(user=AnonymousUser(), q="handlingsplan"),
    "event_search_document": lambda: event_text_filter(Event.objects.public(), "handlingsplan", rank=True),
}


@pytest.mark.parametrize("index", SEARCHES)
def test_search_reads_its_matches_from_the_index(index):
    with transaction.atomic():
        with connection.cursor() as cursor:
            # On a few test rows a sequential scan is cheaper; forbidding it (where an index can
            # answer) shows whether the index matches the search's expression at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = SEARCHES[index]().explain()
    assert index in plan, plan


def test_index_sql_is_the_document_the_search_builds():
    sql = search_index_sql("x", "documents_newsarticle", NEWS_SEARCH_FIELDS)
    assert sql.startswith('CREATE INDEX IF NOT EXISTS x ON "documents_newsarticle" USING gin ((')
    for column, weight in NEWS_SEARCH_FIELDS.items():
        assert (
            f"setweight(to_tsvector('norwegian'::regconfig, COALESCE(slt_unaccent(\"{column}\"), '')), '{weight}')"
            in sql
        )
    assert sql.count("setweight(") == len(NEWS_SEARCH_FIELDS)
    assert len(EVENT_SEARCH_FIELDS) == 4


def test_unaccent_wrapper_folds_as_unaccent_does():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT slt_unaccent('Håndbok for SLT-koordinatorer'), unaccent('Håndbok for SLT-koordinatorer')"
        )
        ours, theirs = cursor.fetchone()
    assert ours == theirs == "Handbok for SLT-koordinatorer"
