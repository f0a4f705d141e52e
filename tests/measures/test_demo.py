import pytest

from measures import demo
from measures.models import Measure
from tests.factories import CoordinatorFactory, SLTUnitFactory, UnitMunicipalityFactory

pytestmark = pytest.mark.django_db


def test_demo_without_units_creates_nothing_and_says_so():
    lines = []
    demo.load(log=lines.append)
    assert not Measure.objects.exists()
    assert "no SLT units" in lines[0]


def test_demo_spreads_published_measures_over_units_idempotently():
    units = [SLTUnitFactory() for _ in range(40)]
    for unit in units[:5]:
        UnitMunicipalityFactory(unit=unit)
        CoordinatorFactory(unit=unit)
    demo.load(log=lambda line: None)
    count = Measure.objects.published().count()
    assert 150 <= count <= 170
    assert Measure.objects.values("unit").distinct().count() == 40
    assert Measure.objects.filter(based_on__isnull=False).exists()
    assert Measure.objects.filter(ungsinn_level=0).exists()
    assert Measure.objects.filter(ungsinn_level__isnull=True).exists()
    demo.load(log=lambda line: None)
    assert Measure.objects.count() == count
