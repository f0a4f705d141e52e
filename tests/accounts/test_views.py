import logging

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import SFK_ADMIN_GROUP, User
from accounts.selectors import user_access_history
from tests.factories import TEST_PASSWORD, CoordinatorFactory, SLTUnitFactory, UserFactory
from tests.helpers import assert_pages

pytestmark = pytest.mark.django_db


def _is_admin(user) -> bool:
    return User.objects.get(pk=user.pk).groups.filter(name=SFK_ADMIN_GROUP).exists()


# --- services ---------------------------------------------------------------------------------


def test_grant_and_revoke_sfk_admin_is_logged(sfk_admin, caplog):
    target = UserFactory()
    with caplog.at_level(logging.INFO, logger="accounts.audit"):
        services.user_set_sfk_admin(user=target, is_admin=True, by=sfk_admin)
        assert _is_admin(target)
        services.user_set_sfk_admin(user=target, is_admin=False, by=sfk_admin)
    assert not _is_admin(target)
    assert "accounts.user.sfk_admin_granted" in caplog.text and "accounts.user.sfk_admin_revoked" in caplog.text
    history = user_access_history(user=target)
    assert [label for _t, label, _by in history] == [
        "Rollen Sfk-administrator ble fjernet",
        "Fikk rollen Sfk-administrator",
    ]
    assert all(by == sfk_admin for _t, _l, by in history)


def test_unchanged_values_record_nothing(sfk_admin):
    target = UserFactory()
    services.user_update_access(user=target, is_admin=False, is_active=True, by=sfk_admin)
    assert user_access_history(user=target) == []


def test_deactivate_and_reactivate_never_deletes(sfk_admin, client):
    target = UserFactory()
    services.user_set_active(user=target, is_active=False, by=sfk_admin)
    target.refresh_from_db()
    assert not target.is_active
    response = client.post(reverse("accounts:login"), {"username": target.email, "password": TEST_PASSWORD})
    assert response.status_code == 400 and "_auth_user_id" not in client.session
    services.user_set_active(user=target, is_active=True, by=sfk_admin)
    target.refresh_from_db()
    assert target.is_active and User.objects.filter(pk=target.pk).exists()


def test_admin_cannot_demote_or_deactivate_self(sfk_admin):
    with pytest.raises(ValidationError) as error:
        services.user_set_sfk_admin(user=sfk_admin, is_admin=False, by=sfk_admin)
    assert "is_sfk_admin" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.user_set_active(user=sfk_admin, is_active=False, by=sfk_admin)
    assert "is_active" in error.value.message_dict
    sfk_admin.refresh_from_db()
    assert sfk_admin.is_active and _is_admin(sfk_admin)


def test_update_access_is_all_or_nothing(sfk_admin):
    """The role change is rolled back when the access change is refused."""
    with pytest.raises(ValidationError):
        services.user_update_access(user=sfk_admin, is_admin=True, is_active=False, by=sfk_admin)
    other = UserFactory()
    services.user_update_access(user=other, is_admin=True, is_active=False, by=sfk_admin)
    other.refresh_from_db()
    assert _is_admin(other) and not other.is_active


# --- permission matrix ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("coordinator_a", 403), ("coordinator_b", 403), ("sfk_admin", 302)],
)
def test_user_edit_permission_matrix(client, roles, role, expected):
    """Target: coordinator A's own account (the coordinator may not change even themselves)."""
    target = roles["coordinator_a"]
    if roles[role]:
        client.force_login(roles[role])
    url = reverse("accounts:user_detail", args=[target.pk])
    response = client.post(url, {"is_sfk_admin": "on", "is_active": "on"})
    assert response.status_code == expected
    if role == "anonymous":
        assert reverse("accounts:login") in response["Location"]
    assert _is_admin(target) == (role == "sfk_admin")


@pytest.mark.parametrize(
    ("role", "expected"),
    [("anonymous", 302), ("coordinator_a", 403), ("coordinator_b", 403), ("sfk_admin", 200)],
)
def test_user_pages_permission_matrix(client, roles, role, expected):
    if roles[role]:
        client.force_login(roles[role])
    for url in (reverse("accounts:user_list"), reverse("accounts:user_detail", args=[roles["coordinator_b"].pk])):
        assert client.get(url).status_code == expected


def test_unknown_user_is_404(client, sfk_admin):
    client.force_login(sfk_admin)
    assert client.get(reverse("accounts:user_detail", args=[999999])).status_code == 404


# --- views ------------------------------------------------------------------------------------


