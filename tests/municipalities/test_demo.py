import pytest

from accounts import demo as accounts_demo
from accounts.demo import DEMO_COORDINATOR_EMAIL
from municipalities import demo
from municipalities.models import Coordinator, SLTUnit

pytestmark = pytest.mark.django_db


def test_demo_units_are_realistic_and_idempotent(municipalities):
    accounts_demo.load(log=lambda *_: None)
    demo.load(log=lambda *_: None)
    demo.load(log=lambda *_: None)
    units = list(SLTUnit.objects.with_details())
    assert 38 <= len(units) <= 45
    assert sum(1 for u in units if len(u.member_list) > 1) >= 2
    assert sum(1 for u in units if u.district_list) >= 3
    assert SLTUnit.objects.get(slug="bergen").coordinators.get(user__email=DEMO_COORDINATOR_EMAIL)
    assert all(c.email.endswith("example.no") for c in Coordinator.objects.all())
    assert Coordinator.objects.stale().exists()


def test_demo_employers_are_real_municipalities_and_coordinators_come_first(client, municipalities):
    from municipalities.models import Municipality

    accounts_demo.load(log=lambda *_: None)
    demo.load(log=lambda *_: None)
    real = {f"{m.name} kommune" for m in Municipality.objects.current()}
    for unit in SLTUnit.objects.with_details().with_active_coordinators():
        members = {f"{m.municipality.name} kommune" for m in unit.member_list}
        for entry in unit.active_coordinators:
            if unit.district_list:
                assert entry.employer.startswith("Oslo kommune, bydel "), entry.employer
            else:
                assert entry.employer in real and entry.employer in members, (unit.name, entry.employer)
    assert not Coordinator.objects.filter(employer__in=["Hallingdal kommune", "Midt-Troms kommune"]).exists()
    for unit in SLTUnit.objects.filter(slug__in=["midt-troms", "hallingdal"]):
        html = client.get(unit.get_absolute_url()).content.decode()
        coordinator = unit.coordinators.get(title="SLT-koordinator")
        adviser = unit.coordinators.get(title="Rådgiver SLT")
        assert html.index(coordinator.name) < html.index(adviser.name), unit.name
