import pytest

from core.sql import fetchall, prepared
from measures.models import Measure
from tests.measures.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def _by_unit(unit_ids):
    return Measure.objects.filter(unit_id__in=unit_ids).order_by("pk").values_list("pk", flat=True)


def test_prepared_sql_is_compiled_once_and_gets_the_values_put_in(unit_a, unit_b):
    a = MeasureFactory(unit=unit_a)
    b = MeasureFactory(unit=unit_b)
    calls = []

    def build(unit_ids):
        calls.append(unit_ids)
        return _by_unit(unit_ids)

    assert fetchall("test.by-unit", build, [unit_a.pk]) == [(a.pk,)]
    assert fetchall("test.by-unit", build, [unit_b.pk]) == [(b.pk,)]
    assert len(calls) == 1  # the same shape: compiled once
    assert sorted(fetchall("test.by-unit", build, [unit_b.pk, unit_a.pk])) == [(a.pk,), (b.pk,)]
    assert len(calls) == 2  # two ids: another shape


def test_prepared_refuses_a_lookup_that_rewrites_its_value():
    with pytest.raises(ValueError, match="not a plain parameter"):
        prepared("test.contains", lambda pk: Measure.objects.filter(title__icontains=pk), 5)
