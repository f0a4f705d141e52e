import datetime as dt

import pytest
from django.db.models import F
from django.utils import timezone

from core.sql import fetchall, objects, prepared
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


def _with_units(unit_ids):
    return (
        Measure.objects.filter(unit_id__in=unit_ids)
        .select_related("unit")
        .only("title", "unit__name")
        .annotate(doubled=F("pk") * 2)
        .order_by("pk")
    )


def test_objects_gives_the_instances_the_queryset_gives(unit_a, unit_b, django_assert_num_queries):
    MeasureFactory(unit=unit_a)
    MeasureFactory(unit=unit_b)
    ids = sorted([unit_a.pk, unit_b.pk])
    expected = list(_with_units(ids))
    objects("test.objects", _with_units, ids)  # compiled here
    with django_assert_num_queries(1):  # select_related and the annotation come with the row
        found = objects("test.objects", _with_units, ids)
        assert [(m.pk, m.title, m.unit.name, m.doubled) for m in found] == [
            (m.pk, m.title, m.unit.name, m.doubled) for m in expected
        ]
    assert found[0].get_deferred_fields() == expected[0].get_deferred_fields()  # only() kept
    assert [m.pk for m in objects("test.objects", _with_units, [unit_b.pk])] == [expected[1].pk]


def test_objects_puts_the_moment_in(unit_a):
    old = MeasureFactory(unit=unit_a)
    new = MeasureFactory(unit=unit_a)
    Measure.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=10))

    def since(moment):
        return Measure.objects.filter(created_at__gte=moment - dt.timedelta(days=5)).order_by("pk")

    assert [m.pk for m in objects("test.since", since, now=timezone.now())] == [new.pk]
    assert [m.pk for m in objects("test.since", since, now=timezone.now() - dt.timedelta(days=4))] == [new.pk]
    assert [m.pk for m in objects("test.since", since, now=timezone.now() - dt.timedelta(days=6))] == [old.pk, new.pk]


def test_objects_refuses_prefetches():
    with pytest.raises(ValueError, match="prefetches"):
        objects("test.prefetch", lambda: Measure.objects.prefetch_related("themes"))
