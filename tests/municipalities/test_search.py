import pytest
from django.db import connection

from municipalities.models import District
from municipalities.selectors import directory_search, normalise
from tests.factories import CoordinatorFactory

from .factories import district_unit, unit_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(municipalities):
    kristiansand = unit_for("4204", name="SLT Kristiansand")
    baerum = unit_for("3201", name="SLT Bærum", coordinator=False)
    CoordinatorFactory(unit=baerum, name="Solveig Prøvelid")
    midt_troms = unit_for("5520", "5524", "5526", name="SLT Midt-Troms")
    salto = district_unit(District.objects.get(name="Grünerløkka"), name="SaLTo Grünerløkka")
    return {"kristiansand": kristiansand, "baerum": baerum, "midt_troms": midt_troms, "salto": salto}


def names(results):
    return [place.name for place in results]


def test_normalise_folds_norwegian_letters():
    assert normalise("  Bærum ") == "baerum"
    assert normalise("Tromsø") == "tromso"
    assert normalise("Ålesund") == normalise("Aalesund") == "alesund"
    assert normalise("Guovdageaidnu - Kautokeino") == "guovdageaidnu kautokeino"
    assert normalise("Unjárga") == "unjarga"


def test_sami_name_finds_municipality(directory):
    assert names(directory_search(query="Guovdageaidnu"))[0] == "Kautokeino"
    assert names(directory_search(query="kautokeino"))[0] == "Kautokeino"


def test_small_typo_finds_municipality_with_its_unit(directory):
    results = directory_search(query="Kristiansnad")
    assert results[0].name == "Kristiansand"
    assert results[0].unit == directory["kristiansand"]


@pytest.mark.parametrize("query", ["Baerum", "baerum", "BÆRUM", "Bærum"])
def test_diacritics_and_case_are_folded(directory, query):
    results = directory_search(query=query)
    assert results[0].name == "Bærum"
    assert results[0].unit == directory["baerum"]


def test_aa_spelling_of_a(directory):
    assert names(directory_search(query="Aalesund"))[0] == "Ålesund"


def test_county_name_lists_its_municipalities(directory):
    results = directory_search(query="Vestland")
    assert {p.municipality.county.name for p in results[:43]} == {"Vestland"}
    assert len(results) <= 45  # at most a near-miss or two (e.g. "Iveland") after them


def test_district_name_finds_oslo_district_and_unit(directory):
    results = directory_search(query="Grunerlokka")
    assert results[0].district.name == "Grünerløkka"
    assert results[0].unit == directory["salto"]


def test_unit_name_finds_all_member_municipalities(directory):
    results = directory_search(query="Midt-Troms")
    assert {"Bardu", "Målselv", "Sørreisa"} <= set(names(results)[:3])
    assert all(p.unit == directory["midt_troms"] for p in results[:3])


def test_coordinator_name_finds_their_unit(directory):
    results = directory_search(query="Solveig Provelid")
    assert results[0].name == "Bærum"


def test_no_result_and_empty_query(directory):
    assert len(directory_search(query="xqzvw")) == 0
    assert len(directory_search(query="   ")) == 0


def test_municipality_without_unit_is_a_result_without_unit(directory):
    results = directory_search(query="Utsira")
    assert results[0].name == "Utsira"
    assert results[0].unit is None
    assert not results[0].covered


def test_ended_units_and_hidden_coordinators_are_not_matched(directory):
    CoordinatorFactory(unit=directory["kristiansand"], name="Skjult Personesen", is_public=False)
    assert len(directory_search(query="Skjult Personesen")) == 0


@pytest.mark.postgres
def test_postgres_uses_trigram_and_unaccent_extensions(directory):
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        installed = {row[0] for row in cursor.fetchall()}
    assert {"pg_trgm", "unaccent"} <= installed
    with connection.cursor() as cursor:
        cursor.execute("SELECT word_similarity('kristiansnad', unaccent(lower('Kristiansand')))")
        assert cursor.fetchone()[0] > 0.45


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Fredrikstad kommune", "Fredrikstad"),
        ("Tromsø kommune", "Tromsø"),
        ("Tromsø kommunen", "Tromsø"),
        ("Bydel Grorud", "Grorud"),
        ("Grorud bydel", "Grorud"),
        ("Bergen municipality", "Bergen"),
        ("Kautokeino gielda", "Kautokeino"),
        ("Guovdageaidnu suohkan", "Kautokeino"),
        ("Agder fylke", None),
    ],
)
def test_words_for_municipality_district_or_county_are_ignored(directory, query, first):
    results = names(directory_search(query=query))
    assert results, query
    if first:
        assert results[0] == first
    else:
        assert "Kristiansand" in results  # the county's municipalities


def test_sami_name_in_use_ranks_the_town_before_its_county(directory):
    # "Romsa" is Tromsø's Northern Sami name and part of Troms county's official name.
    results = names(directory_search(query="Romsa"))
    assert results[0] == "Tromsø"
    assert "Balsfjord" in results  # the county's municipalities follow


def test_exact_name_outranks_prefix_and_prefix_outranks_fuzzy(directory):
    assert names(directory_search(query="Ål"))[0] == "Ål"
    assert names(directory_search(query="Al"))[0] == "Ål"
    assert names(directory_search(query="Ålesund"))[0] == "Ålesund"
    results = names(directory_search(query="Troms"))
    assert results[0] == "Tromsø"  # a name starting with the query before the county's municipalities


def test_search_query_count_does_not_grow_with_the_hits(directory):
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for query in ("Romsa", "Tromsø kommune", "Troms fylke", "Vestland fylke", "xqzvw"):  # 0 to 43 hits
        with CaptureQueriesContext(connection) as queries:
            results = directory_search(query=query)
            hits = len(results)
            page = results[:20]  # a page of places, with units and coordinators
            [p.unit and p.unit.public_coordinators for p in page]
        counts[query] = (hits, len(queries))
    # One match query, then six for the shown page's places, whatever matched.
    assert max(n for _hits, n in counts.values()) <= 7, counts
    assert counts["xqzvw"] == (0, 1)


def test_only_the_shown_page_of_places_is_read(directory):
    results = directory_search(query="Vestland")
    first, second = results[:20], results[20:40]
    assert len(results) > 40
    assert [p.name for p in first + second] == [p.name for p in results[:40]]
    assert all(p.score for p in first + second)
    assert [p.score for p in results[:40]] == sorted((p.score for p in results[:40]), reverse=True)


@pytest.mark.parametrize("query", ["bergen", "kristiansnad", "trondheim", "oslo", "grunerloka", "a", "midt troms"])
def test_fuzzy_bounds_give_the_same_score_as_difflib_on_every_name(municipalities, query):
    """The length and letter bounds only skip work: the scores equal plain difflib's."""
    import difflib

    from municipalities.models import Municipality
    from municipalities.search import FALLBACK_THRESHOLD, FUZZY_CAP, _Fuzzy

    def plain(q, text):
        words = text.split()
        runs = {" ".join(words[i : i + len(q.split())]) for i in range(len(words))} | {text}
        best = max(difflib.SequenceMatcher(None, q, run).ratio() for run in runs)
        return min(best, FUZZY_CAP) if best >= FALLBACK_THRESHOLD else 0.0

    fuzzy = _Fuzzy(query)
    texts = {normalise(t) for m in Municipality.objects.all() for t in (m.name, m.official_name)} - {""}
    assert [fuzzy.score(t) for t in sorted(texts)] == [plain(query, t) for t in sorted(texts)]
