"""Demo SLT units and coordinators (fictional people, example.no addresses)."""

from django.utils import timezone

from accounts.demo import DEMO_COORDINATOR_EMAIL
from accounts.models import User

from .models import Coordinator, Municipality, SLTUnit, UnitMunicipality


def load(*, log):
    bergen = Municipality.objects.get(number="4601")
    unit, _ = SLTUnit.objects.get_or_create(
        slug="bergen", defaults={"name": "SLT Bergen", "status": SLTUnit.Status.ACTIVE, "started_year": 2008,
                                 "email": "slt@bergen.example.no", "verified_at": timezone.now()},
    )
    UnitMunicipality.objects.get_or_create(unit=unit, municipality=bergen)
    user = User.objects.get(email__iexact=DEMO_COORDINATOR_EMAIL)
    Coordinator.objects.get_or_create(
        unit=unit, email="koordinator@example.no",
        defaults={"name": "Demo Koordinator", "title": "SLT-koordinator", "position_percent": 100,
                  "user": user, "verified_at": timezone.now()},
    )
    log(f"  demo units: {SLTUnit.objects.count()}")
