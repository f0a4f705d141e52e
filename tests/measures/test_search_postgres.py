"""Full-text search on PostgreSQL (norwegian configuration, weighted vector, GIN index)."""

import pytest
from django.db import connection
from django.urls import reverse

from measures import services
from measures.models import Measure, Theme

from .factories import MeasureFactory, published

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _titles(response):
    return [m.title for m in response.context["page_obj"]]


def test_stemming_finds_inflected_forms(client, unit_a):
    published(unit=unit_a, title="Forebyggende tiltak i skolen", summary="Kort.")
    published(unit=unit_a, title="Natteravn", summary="Voksne ute.")
    assert _titles(client.get(reverse("measures:list"), {"q": "tiltakene"})) == ["Forebyggende tiltak i skolen"]
    assert _titles(client.get(reverse("measures:list"), {"q": "skole"})) == ["Forebyggende tiltak i skolen"]


def test_title_match_ranks_before_summary_and_description(client, unit_a):
    published(unit=unit_a, title="Foreldremøter", summary="Kort.", description="Om mobbing i klassen.")
    published(unit=unit_a, title="Klassemiljø", summary="Tiltak mot mobbing.")
    published(unit=unit_a, title="Mobbeombud og mobbing", summary="Kort.")
    response = client.get(reverse("measures:list"), {"q": "mobbing", "sort": "relevance"})
    assert _titles(response) == ["Mobbeombud og mobbing", "Klassemiljø", "Foreldremøter"]


def test_service_layer_keeps_vector_current(unit_a, coordinator_a):
    measure = MeasureFactory(unit=unit_a, title="Gammel tittel")
    services.measure_update(measure=measure, by=coordinator_a, data={"title": "Sommerjobb for ungdom"})
    services.measure_publish(measure=measure, by=coordinator_a)
    from django.contrib.postgres.search import SearchQuery

    query = SearchQuery("sommerjobbene", config="norwegian")
    assert Measure.objects.filter(search_vector=query).get() == measure
    assert not Measure.objects.filter(search_vector=SearchQuery("gammel", config="norwegian")).exists()


def test_gin_index_exists():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'measure_search_vector_gin'")
        assert "gin" in cursor.fetchone()[0].lower()


def test_text_and_facets_combine_with_counts(client, unit_a):
    published(
        unit=unit_a,
        title="Rusforebygging i skolen",
        themes=["rus-alkohol"],
        classifications={"arenas": ["skole"], "age_bands": ["13-15"]},
    )
    published(
        unit=unit_a,
        title="Rusfri fritid",
        themes=["rus-alkohol"],
        classifications={"arenas": ["fritid"], "age_bands": ["16-18"]},
    )
    published(unit=unit_a, title="Trygg trafikk til skolen", themes=["trafikk"], classifications={"arenas": ["skole"]})
    response = client.get(reverse("measures:list"), {"q": "skolen", "arena": "skole"})
    assert sorted(_titles(response)) == ["Rusforebygging i skolen", "Trygg trafikk til skolen"]
    facets = {f.name: {o.value: o.count for o in f.options} for f in response.context["facets"]}
    assert facets["theme"] == {**{t.slug: 0 for t in Theme.objects.all()}, "rus-alkohol": 1, "trafikk": 1}
    assert facets["arena"]["skole"] == 2 and facets["arena"]["fritid"] == 0
    response = client.get(reverse("measures:list"), {"q": "skolen", "arena": "skole", "theme": "trafikk"})
    assert _titles(response) == ["Trygg trafikk til skolen"]


def test_empty_result_has_message(client, published_a):
    response = client.get(reverse("measures:list"), {"q": "finnesikkeiheletatt"})
    assert response.status_code == 200 and _titles(response) == []
    assert "Ingen tiltak passer" in response.content.decode()


@pytest.mark.parametrize(
    "q",
    [
        "%",
        "'",
        "''",
        "<script>",
        "a" * 10_000,
        "\x00",
        "!",
        "&|",
        ":*",
        "\\",
        "tiltak OR",
        "-tiltak",
        '"',
        "(((",
        "æøå ÆØÅ",
        "🙂",
    ],
)
def test_hostile_queries_are_200(client, published_a, q):
    response = client.get(reverse("measures:list"), {"q": q})
    assert response.status_code == 200
    response = client.get(reverse("measures:export_csv"), {"q": q})
    assert response.status_code == 200


@pytest.mark.parametrize("id_list_limit", [1000, 3])
def test_ranked_text_search_query_count_is_pinned(
    client, unit_a, monkeypatch, django_assert_num_queries, id_list_limit
):
    """The managed lists (themes and classifications in one query, counties), the one
    facet/total/ids query, the page's card rows (a primary-key lookup, or the text match again
    above ID_LIST_LIMIT) and their themes and age bands (one query), however many results."""
    from measures.search import query

    monkeypatch.setattr(query, "ID_LIST_LIMIT", id_list_limit)
    for n in range(25):
        published(unit=unit_a, title=f"Leksehjelp {n}", themes=["skole-frafall"], classifications={"arenas": ["skole"]})
    with django_assert_num_queries(5):
        response = client.get(reverse("measures:list"), {"q": "leksehjelpen", "arena": "skole", "sort": "relevance"})
    assert len(response.context["page_obj"]) == 20
    assert response.context["page_obj"].paginator.count == 25