def test_admin_deactivates_coordinator(client, sfk_admin, coordinator_b):
    client.force_login(sfk_admin)
    url = reverse("accounts:user_detail", args=[coordinator_b.pk])
    response = client.post(url, {})
    assert response.status_code == 302
    coordinator_b.refresh_from_db()
    assert not coordinator_b.is_active and not _is_admin(coordinator_b)
    html = client.get(url).content.decode()
    assert "er lagret" in html and "Kontoen ble deaktivert" in html and "Sfk Admin" in html


def test_self_demotion_is_refused_next_to_field(client, sfk_admin):
    client.force_login(sfk_admin)
    url = reverse("accounts:user_detail", args=[sfk_admin.pk])
    response = client.post(url, {"is_active": "on"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_is_sfk_admin_error"' in html and "egen Sfk-administratorrolle" in html
    assert _is_admin(sfk_admin)


def test_self_deactivation_is_refused_next_to_field(client, sfk_admin):
    client.force_login(sfk_admin)
    url = reverse("accounts:user_detail", args=[sfk_admin.pk])
    response = client.post(url, {"is_sfk_admin": "on"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_is_active_error"' in html and "deaktivere din egen konto" in html
    sfk_admin.refresh_from_db()
    assert sfk_admin.is_active


def test_bad_filter_is_400(client, sfk_admin):
    client.force_login(sfk_admin)
    assert client.get(reverse("accounts:user_list"), {"role": "king"}).status_code == 400


def test_user_list_search_and_filters(client, sfk_admin, coordinator_a):
    UserFactory(full_name="Deaktivert Dagfinn", is_active=False)
    UserFactory(full_name="Rolleløs Randi")
    client.force_login(sfk_admin)
    url = reverse("accounts:user_list")

    def names(**params):
        return [u.full_name for u in client.get(url, params).context["page_obj"]]

    assert names(q="dagfinn") == ["Deaktivert Dagfinn"]
    assert names(q=coordinator_a.email.upper()) == [coordinator_a.full_name]
    assert names(role="sfk_admin") == ["Sfk Admin"]
    assert names(role="coordinator") == [coordinator_a.full_name]
    assert names(role="none") == ["Deaktivert Dagfinn", "Rolleløs Randi"]
    assert names(active="no") == ["Deaktivert Dagfinn"]
    html = client.get(url).content.decode()
    assert "SLT Enhet A" in html and "aldri" in html


def test_detail_lists_linked_coordinator_entries(client, sfk_admin, coordinator_a, unit_b):
    CoordinatorFactory(unit=unit_b, user=coordinator_a, name="Tidligere oppføring", ended_at=timezone.now())
    client.force_login(sfk_admin)
    html = client.get(reverse("accounts:user_detail", args=[coordinator_a.pk])).content.decode()
    assert "SLT Enhet A" in html and "SLT Enhet B" in html and "Sluttet" in html


def test_user_pages_constant_queries(client, sfk_admin):
    client.force_login(sfk_admin)
    target = UserFactory()

    def grow(n):
        for _i in range(n):
            user = UserFactory(last_login=timezone.now())
            CoordinatorFactory(user=user, unit=SLTUnitFactory())
            CoordinatorFactory(user=target, unit=SLTUnitFactory())
            user.groups.add(Group.objects.get(name=SFK_ADMIN_GROUP))
            services.user_set_active(user=target, is_active=not target.is_active, by=sfk_admin)
            target.refresh_from_db()

    grow(2)
    urls = [reverse("accounts:user_list"), reverse("accounts:user_detail", args=[target.pk])]
    assert_pages(client, urls, max_queries=10)
    grow(10)
    assert_pages(client, urls, max_queries=10)


def test_user_pages_are_translated(client, sfk_admin):
    client.force_login(sfk_admin)
    list_url, detail_url = reverse("accounts:user_list"), reverse("accounts:user_detail", args=[sfk_admin.pk])
    html = client.get("/en" + list_url).content.decode()
    assert "User accounts and roles" in html and "Sfk administrator" in html
    response = client.post("/nn" + detail_url, {"is_sfk_admin": "on"})
    assert response.status_code == 400
    assert "Du kan ikkje deaktivere din eigen konto" in response.content.decode()


def test_deactivated_user_is_logged_out_on_next_request(client, sfk_admin, coordinator_a):
    client.force_login(coordinator_a)
    assert client.get(reverse("accounts:account")).status_code == 200
    services.user_set_active(user=coordinator_a, is_active=False, by=sfk_admin)
    assert client.get(reverse("accounts:account")).status_code == 302


def test_user_list_is_paginated(client, sfk_admin):
    UserFactory.create_batch(55)
    client.force_login(sfk_admin)
    url = reverse("accounts:user_list")
    first = client.get(url).context["page_obj"]
    assert len(first) == 50 and first.paginator.count == 56
    response = client.get(url, {"page": 2})
    assert len(response.context["page_obj"]) == 6
    assert 'aria-label="Sidenavigering"' in response.content.decode()
