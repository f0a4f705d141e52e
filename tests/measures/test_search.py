"""The facet classes of the measure search (measures/search/facets.py) and the search's cost."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from measures.models import Classification, Measure
from measures.search import FACETS, SearchParams, measure_search
from measures.search.facets import (
    MAX_QUERY_LENGTH,
    MAX_VALUE_LENGTH,
    MAX_VALUES,
    TEXT,
    ChoiceLists,
    CountyFacet,
    MultipleChoiceFacet,
    SingleChoiceFacet,
)

from .factories import MeasureFactory, published

pytestmark = pytest.mark.django_db

BY_NAME = {facet.name: facet for facet in FACETS}

HOSTILE = [
    "",
    "\x00",
    "vold\x00",
    "²",
    "٣",
    "-1",
    "1.0",
    " 1",
    "01",
    "6",
    "99999999999999999999",
    "' OR 1=1 --",
    "'); DROP TABLE measures_measure; --",
    "%",
    "_",
    "<script>alert(1)</script>",
    "a" * 10_000,
    "🙂",
    "NULL",
    "None",
    "ø",
]


def _query(**params) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in params.items():
        data.setlist(name, values if isinstance(values, list) else [values])
    return data


def _lists() -> ChoiceLists:
    return ChoiceLists(FACETS)


def _counts(facets) -> dict:
    return {f.name: {o.value: o.count for o in f.options} for f in facets}


@pytest.fixture
def bank(unit_a, unit_b):
    """Six published measures across themes, arenas, evidence levels, statuses and counties (all
    with "tiltak" in the title, so a text search for it matches every one), and one draft."""
    published(
        unit=unit_a,
        title="Skoletiltak",
        themes=["vold"],
        classifications={"arenas": ["skole"], "age_bands": ["13-15"]},
        ungsinn_level=3,
        ungsinn_url="https://ungsinn.no/post_tiltak/a/",
    )
    published(
        unit=unit_a,
        title="Fritidstiltak",
        themes=["vold", "rus-alkohol"],
        classifications={"arenas": ["fritid"], "age_bands": ["13-15", "16-18"]},
    )
    published(
        unit=unit_b,
        title="Rustiltak",
        themes=["rus-alkohol"],
        classifications={"arenas": ["skole"]},
        ungsinn_level=0,
        ungsinn_url="https://ungsinn.no/post_tiltak/b/",
        status=Measure.Status.PLANNED,
    )
    published(unit=unit_b, title="Nabotiltak", themes=["mobbing"], status=Measure.Status.ENDED, end_date="2024-01-01")
    published(unit=unit_b, title="Trafikktiltak", themes=[])
    published(
        unit=unit_a, title="Natteravntiltak", themes=["vold"], classifications={"prevention_levels": ["selektiv"]}
    )
    MeasureFactory(unit=unit_a, title="Utkasttiltak", themes=["vold"])


# --- reading and resolving values -------------------------------------------------------------


def test_registry_has_one_instance_per_kind_and_unique_names():
    assert len(BY_NAME) == len(FACETS)
    kinds = {type(facet) for facet in FACETS}
    assert kinds == {MultipleChoiceFacet, SingleChoiceFacet, CountyFacet}


def test_facet_names_must_be_plain_letters():
    with pytest.raises(ValueError):
        SingleChoiceFacet("x'; --", "X", field="status")


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_read_bounds_the_raw_values(name):
    facet = BY_NAME[name]
    values = facet.read(_query(**{name: ["", "\x00", "ok\x00", "a" * 1000, *[str(i) for i in range(100)]]}))
    assert "" not in values and not any("\x00" in v for v in values)
    assert len(values) == MAX_VALUES
    assert values[0] == "a" * MAX_VALUE_LENGTH
    assert facet.read(_query()) == []


@pytest.mark.parametrize("name", sorted(BY_NAME))
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_resolve_to_nothing(name, value, unit_a):
    facet = BY_NAME[name]
    assert facet.resolve(facet.read(_query(**{name: value})), _lists()) == []


def test_values_resolve_to_database_keys(unit_a):
    lists = _lists()
    vold = next(t for t in lists.rows(BY_NAME["theme"].model) if t.slug == "vold")
    assert BY_NAME["theme"].resolve(["vold", "finnes-ikke"], lists) == [vold.pk]
    skole = Classification.objects.get(kind=Classification.Kind.ARENA, slug="skole")
    assert BY_NAME["arena"].resolve(["skole"], lists) == [skole.pk]
    # a slug of another kind is not an arena
    assert BY_NAME["arena"].resolve(["13-15"], lists) == []
    assert BY_NAME["evidence"].resolve(["0", "5", "none"], lists) == ["5", "0", "none"]
    assert BY_NAME["status"].resolve(["ended", "ENDED"], lists) == ["ended"]
    county = unit_a.municipalities.get().county
    assert BY_NAME["county"].resolve([county.number], lists) == [county.pk]


def test_lists_load_each_model_once(django_assert_num_queries):
    """Themes and classifications by one query (a UNION), counties by another."""
    lists = _lists()
    with django_assert_num_queries(2):
        for _round in range(2):
            for facet in FACETS:
                facet.choices(lists)


def test_text_is_normalised_and_truncated():
    assert TEXT.read(_query(q="  rus \x00 og\t\nvold ")) == ("rus og vold", False)
    q, truncated = TEXT.read(_query(q="a" * 10_000))
    assert q == "a" * MAX_QUERY_LENGTH and truncated
    assert TEXT.read(_query()) == ("", False)


def test_sqlite_fallback_stems_norwegian_endings():
    assert TEXT.stem("tiltakene") == "tiltak"
    assert TEXT.stem("Skolen") == "skol"
    assert TEXT.stem("vold") == "vold"  # too short to strip


def test_search_params_ignore_unknown_sort_and_keep_raw_values():
    params = SearchParams.from_querydict(_query(q="vold", sort="'; DROP", theme=["vold", "x"], unknown="1"))
    assert params.sort == "relevance" and params.filters == {"theme": ["vold", "x"]} and params.active
    assert SearchParams.from_querydict(_query()).sort == "newest"


# --- filtering and counting -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_each_option_counts_what_its_filter_finds(bank, name):
    facet = BY_NAME[name]
    lists = _lists()
    qs = Measure.objects.published()
    counts = facet.count(qs)
    assert counts == facet.count(qs, every_published=True)
    for _value, key, _label in facet.choices(lists):
        assert facet.filter(qs, [key]).count() == counts.get(key, 0), key
    assert sum(counts.values()) >= 1


def test_values_within_a_facet_combine_with_or(bank):
    qs = Measure.objects.published()
    evidence = BY_NAME["evidence"]
    assert sorted(evidence.filter(qs, ["3", "0"]).values_list("title", flat=True)) == ["Rustiltak", "Skoletiltak"]
    assert evidence.filter(qs, ["none"]).count() == 4
    assert evidence.filter(qs, ["none", "0"]).count() == 5


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"theme": "vold"},
        {"theme": ["vold", "rus-alkohol"], "arena": "skole"},
        {"evidence": ["none", "0"]},
        {"status": "active", "age": "13-15"},
        {"county": "__A__"},
        {"county": ["__A__", "__B__"], "theme": "vold", "evidence": "3"},
        {"level": "selektiv", "status": ["active", "ended"]},
        {"theme": "finnes-ikke"},
    ],
)
def test_text_search_path_counts_as_the_orm_path(bank, unit_a, unit_b, params):
    """With a text matching every measure, the one-query SQL path (text) gives the same results
    and facet counts as the per-facet ORM path (no text)."""
    numbers = {"__A__": unit_a.municipalities.get().county.number, "__B__": unit_b.municipalities.get().county.number}
    params = {
        name: [numbers.get(v, v) for v in value] if isinstance(value, list) else numbers.get(value, value)
        for name, value in params.items()
    }
    orm_results, orm_facets = measure_search(params=SearchParams.from_querydict(_query(**params)))
    sql_results, sql_facets = measure_search(params=SearchParams.from_querydict(_query(q="tiltak", **params)))
    assert sorted(m.title for m in sql_results[:100]) == sorted(m.title for m in orm_results[:100])
    assert sql_results.count() == orm_results.count()
    assert _counts(sql_facets) == _counts(orm_facets)


@pytest.mark.parametrize("name", sorted(BY_NAME))
@pytest.mark.parametrize("q", ["", "tiltak"])
def test_hostile_facet_values_never_500(client, bank, name, q):
    for value in ["²", "' OR 1=1 --", "a" * 10_000, "\x00", "🙂", ["x"] * 500]:
        response = client.get(reverse("measures:list"), {name: value, "q": q})
        assert response.status_code == 200
        # an unknown value filters nothing out
        assert response.context["page_obj"].paginator.count == 6
        assert client.get(reverse("measures:export_csv"), {name: value, "q": q}).status_code == 200


# --- the cost of a text search ----------------------------------------------------------------

# The managed lists (themes with classifications, counties), the one facet/total/ids query, the
# page's card rows, and their themes and age bands (one query).
TEXT_SEARCH_QUERIES = 5


def _text_search_query_count(client, django_assert_max_num_queries, **params):
    with django_assert_max_num_queries(TEXT_SEARCH_QUERIES):
        response = client.get(reverse("measures:list"), {"q": "tiltak", **params})
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("sort", ["relevance", "newest", "title"])
def test_text_search_query_count_does_not_grow_with_results(client, bank, unit_a, django_assert_max_num_queries, sort):
    """Also run on PostgreSQL (the same code path; ranking only there)."""
    response = _text_search_query_count(client, django_assert_max_num_queries, sort=sort, theme="vold")
    assert len(response.context["page_obj"]) == 3
    for n in range(25):
        published(unit=unit_a, title=f"Flere tiltak {n}", themes=["vold"], classifications={"age_bands": ["13-15"]})
    response = _text_search_query_count(client, django_assert_max_num_queries, sort=sort, theme="vold")
    assert len(response.context["page_obj"]) == 20


@pytest.mark.django_db
def test_relevance_without_text_falls_back_to_newest(client):
    """Nothing to rank without text: ?sort=relevance alone (and the API's default) is newest first,
    not a query on a missing rank column (a 503 on PostgreSQL before)."""
    from measures.search import SearchParams, measure_search

    results, _facets = measure_search(params=SearchParams())
    assert list(results) == []
    assert client.get("/tiltak/?sort=relevance").status_code == 200


@pytest.mark.parametrize(
    "q", ["leksehjelp", "skole og vold", "ab leksehjelp", "x", "a_b%c", "!!!", "natteravn ungdom skolene", ""]
)
def test_text_stand_in_gives_the_same_sql_as_the_query(q):
    """The site search compiles its measures group once per shape (TEXT.stand_in, core.sql.objects):
    the stand-in's SQL, with its parameters replaced, must be the query's own, on either database."""
    sql, params = TEXT.published(q).query.sql_with_params()
    shape, stand_in_q, patterns = TEXT.stand_in(q)
    stand_sql, stand_params = TEXT.published(stand_in_q).query.sql_with_params()
    assert stand_sql == sql
    assert [patterns.get(p, p) if isinstance(p, str) else p for p in stand_params] == list(params)
    assert len(set(patterns)) == len(patterns) and all(key not in patterns.values() for key in patterns)


def test_the_site_search_measures_group_matches_the_measure_bank(client):
    """Compiled once per shape, the group still finds what the measure bank finds for each query."""
    published(title="Leksehjelp på biblioteket")
    published(title="Natteravner i sentrum", summary="Voksne ute om kvelden")
    MeasureFactory(title="Leksehjelp som utkast")  # a draft: never found
    for q, title in [("leksehjelp", "Leksehjelp på biblioteket"), ("kvelden natteravner", "Natteravner i sentrum")]:
        page = client.get("/sok/", {"q": q}).content.decode()
        bank = client.get("/tiltak/", {"q": q}).content.decode()
        assert title in page and title in bank
        assert "Leksehjelp som utkast" not in page
