"""Permission matrix for every write view, and draft visibility (404, never 403)."""

import pytest
from django.urls import reverse

from measures.models import Measure

from .factories import MeasureFactory

pytestmark = pytest.mark.django_db


def _client(client, user):
    if user is not None:
        client.force_login(user)
    return client


def _valid_post(measure):
    return {
        "unit": measure.unit_id,
        "title": "Nytt navn",
        "summary": "Kort.",
        "language": "nb",
        "contact_name": "Kari",
        "contact_email": "kari@example.no",
        "status": "active",
        "themes": [t.pk for t in measure.themes.all()],
    }


# Expected status per role for a measure owned by unit A (published or draft).
MATRIX = {
    # view: (anonymous, coordinator_a, coordinator_b, sfk_admin) for a PUBLISHED measure of A
    "edit_get": ("login", 200, 403, 200),
    "edit_post": ("login", 302, 403, 302),
    "publish": ("login", 302, 404, 302),  # a draft: other units may not even see it
    "archive": ("login", 302, 403, 302),
    "history": ("login", 200, 403, 200),
    "copy_get": ("login", 200, 200, 200),  # others may copy a published measure
}
ROLES = ["anonymous", "coordinator_a", "coordinator_b", "sfk_admin"]


def _request(client, view, measure):
    pk = measure.pk
    if view == "edit_get":
        return client.get(reverse("measures:edit", args=[pk]))
    if view == "edit_post":
        return client.post(reverse("measures:edit", args=[pk]), _valid_post(measure))
    if view == "publish":
        return client.post(reverse("measures:publish", args=[pk]))
    if view == "archive":
        return client.post(reverse("measures:archive", args=[pk]))
    if view == "history":
        return client.get(reverse("measures:history", args=[pk]))
    if view == "copy_get":
        return client.get(reverse("measures:copy", args=[pk]))
    raise AssertionError(view)


@pytest.mark.parametrize("view", list(MATRIX))
@pytest.mark.parametrize("role_index", range(4))
def test_write_views_on_published_measure(client, roles, unit_a, view, role_index):
    role = ROLES[role_index]
    state = Measure.State.DRAFT if view == "publish" else Measure.State.PUBLISHED
    measure = MeasureFactory(unit=unit_a, state=state)
    client = _client(client, roles[role])
    response = _request(client, view, measure)
    expected = MATRIX[view][role_index]
    if expected == "login":
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    else:
        assert response.status_code == expected, (view, role, response.status_code)


@pytest.mark.parametrize("view", list(MATRIX))
def test_other_units_draft_is_404_for_other_coordinator(client, roles, unit_a, view):
    measure = MeasureFactory(unit=unit_a, state=Measure.State.DRAFT)
    client.force_login(roles["coordinator_b"])
    assert _request(client, view, measure).status_code == 404


@pytest.mark.parametrize("role", ["anonymous", "coordinator_b"])
@pytest.mark.parametrize("state", [Measure.State.DRAFT, Measure.State.ARCHIVED])
def test_unpublished_detail_is_404_for_public_and_other_units(client, roles, unit_a, role, state):
    measure = MeasureFactory(unit=unit_a, state=state)
    response = _client(client, roles[role]).get(measure.get_absolute_url())
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["coordinator_a", "sfk_admin"])
def test_draft_detail_is_visible_to_own_unit_and_sfk(client, roles, unit_a, role):
    measure = MeasureFactory(unit=unit_a)
    response = _client(client, roles[role]).get(measure.get_absolute_url())
    assert response.status_code == 200
    assert "ikke offentlig" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "expected"), [("anonymous", "login"), ("coordinator_a", 200), ("coordinator_b", 200), ("sfk_admin", 200)]
)
def test_create_and_mine_pages(client, roles, role, expected):
    client = _client(client, roles[role])
    for name in ["measures:create", "measures:mine"]:
        response = client.get(reverse(name))
        if expected == "login":
            assert response.status_code == 302 and "logg-inn" in response["Location"]
        else:
            assert response.status_code == 200


def test_logged_in_non_coordinator_gets_403_on_write_views(client, unit_a):
    from tests.factories import UserFactory

    measure = MeasureFactory(unit=unit_a, state=Measure.State.PUBLISHED)
    client.force_login(UserFactory())
    assert client.get(reverse("measures:create")).status_code == 403
    assert client.get(reverse("measures:edit", args=[measure.pk])).status_code == 403
    assert client.post(reverse("measures:publish", args=[measure.pk])).status_code == 403


def test_coordinator_cannot_create_measure_in_other_unit(client, roles, unit_b):
    client.force_login(roles["coordinator_a"])
    from measures.models import Theme

    data = {
        "unit": unit_b.pk,
        "title": "Nytt",
        "summary": "Kort.",
        "language": "nb",
        "contact_name": "Kari",
        "contact_email": "kari@example.no",
        "status": "active",
        "themes": [Theme.objects.first().pk],
    }
    response = client.post(reverse("measures:create"), data)
    assert response.status_code == 400
    assert not Measure.objects.filter(unit=unit_b).exists()


def test_copy_other_units_published_measure_into_own_unit(client, roles, unit_a, unit_b):
    source = MeasureFactory(unit=unit_a, state=Measure.State.PUBLISHED, title="Ungdomslos")
    client.force_login(roles["coordinator_b"])
    response = client.post(reverse("measures:copy", args=[source.pk]), {"unit": unit_b.pk})
    copy = Measure.objects.get(unit=unit_b)
    assert response.status_code == 302 and response["Location"] == reverse("measures:edit", args=[copy.pk])
    assert copy.based_on == source and copy.state == Measure.State.DRAFT


def test_copy_into_a_unit_the_user_does_not_coordinate_is_400(client, roles, unit_a, unit_b):
    source = MeasureFactory(unit=unit_a, state=Measure.State.PUBLISHED)
    client.force_login(roles["coordinator_b"])
    response = client.post(reverse("measures:copy", args=[source.pk]), {"unit": unit_a.pk})
    assert response.status_code == 400
    assert Measure.objects.count() == 1
