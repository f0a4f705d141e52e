import datetime as dt
import re

import pytest
from django.core import signing
from django.utils import timezone

from accounts.models import User
from municipalities.models import Invitation
from municipalities.services import invitation_send, invitation_token
from outbox.models import OutboxMessage
from tests.factories import CoordinatorFactory, UserFactory
from tests.helpers import assert_page, assert_pages

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "blaabaer-syltetoy-2026"


@pytest.fixture
def entry(unit_a):
    return CoordinatorFactory(unit=unit_a, user=None, name="Kari Invitert", email="kari@kommune.example.no")


def _link(message) -> str:
    return re.search(r"http://\S+/invitasjon/\S+/", message.body).group(0).split("8000", 1)[-1]


def _accept(client, url, password=NEW_PASSWORD):
    return client.post(url, {"full_name": "Kari Invitert", "password1": password, "password2": password})


def test_happy_path_creates_linked_account(client, entry, sfk_admin):
    client.force_login(sfk_admin)
    client.post(f"/koordinator/{entry.pk}/inviter/")
    client.logout()
    message = OutboxMessage.objects.get(to=["kari@kommune.example.no"])
    assert "SLT Enhet A" in message.subject
    url = _link(message)
    page = client.get(url)
    assert page.status_code == 200
    assert "kari@kommune.example.no" in page.content.decode()
    response = _accept(client, url)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.user.email == "kari@kommune.example.no"
    assert entry.user.check_password(NEW_PASSWORD)
    assert entry.user.is_active
    assert Invitation.objects.get().used_at is not None


def test_reused_link_is_refused(client, entry, sfk_admin):
    invitation = invitation_send(coordinator=entry, by=sfk_admin)
    url = f"/invitasjon/{invitation_token(invitation)}/"
    assert _accept(client, url).status_code == 302
    response = client.get(url)
    assert response.status_code == 400
    assert "allerede brukt" in response.content.decode()
    assert _accept(client, url, "annet-passord-2026x").status_code == 400
    assert User.objects.filter(email__iexact=entry.email).count() == 1


def test_expired_link_is_refused(client, entry, sfk_admin, settings):
    invitation = invitation_send(coordinator=entry, by=sfk_admin)
    token = invitation_token(invitation)
    invitation.expires_at = timezone.now() - dt.timedelta(seconds=1)
    invitation.save()
    response = client.get(f"/invitasjon/{token}/")
    assert response.status_code == 400
    assert "utløpt" in response.content.decode()


def test_signature_older_than_max_age_is_expired(client, entry, sfk_admin, settings, monkeypatch):
    invitation = invitation_send(coordinator=entry, by=sfk_admin)
    token = invitation_token(invitation)
    later = timezone.now() + dt.timedelta(days=settings.INVITATION_MAX_AGE_DAYS + 1)
    monkeypatch.setattr("django.core.signing.time.time", lambda: later.timestamp())
    response = client.get(f"/invitasjon/{token}/")
    assert response.status_code == 400
    assert "utløpt" in response.content.decode()


@pytest.mark.parametrize("token", ["tull", "eyJpIjoxfQ:1abc:xyz", None])
def test_tampered_link_is_refused(client, entry, sfk_admin, token):
    invitation = invitation_send(coordinator=entry, by=sfk_admin)
    if token is None:  # a validly signed token naming another nonce
        token = signing.dumps({"i": invitation.pk, "n": "forged"}, salt="municipalities.invitation")
        good = invitation_token(invitation)
        token_tampered = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
        assert client.get(f"/invitasjon/{token_tampered}/").status_code == 400
    response = client.get(f"/invitasjon/{token}/")
    assert response.status_code == 400
    assert "ugyldig" in response.content.decode()


def test_resending_invalidates_old_link(client, entry, sfk_admin):
    first = invitation_send(coordinator=entry, by=sfk_admin)
    old_url = f"/invitasjon/{invitation_token(first)}/"
    second = invitation_send(coordinator=entry, by=sfk_admin)
    response = client.get(old_url)
    assert response.status_code == 400
    assert "erstattet" in response.content.decode()
    assert client.get(f"/invitasjon/{invitation_token(second)}/").status_code == 200
    assert OutboxMessage.objects.count() == 2


