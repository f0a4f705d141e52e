"""municipalities.selectors: the unit → county rule in SQL agrees with SLTUnit.objects.in_county."""

import pytest
from django.db import connection

from municipalities.models import SLTUnit
from municipalities.selectors import unit_counties_sql
from tests.factories import (
    CountyFactory,
    DistrictFactory,
    MunicipalityFactory,
    SLTUnitFactory,
    UnitDistrictFactory,
    UnitMunicipalityFactory,
)

pytestmark = pytest.mark.django_db


def test_unit_counties_sql_agrees_with_in_county():
    oslo, viken = CountyFactory(number="03"), CountyFactory(number="32")
    oslo_city = MunicipalityFactory(county=oslo)
    whole = UnitMunicipalityFactory(municipality=MunicipalityFactory(county=viken)).unit
    salto = UnitDistrictFactory(district=DistrictFactory(municipality=oslo_city)).unit
    both = SLTUnitFactory()
    UnitMunicipalityFactory(unit=both, municipality=MunicipalityFactory(county=viken))
    UnitDistrictFactory(unit=both, district=DistrictFactory(municipality=oslo_city))
    UnitMunicipalityFactory(unit=SLTUnitFactory(), municipality=MunicipalityFactory(county=oslo), is_current=False)

    with connection.cursor() as cursor:
        cursor.execute(unit_counties_sql(for_counting=False))
        pairs = set(cursor.fetchall())
    for county in (oslo, viken):
        from_sql = {unit_id for unit_id, county_id in pairs if county_id == county.pk}
        assert from_sql == set(SLTUnit.objects.in_county(county).values_list("pk", flat=True))
    assert {(salto.pk, oslo.pk), (whole.pk, viken.pk), (both.pk, oslo.pk), (both.pk, viken.pk)} == pairs

    # Counting: a unit with both kinds of membership counts by its municipalities only.
    with connection.cursor() as cursor:
        cursor.execute(unit_counties_sql(for_counting=True))
        assert (both.pk, oslo.pk) not in set(cursor.fetchall())
