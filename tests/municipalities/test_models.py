import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from municipalities.models import SLTUnit, UnitMunicipality
from municipalities.services import unit_save
from tests.factories import (
    DistrictFactory,
    MunicipalityFactory,
    SLTUnitFactory,
    UnitDistrictFactory,
    UnitMunicipalityFactory,
)

pytestmark = pytest.mark.django_db


def test_database_refuses_municipality_in_two_current_units():
    municipality = MunicipalityFactory()
    UnitMunicipalityFactory(municipality=municipality)
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitMunicipalityFactory(municipality=municipality)


def test_database_refuses_district_in_two_current_units():
    district = DistrictFactory()
    UnitDistrictFactory(district=district)
    with pytest.raises(IntegrityError), transaction.atomic():
        UnitDistrictFactory(district=district)


def test_ended_unit_releases_its_municipality(sfk_admin):
    municipality = MunicipalityFactory()
    old = SLTUnitFactory()
    unit_save(unit=old, by=sfk_admin, municipalities=[municipality], districts=[])
    old.status = SLTUnit.Status.ENDED
    unit_save(unit=old, by=sfk_admin)
    assert not UnitMunicipality.objects.get(unit=old).is_current
    new = SLTUnitFactory()
    unit_save(unit=new, by=sfk_admin, municipalities=[municipality], districts=[])
    assert UnitMunicipality.objects.filter(municipality=municipality, is_current=True).get().unit == new


def test_service_gives_field_error_for_taken_municipality(sfk_admin):
    municipality = MunicipalityFactory(name="Delt kommune")
    first = SLTUnitFactory(name="Første")
    unit_save(unit=first, by=sfk_admin, municipalities=[municipality], districts=[])
    second = SLTUnitFactory(name="Andre")
    with pytest.raises(ValidationError) as error:
        unit_save(unit=second, by=sfk_admin, municipalities=[municipality], districts=[])
    assert "Delt kommune" in str(error.value.message_dict["municipalities"])
    assert not second.memberships.exists()


def test_reactivating_unit_whose_municipality_was_taken_is_refused(sfk_admin):
    municipality = MunicipalityFactory()
    old = SLTUnitFactory(status=SLTUnit.Status.ENDED)
    unit_save(unit=old, by=sfk_admin, municipalities=[municipality], districts=[])
    unit_save(unit=SLTUnitFactory(), by=sfk_admin, municipalities=[municipality], districts=[])
    old.status = SLTUnit.Status.ACTIVE
    with pytest.raises(ValidationError):
        unit_save(unit=old, by=sfk_admin)


def test_unit_changes_are_recorded_with_user(sfk_admin):
    unit = SLTUnitFactory(police_contact="")
    unit.police_contact = "Vest politidistrikt"
    unit_save(unit=unit, by=sfk_admin)
    latest = unit.history.first()
    assert latest.history_user == sfk_admin
    assert latest.police_contact == "Vest politidistrikt"
