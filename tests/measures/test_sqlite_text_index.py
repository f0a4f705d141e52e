"""The SQLite fallback's text index (measures/migrations/0011): it exists after every migration,
follows inserts, edits and deletes, and finds what the plain `icontains` fallback found."""

import pytest
from django.db import connection
from django.db.models import Q

from measures.models import Measure
from measures.search.facets import SQLITE_TEXT_INDEX, TEXT

from .factories import published

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]  # PostgreSQL searches search_vector


def _icontains(q):
    qs = Measure.objects.published()
    for term in q.split():
        stem = TEXT.stem(term)
        qs = qs.filter(Q(title__icontains=stem) | Q(summary__icontains=stem) | Q(description__icontains=stem))
    return set(qs.values_list("pk", flat=True))


def _found(q):
    return set(TEXT.filter(Measure.objects.published(), q).values_list("pk", flat=True))


def test_the_index_and_its_triggers_exist_after_every_migration():
    """A later migration that rebuilds measures_measure on SQLite drops the triggers: this fails,
    and that migration must create them again (see 0011)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE %s", [f"{SQLITE_TEXT_INDEX}%"])
        names = {row[0] for row in cursor.fetchall()}
    assert {SQLITE_TEXT_INDEX, f"{SQLITE_TEXT_INDEX}_ai", f"{SQLITE_TEXT_INDEX}_ad", f"{SQLITE_TEXT_INDEX}_au"} <= names


def test_inserts_edits_and_deletes_are_followed(unit_a):
    measure = published(unit=unit_a, title="Leksehjelp på biblioteket", summary="Hjelp med lekser.")
    other = published(unit=unit_a, title="Natteravner", description="Voksne ute om natta i helgene.")
    assert _found("leksehjelpen") == {measure.pk}
    assert _found("helgene") == {other.pk}  # stemmed to "helg", found in the description
    measure.title = "Matlaging for ungdom"
    measure.save()
    assert _found("leksehjelp") == set()
    assert _found("matlaging") == {measure.pk}
    other.delete()
    assert _found("natteravner") == set()


@pytest.fixture
def three(unit_a):
    return [
        published(unit=unit_a, title="Leksehjelp for ungdom", summary="Ab initio."),
        published(unit=unit_a, title="Natteravner", description="Ærlig talt: leksehjelp om natta"),
        published(unit=unit_a, title="Noe annet", summary="Ingenting her."),
    ]


@pytest.mark.parametrize("q", ["leksehjelp", "Leksehjelp ungdom", "natt", "ab", "LEKSE hjelp", "æ", "talt"])
def test_the_index_finds_what_icontains_found(three, q):
    assert _found(q) == _icontains(q)


def test_the_index_also_ignores_the_case_of_norwegian_letters(three):
    """SQLite's LIKE folds ASCII only; the index folds every letter."""
    assert _icontains("ÆRLIG") == set()
    assert _found("ÆRLIG") == {three[1].pk}
