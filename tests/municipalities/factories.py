"""Directory-specific test helpers built on the shared factories."""

from municipalities.models import Municipality, SLTUnit
from tests.factories import CoordinatorFactory, SLTUnitFactory, UnitDistrictFactory, UnitMunicipalityFactory


def unit_for(*numbers, name=None, status=SLTUnit.Status.ACTIVE, coordinator=True, **kwargs):
    """A unit covering real municipalities (by kommunenummer); needs the `municipalities` fixture."""
    members = list(Municipality.objects.filter(number__in=numbers))
    unit = SLTUnitFactory(name=name or f"SLT {members[0].name}", status=status, **kwargs)
    for municipality in members:
        UnitMunicipalityFactory(unit=unit, municipality=municipality, is_current=unit.is_current)
    if coordinator:
        CoordinatorFactory(unit=unit)
    return unit


def district_unit(district, name=None, coordinator=True):
    unit = SLTUnitFactory(name=name or f"SaLTo {district.name}")
    UnitDistrictFactory(unit=unit, district=district)
    if coordinator:
        CoordinatorFactory(unit=unit)
    return unit