def test_bad_password_rerenders_with_400(client, entry, sfk_admin):
    invitation = invitation_send(coordinator=entry, by=sfk_admin)
    url = f"/invitasjon/{invitation_token(invitation)}/"
    response = client.post(url, {"full_name": "Kari", "password1": "kort", "password2": "annet"})
    assert response.status_code == 400
    assert 'id="id_password2_error"' in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.used_at is None
    assert not User.objects.filter(email__iexact=entry.email).exists()


def test_existing_account_must_log_in_to_accept(client, unit_a, sfk_admin):
    user = UserFactory(email="eksisterende@example.no")
    entry = CoordinatorFactory(unit=unit_a, user=None, email="eksisterende@example.no")
    invitation = invitation_send(coordinator=entry, by=sfk_admin)
    url = f"/invitasjon/{invitation_token(invitation)}/"
    assert "Logg inn" in client.get(url).content.decode()
    client.force_login(user)
    assert client.post(url).status_code == 302
    entry.refresh_from_db()
    assert entry.user == user


def test_invited_back_after_leaving_reactivates_account(client, unit_a, sfk_admin):
    from municipalities.services import coordinator_end

    entry = CoordinatorFactory(unit=unit_a, email="tilbake@example.no")
    entry.user.email = "tilbake@example.no"
    entry.user.save()
    coordinator_end(coordinator=entry, by=sfk_admin)
    entry.user.refresh_from_db()
    assert not entry.user.is_active
    new_entry = CoordinatorFactory(unit=unit_a, user=None, email="tilbake@example.no")
    invitation = invitation_send(coordinator=new_entry, by=sfk_admin)
    assert _accept(client, f"/invitasjon/{invitation_token(invitation)}/").status_code == 302
    new_entry.refresh_from_db()
    assert new_entry.user == entry.user and new_entry.user.is_active


def test_existing_account_accepting_a_link_used_meanwhile_gets_400(client, unit_a, sfk_admin, monkeypatch):
    # The link is checked, then used by a concurrent request before this one takes the row lock.
    from municipalities import services

    user = UserFactory(email="samtidig@example.no")
    entry = CoordinatorFactory(unit=unit_a, user=None, email="samtidig@example.no")
    invitation = invitation_send(coordinator=entry, by=sfk_admin)
    url = f"/invitasjon/{invitation_token(invitation)}/"
    checked = services.invitation_from_token(invitation_token(invitation))
    Invitation.objects.filter(pk=invitation.pk).update(used_at=timezone.now())
    monkeypatch.setattr(services, "invitation_from_token", lambda token: checked)
    client.force_login(user)
    response = client.post(url)
    assert response.status_code == 400
    assert "allerede brukt" in response.content.decode()
    entry.refresh_from_db()
    assert entry.user is None


def test_invitation_pages_in_all_languages(client, entry, sfk_admin):
    invitation = invitation_send(coordinator=entry, by=sfk_admin)
    assert_pages(client, [f"/invitasjon/{invitation_token(invitation)}/"], max_queries=4)
    for prefix in ("", "/nn", "/en"):
        assert_page(client, f"{prefix}/invitasjon/ugyldig/", status=400, max_queries=2)


@pytest.mark.parametrize("invite", [True, False])
def test_adding_a_coordinator_sends_an_invitation_only_when_asked(client, unit_a, sfk_admin, invite):
    client.force_login(sfk_admin)
    data = {"name": "Ny Person", "title": "SLT-koordinator", "email": "ny.person@example.no", "is_public": "on"}
    if invite:
        data["invite"] = "1"
    response = client.post(f"/slt-enhet/{unit_a.slug}/ny-koordinator/", data)
    assert response.status_code == 302
    entry = unit_a.coordinators.get(name="Ny Person")
    assert Invitation.objects.filter(coordinator=entry).exists() == invite
    assert OutboxMessage.objects.filter(to=["ny.person@example.no"]).exists() == invite
