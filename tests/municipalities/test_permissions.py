"""Permission matrix for every write view of the directory."""

import pytest

from municipalities.models import Coordinator, SLTUnit
from tests.factories import CoordinatorFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db

OK = {200, 302}


def _client(client, user):
    if user is not None:
        client.force_login(user)
    return client


def _assert_login_redirect(response):
    assert response.status_code == 302
    assert "/konto/logg-inn/" in response["Location"]


UNIT_SCOPED = {
    # role: expected status for unit A's write views
    "anonymous": "login",
    "coordinator_a": "ok",
    "coordinator_b": 403,
    "sfk_admin": "ok",
}
ADMIN_ONLY = {"anonymous": "login", "coordinator_a": 403, "coordinator_b": 403, "sfk_admin": "ok"}


def _check(response, expected):
    if expected == "login":
        _assert_login_redirect(response)
    elif expected == "ok":
        assert response.status_code in OK, response.status_code
    else:
        assert response.status_code == expected


def _unit_post(unit):
    return {
        "email": "ny@kommune.example.no",
        "started_year": "2015",
        "police_contact": "Øst politidistrikt",
        "name": unit.name,
        "slug": unit.slug,
        "status": "active",
        "municipalities": [m.pk for m in unit.municipalities.all()],
    }


def _coordinator_post(name="Ny Person"):
    return {
        "name": name,
        "title": "SLT-koordinator",
        "position_percent": "80",
        "email": "ny.person@example.no",
        "phone": "+47 400 00 000",
        "is_public": "on",
    }


@pytest.mark.parametrize("role", list(UNIT_SCOPED))
def test_unit_edit_matrix(client, roles, unit_a, role):
    c = _client(client, roles[role])
    url = f"/slt-enhet/{unit_a.slug}/rediger/"
    _check(c.get(url), UNIT_SCOPED[role])
    _check(c.post(url, _unit_post(unit_a)), UNIT_SCOPED[role])
    unit_a.refresh_from_db()
    assert (unit_a.email == "ny@kommune.example.no") == (UNIT_SCOPED[role] == "ok")


@pytest.mark.parametrize("role", list(UNIT_SCOPED))
def test_unit_verify_matrix(client, roles, unit_a, role):
    c = _client(client, roles[role])
    _check(c.post(f"/slt-enhet/{unit_a.slug}/bekreft/"), UNIT_SCOPED[role])
    unit_a.refresh_from_db()
    assert (unit_a.verified_at is not None) == (UNIT_SCOPED[role] == "ok")


@pytest.mark.parametrize("role", list(UNIT_SCOPED))
def test_coordinator_edit_matrix(client, roles, unit_a, role):
    entry = unit_a.coordinators.get()
    c = _client(client, roles[role])
    url = f"/koordinator/{entry.pk}/rediger/"
    _check(c.get(url), UNIT_SCOPED[role])
    _check(c.post(url, _coordinator_post("Nytt Navn")), UNIT_SCOPED[role])
    entry.refresh_from_db()
    assert (entry.name == "Nytt Navn") == (UNIT_SCOPED[role] == "ok")


@pytest.mark.parametrize("role", list(UNIT_SCOPED))
def test_coordinator_end_matrix(client, roles, unit_a, role):
    entry = CoordinatorFactory(unit=unit_a, name="Assistent A")
    c = _client(client, roles[role])
    url = f"/koordinator/{entry.pk}/avslutt/"
    _check(c.get(url), UNIT_SCOPED[role])
    _check(c.post(url, {"confirm": "on"}), UNIT_SCOPED[role])
    entry.refresh_from_db()
    assert (entry.ended_at is not None) == (UNIT_SCOPED[role] == "ok")


def test_other_units_hidden_coordinator_is_404(client, roles, unit_a):
    hidden = CoordinatorFactory(unit=unit_a, is_public=False)
    client.force_login(roles["coordinator_b"])
    assert client.get(f"/koordinator/{hidden.pk}/rediger/").status_code == 404
    assert client.post(f"/koordinator/{hidden.pk}/avslutt/", {"confirm": "on"}).status_code == 404


@pytest.mark.parametrize("role", list(ADMIN_ONLY))
def test_unit_create_matrix(client, roles, role):
    municipality = MunicipalityFactory()
    c = _client(client, roles[role])
    _check(c.get("/sfk/slt-enheter/ny/"), ADMIN_ONLY[role])
    data = {"name": "SLT Ny", "slug": "slt-ny", "status": "active", "municipalities": [municipality.pk]}
    _check(c.post("/sfk/slt-enheter/ny/", data), ADMIN_ONLY[role])
    assert SLTUnit.objects.filter(slug="slt-ny").exists() == (ADMIN_ONLY[role] == "ok")


@pytest.mark.parametrize("role", list(ADMIN_ONLY))
def test_coordinator_create_matrix(client, roles, unit_a, role):
    c = _client(client, roles[role])
    url = f"/slt-enhet/{unit_a.slug}/ny-koordinator/"
    _check(c.get(url), ADMIN_ONLY[role])
    _check(c.post(url, _coordinator_post()), ADMIN_ONLY[role])
    assert Coordinator.objects.filter(email="ny.person@example.no").exists() == (ADMIN_ONLY[role] == "ok")


@pytest.mark.parametrize("role", list(ADMIN_ONLY))
def test_coordinator_invite_matrix(client, roles, unit_a, role):
    entry = CoordinatorFactory(unit=unit_a, user=None)
    c = _client(client, roles[role])
    _check(c.post(f"/koordinator/{entry.pk}/inviter/"), ADMIN_ONLY[role])
    assert entry.invitations.exists() == (ADMIN_ONLY[role] == "ok")


@pytest.mark.parametrize("role", list(ADMIN_ONLY))
@pytest.mark.parametrize("path", ["/sfk/slt-enheter/", "/sfk/ikke-bekreftet/"])
def test_admin_pages_matrix(client, roles, unit_a, role, path):
    _check(_client(client, roles[role]).get(path), ADMIN_ONLY[role])


@pytest.mark.parametrize("role", list(UNIT_SCOPED))
def test_unit_history_is_for_the_units_coordinators_and_sfk(client, roles, unit_a, role):
    # A unit's page is public, so a coordinator of another unit may see the unit but not its history: 403.
    _check(_client(client, roles[role]).get(f"/slt-enhet/{unit_a.slug}/historikk/"), UNIT_SCOPED[role])


def test_coordinator_cannot_change_sfk_only_fields(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    data = _unit_post(unit_a) | {"status": "ended", "sfk_notes": "hack", "name": "Nytt navn"}
    assert client.post(f"/slt-enhet/{unit_a.slug}/rediger/", data).status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.status == "active" and unit_a.sfk_notes == "" and unit_a.name == "SLT Enhet A"


def test_my_unit_requires_login(client):
    _assert_login_redirect(client.get("/min-slt-enhet/"))
