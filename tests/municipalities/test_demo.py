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
