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


def test_stale_means_not_verified_for_stale_after_days():
    """One rule for "stale": the unit warning, the coordinator list, the dashboard and the reminders."""
    import datetime as dt
    import io

    from django.core.management import call_command
    from django.utils import timezone

    from core.vocabulary import STALE_AFTER_DAYS
    from municipalities.management.commands.send_verification_reminders import Command
    from municipalities.models import Coordinator
    from municipalities.selectors import stale_coordinators
    from municipalities.services import reminders_send
    from tests.factories import CoordinatorFactory

    assert STALE_AFTER_DAYS == 365
    now = timezone.now()
    fresh = now - dt.timedelta(days=STALE_AFTER_DAYS - 1)
    old = now - dt.timedelta(days=STALE_AFTER_DAYS + 1)
    assert not SLTUnitFactory(verified_at=fresh).is_stale
    assert SLTUnitFactory(verified_at=old).is_stale
    CoordinatorFactory(verified_at=fresh)
    stale = CoordinatorFactory(verified_at=old)
    assert list(Coordinator.objects.stale()) == [stale]
    assert list(stale_coordinators()) == [stale]
    assert reminders_send(dry_run=True) == [stale]
    assert Command().create_parser("manage.py", "send_verification_reminders").get_default("days") == STALE_AFTER_DAYS
    out = io.StringIO()
    call_command("send_verification_reminders", "--dry-run", stdout=out)
    assert "1 coordinator(s) would be reminded" in out.getvalue()


def test_units_in_county_by_municipality_or_oslo_district():
    """One unit → county rule: a unit is in a county through a current municipality or district."""
    from tests.factories import CountyFactory

    oslo, vestland = CountyFactory(number="03"), CountyFactory(number="46")
    oslo_municipality = MunicipalityFactory(county=oslo)
    bergen = UnitMunicipalityFactory(municipality=MunicipalityFactory(county=vestland)).unit
    salto = UnitDistrictFactory(district=DistrictFactory(municipality=oslo_municipality)).unit
    salto_2 = UnitDistrictFactory(district=DistrictFactory(municipality=oslo_municipality)).unit
    UnitDistrictFactory(unit=salto, district=DistrictFactory(municipality=oslo_municipality))
    ended = UnitDistrictFactory(district=DistrictFactory(municipality=oslo_municipality), is_current=False).unit

    assert list(SLTUnit.objects.in_county(oslo).order_by("pk")) == [salto, salto_2]
    assert list(SLTUnit.objects.in_county(vestland)) == [bergen]
    assert set(SLTUnit.objects.in_county(oslo.pk, vestland.pk)) == {bergen, salto, salto_2}
    assert ended not in SLTUnit.objects.in_county(oslo)
