"""Sfk sees current login lockouts (django-axes) and lifts one; the unlock is audited."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from core.audit import entries_for
from core.models import AuditEntry
from tests.factories import TEST_PASSWORD, UserFactory
from tests.helpers import assert_pages

pytestmark = pytest.mark.django_db


def lock(email, *, failures=10, ago=dt.timedelta(minutes=5)):
    attempt = AccessAttempt.objects.create(
        username=email,
        ip_address="10.0.0.1",
        user_agent="test",
        http_accept="*/*",
        path_info="/konto/logg-inn/",
        get_data="",
        post_data="",
        failures_since_start=failures,
    )
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=timezone.now() - ago)
    return attempt


@pytest.mark.parametrize("role", ["anonymous", "coordinator_a", "sfk_admin"])
def test_permission_matrix(client, roles, role):
    attempt = lock("laast@example.no")
    if roles[role] is not None:
        client.force_login(roles[role])
    response = client.get(reverse("accounts:lockouts"))
    assert response.status_code == {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 200}[role]
    response = client.post(reverse("accounts:lockout_unlock", args=[attempt.pk]))
    assert response.status_code == {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 302}[role]
    assert AccessAttempt.objects.exists() == (role != "sfk_admin")


def test_page_in_all_languages(client, sfk_admin):
    lock("a@example.no")
    lock("b@example.no")
    client.force_login(sfk_admin)
    assert_pages(client, [reverse("accounts:lockouts")], max_queries=8)


def test_lists_only_lockouts_in_force(client, sfk_admin):
    lock("laast@example.no")
    lock("utlopt@example.no", ago=dt.timedelta(hours=2))
    lock("bare-to-feil@example.no", failures=2)
    client.force_login(sfk_admin)
    html = client.get(reverse("accounts:lockouts")).content.decode()
    assert "laast@example.no" in html
    assert "utlopt@example.no" not in html and "bare-to-feil@example.no" not in html


def test_unlock_lets_the_person_log_in_and_is_audited(client, sfk_admin):
    user = UserFactory(email="laast@example.no")
    attempt = lock("laast@example.no")
    response = client.post(
        reverse("accounts:login"), {"username": "laast@example.no", "password": TEST_PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code in (403, 429) or "_auth_user_id" not in client.session
    client.force_login(sfk_admin)
    response = client.post(reverse("accounts:lockout_unlock", args=[attempt.pk]), follow=True)
    assert "Sperren for laast@example.no er opphevet." in response.content.decode()
    entry = entries_for(user).get(action="accounts.lockout.unlock")
    assert entry.actor_id == sfk_admin.pk and entry.changes["failed_logins"] == [10, 0]
    client.logout()
    response = client.post(
        reverse("accounts:login"), {"username": "laast@example.no", "password": TEST_PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302 and int(client.session["_auth_user_id"]) == user.pk


def test_unlock_of_an_address_without_account_is_audited_without_object(client, sfk_admin):
    attempt = lock("finnes-ikke@example.no")
    client.force_login(sfk_admin)
    client.post(reverse("accounts:lockout_unlock", args=[attempt.pk]))
    entry = AuditEntry.objects.get(action="accounts.lockout.unlock")
    assert entry.object_id == "" and entry.changes["failed_logins"] == [10, 0]
