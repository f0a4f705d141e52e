"""The unfiltered measure bank's facet counts (one index-only query) and their per-process memo,
keyed on the content version (measures/memo.py, issue 14)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from measures import memo, services
from measures.models import Measure
from measures.search import SearchParams, measure_search
from measures.search.facets import FACETS, ChoiceLists
from measures.search.query import _all_counts, _resolve, _text_search_counts

from .factories import MeasureFactory, published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh():
    cache.clear()
    memo.clear()
    yield
    cache.clear()
    memo.clear()


@pytest.fixture
def bank(unit_a, unit_b):
    published(unit=unit_a, themes=["vold"], classifications={"arenas": ["skole"], "age_bands": ["13-15"]})
    published(unit=unit_a, themes=["vold", "mobbing"], ungsinn_level=3, status="ended")
    published(unit=unit_b, themes=["rus-alkohol"], classifications={"prevention_levels": ["selektiv"]})
    # Not public: their links must not count.
    MeasureFactory(unit=unit_a, themes=["vold"], classifications={"arenas": ["skole"], "age_bands": ["13-15"]})
    MeasureFactory(unit=unit_b, themes=["mobbing"], state=Measure.State.ARCHIVED, ungsinn_level=2)


def test_unfiltered_counts_agree_with_the_text_search_query(bank):
    """The index-only query (all links minus the unpublished measures' links) gives what the
    general one-query search gives over the published measures."""
    counts, total = _all_counts()
    params = SearchParams()
    general, general_total, _ids = _text_search_counts(params, _resolve(params, ChoiceLists(FACETS)))
    assert total == general_total == 3
    assert counts == {name: {k: n for k, n in c.items() if n} for name, c in general.items()}
    themes = {o.value: o.count for o in measure_search(params=params)[1][0].options}
    assert themes["vold"] == 2 and themes["mobbing"] == 1 and themes["rus-alkohol"] == 1


@override_settings(PAGE_CACHE_ENABLED=True)
def test_counts_are_kept_until_the_content_changes(client, bank, sfk_admin, django_capture_on_commit_callbacks):
    """A logged-in visitor gets no page cache, but the unfiltered counts are kept: the second
    request leaves out the count query; a publish through the service shows at once."""
    client.force_login(sfk_admin)

    def count_queries(queries):
        return [q for q in queries if '"measures_measure_themes" t GROUP BY' in q["sql"]]

    with CaptureQueriesContext(connection) as queries:
        first = client.get("/tiltak/")
    assert first.context["page_obj"].paginator.count == 3
    assert len(count_queries(queries)) == 1
    with CaptureQueriesContext(connection) as queries:
        client.get("/tiltak/")
    assert not count_queries(queries)
    draft = Measure.objects.get(state=Measure.State.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        services.measure_publish(measure=draft, by=sfk_admin)
    after = client.get("/tiltak/")
    assert after.context["page_obj"].paginator.count == 4
    themes = {o.value: o.count for o in after.context["facets"][0].options}
    assert themes["vold"] == 3


@override_settings(PAGE_CACHE_ENABLED=True)
def test_a_flushed_cache_is_never_answered_from_before_the_flush(bank, unit_a):
    """The version starts at 1 again after a flush; the epoch next to it makes the memo recompute."""
    assert _total() == 3
    published(unit=unit_a)  # a factory: no content_changed(), so the memo still answers 3
    assert _total() == 3
    cache.clear()
    assert _total() == 4


def _total():
    return measure_search(params=SearchParams())[0].count()


@override_settings(PAGE_CACHE_ENABLED=True)
def test_my_measures_table_is_cached_but_a_draft_change_shows_at_once(client, unit_a, coordinator_a):
    """The coordinator's table is a cached fragment; a draft saved through the service (which
    bumps no content version) changes the key, so the next request shows it."""
    draft = MeasureFactory(unit=unit_a, title="Første utkast")
    client.force_login(coordinator_a)
    assert "Første utkast" in client.get("/tiltak/mine/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/tiltak/mine/")
    assert "Første utkast" in again.content.decode()
    assert not [q for q in queries if "ORDER BY" in q["sql"] and "measures_measure" in q["sql"]]
    services.measure_update(measure=draft, by=coordinator_a, data={"title": "Andre utkast"})
    page = client.get("/tiltak/mine/").content.decode()
    assert "Andre utkast" in page and "Første utkast" not in page
    MeasureFactory(unit=unit_a, title="Nytt utkast")
    assert "Nytt utkast" in client.get("/tiltak/mine/").content.decode()
