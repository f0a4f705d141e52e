import os

import pytest
from django.core.management import call_command

from tests.factories import (
    CoordinatorFactory,
    MunicipalityFactory,
    SLTUnitFactory,
    UnitMunicipalityFactory,
    UserFactory,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API + live_server


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` are deselected (not skipped) when the database is SQLite, and those
    marked `sqlite` when it is PostgreSQL."""
    from django.conf import settings

    other = "sqlite" if settings.DATABASES["default"]["ENGINE"].endswith("postgresql") else "postgres"
    selected, deselected = [], []
    for item in items:
        (deselected if item.get_closest_marker(other) else selected).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


@pytest.fixture
def client():
    """Django's test client whose force_login also completes two-factor login (tests/helpers.py)."""
    from tests.helpers import Client

    return Client()


@pytest.fixture
def municipalities(db):
    """The real 357 municipalities, 15 counties and 15 Oslo districts."""
    with open(os.devnull, "w") as devnull:
        call_command("load_municipalities", verbosity=0, stdout=devnull)


@pytest.fixture
def sfk_admin(db):
    return UserFactory(sfk_admin=True, full_name="Sfk Admin", email="admin@sfk.example.no")


@pytest.fixture
def unit_a(db):
    unit = SLTUnitFactory(name="SLT Enhet A", slug="enhet-a")
    UnitMunicipalityFactory(unit=unit, municipality=MunicipalityFactory(name="Kommune A"))
    return unit


@pytest.fixture
def unit_b(db):
    unit = SLTUnitFactory(name="SLT Enhet B", slug="enhet-b")
    UnitMunicipalityFactory(unit=unit, municipality=MunicipalityFactory(name="Kommune B"))
    return unit


@pytest.fixture
def coordinator_a(unit_a):
    return CoordinatorFactory(unit=unit_a, name="Koordinator A").user


@pytest.fixture
def coordinator_b(unit_b):
    return CoordinatorFactory(unit=unit_b, name="Koordinator B").user


@pytest.fixture
def roles(db, sfk_admin, coordinator_a, coordinator_b):
    """The permission matrix's four users: anonymous (None), coordinator A, coordinator B, admin."""
    return {"anonymous": None, "coordinator_a": coordinator_a, "coordinator_b": coordinator_b, "sfk_admin": sfk_admin}


@pytest.fixture(autouse=True)
def _reset_language():
    """A request to /en/… leaves English active in the test thread; start every test in bokmål."""
    from django.utils import translation

    translation.activate("nb")
    yield
    translation.activate("nb")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached pages live in the (local memory) cache, logged-in pages in this
    process's memory (core.personal), and the API's batched rate-limit counts too (core.ratelimit);
    no test sees another's."""
    from django.core.cache import cache

    from core import personal, ratelimit

    cache.clear()
    personal.clear()
    ratelimit.clear_local()
    yield
    cache.clear()
    personal.clear()
    ratelimit.clear_local()


@pytest.fixture
def admin_client(admin_user):
    """pytest-django's admin client, logged in through our client so the superuser has completed
    two-factor login (the admin site requires it)."""
    from tests.helpers import Client

    client = Client()
    client.force_login(admin_user)
    return client
