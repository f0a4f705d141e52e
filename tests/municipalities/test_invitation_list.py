"""Sfk's invitation page (/sfk/invitasjoner/): the list with status, filter and pages, resend and
revoke through their services (one audit entry each), and the dashboard's count and link."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import AuditEntry
from municipalities.models import Invitation
from municipalities.services import (
    coordinator_end,
    invitation_resend,
    invitation_revoke,
    invitation_send,
    invitation_token,
)
from outbox.models import OutboxMessage
from tests.factories import CoordinatorFactory, InvitationFactory, UserFactory
from tests.helpers import assert_pages

pytestmark = pytest.mark.django_db

LIST = "/sfk/invitasjoner/"


def resend_url(invitation):
    return f"/sfk/invitasjoner/{invitation.pk}/send-igjen/"


def revoke_url(invitation):
    return f"/sfk/invitasjoner/{invitation.pk}/trekk-tilbake/"


@pytest.fixture
def entry(unit_a):
    return CoordinatorFactory(unit=unit_a, user=None, name="Kari Invitert", email="kari@kommune.example.no")


@pytest.fixture
def pending(entry, sfk_admin):
    return invitation_send(coordinator=entry, by=sfk_admin)


@pytest.fixture
def every_state(unit_a, unit_b, sfk_admin):
    """One invitation in each state, in two units; returns them by status."""
    now = timezone.now()
    return {
        Invitation.Status.PENDING: InvitationFactory(
            coordinator__unit=unit_a, coordinator__name="Per Venter", created_by=sfk_admin
        ),
        Invitation.Status.ACCEPTED: InvitationFactory(
            coordinator__unit=unit_b, coordinator__name="Anne Godtatt", used_at=now - dt.timedelta(days=1)
        ),
        Invitation.Status.EXPIRED: InvitationFactory(
            coordinator__unit=unit_a,
            coordinator__name="Ola Utlopt",
            created_at=now - dt.timedelta(days=10),
            expires_at=now - dt.timedelta(days=3),
        ),
        Invitation.Status.REVOKED: InvitationFactory(
            coordinator__unit=unit_b, coordinator__name="Siv Trukket", revoked_at=now - dt.timedelta(hours=2)
        ),
    }


def _link(message) -> str:
    return re.search(r"https?://\S+?(/invitasjon/\S+/)", message.body).group(1)


# --- Permissions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "coordinator_a", "sfk_admin"])
def test_permission_matrix(client, roles, pending, role):
    before = set(AuditEntry.objects.values_list("pk", flat=True))
    if roles[role] is not None:
        client.force_login(roles[role])
    response = client.get(LIST)
    assert response.status_code == {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 200}[role]
    if role == "anonymous":
        assert response["Location"].startswith("/konto/logg-inn/")
    for url in (revoke_url(pending), resend_url(pending)):
        response = client.post(url)
        assert response.status_code == {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 302}[role], url
    new = AuditEntry.objects.exclude(pk__in=before)
    pending.refresh_from_db()
    if role == "sfk_admin":  # revoked, then sent again (nothing more to revoke: none was open)
        assert sorted(new.values_list("action", flat=True)) == [
            "municipalities.invitation.revoke",
            "municipalities.invitation.send",
        ]
        assert pending.revoked_at is not None
    else:
        assert not new.exists() and pending.revoked_at is None
        assert Invitation.objects.count() == 1


def test_unknown_invitation_is_404_and_get_on_actions_is_405(client, sfk_admin, pending):
    client.force_login(sfk_admin)
    assert client.post("/sfk/invitasjoner/999999/trekk-tilbake/").status_code == 404
    assert client.post("/sfk/invitasjoner/999999/send-igjen/").status_code == 404
    assert client.get(revoke_url(pending)).status_code == 405
    assert client.get(resend_url(pending)).status_code == 405
    pending.refresh_from_db()
    assert pending.revoked_at is None


# --- The page ------------------------------------------------------------------------------------


def test_page_in_all_languages(client, sfk_admin, every_state):
    client.force_login(sfk_admin)
    urls = [LIST, *(f"{LIST}?status={status}" for status in Invitation.Status.values)]
    assert_pages(client, urls, max_queries=10)


@pytest.mark.parametrize(
    "prefix,texts",
    [
        ("/nn", ["Invitasjonar", "Ventar på svar", "Teken imot", "Gått ut", "Trekt tilbake", "Trekk tilbake"]),
        ("/en", ["Invitations", "Awaiting reply", "Accepted", "Expired", "Revoked", "Send again", "Invited by"]),
    ],
)
def test_page_is_translated(client, sfk_admin, every_state, prefix, texts):
    client.force_login(sfk_admin)
    html = client.get(f"{prefix}{LIST}").content.decode()
    for text in texts:
        assert text in html, text
    response = client.post(f"{prefix}{revoke_url(every_state[Invitation.Status.ACCEPTED])}", follow=True)
    assert response.redirect_chain[-1][0] == f"{prefix}{LIST}"
    refusal = {"/nn": "allereie teken imot", "/en": "already been accepted and cannot be revoked"}[prefix]
    assert refusal in response.content.decode()


def test_query_count_does_not_grow_with_rows(client, sfk_admin, every_state):
    client.force_login(sfk_admin)
    client.get(LIST)  # the session, once
    with CaptureQueriesContext(connection) as few:
        assert client.get(LIST).status_code == 200
    for n in range(30):
        InvitationFactory(created_by=UserFactory(full_name=f"Inviterer {n}"))
    with CaptureQueriesContext(connection) as many:
        assert client.get(LIST).status_code == 200
    assert len(many) == len(few) <= 10


def test_lists_status_unit_entry_inviter_and_times(client, sfk_admin, every_state):
    client.force_login(sfk_admin)
    html = client.get(LIST).content.decode()
    for name in ("Per Venter", "Anne Godtatt", "Ola Utlopt", "Siv Trukket"):
        assert name in html
    assert "SLT Enhet A" in html and "SLT Enhet B" in html
    assert "Sfk Admin" in html  # who invited
    for label in ("Venter på svar", "Tatt imot", "Utløpt", "Trukket tilbake"):
        assert label in html
    pending = every_state[Invitation.Status.PENDING]
    assert f'href="/koordinator/{pending.coordinator.pk}/rediger/"' in html
    assert timezone.localtime(pending.expires_at).strftime("%-d.%-m.%Y %H:%M") in html
    assert "4 invitasjoner" in html


def test_filter_by_status_works_without_javascript(client, sfk_admin, every_state):
    client.force_login(sfk_admin)
    expected = {
        "venter": "Per Venter",
        "tatt-imot": "Anne Godtatt",
        "utlopt": "Ola Utlopt",
        "trukket-tilbake": "Siv Trukket",
    }
    for status, name in expected.items():
        html = client.get(LIST, {"status": status}).content.decode()
        assert name in html, status
        assert all(other not in html for other in expected.values() if other != name), status
        assert f'<option value="{status}" selected>' in html
        assert "1 invitasjon" in html


def test_unknown_status_is_400_with_the_message_next_to_the_field(client, sfk_admin, every_state):
    client.force_login(sfk_admin)
    response = client.get(LIST, {"status": "tull"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_status_error"' in html and "Velg et gyldig valg" in html
    assert "Per Venter" in html and "Siv Trukket" in html  # falls back to all


def test_pages_are_bounded(client, sfk_admin):
    for _n in range(55):
        InvitationFactory()
    client.force_login(sfk_admin)
    html = client.get(LIST).content.decode()
    assert html.count("<tr>") - 1 == 50  # the header row aside
    assert "55 invitasjoner" in html and "?page=2" in html
    html = client.get(LIST, {"page": 2}).content.decode()
    assert html.count("<tr>") - 1 == 5
    assert client.get(LIST, {"page": "999"}).status_code == 200  # the last page


def test_buttons_follow_the_state(client, sfk_admin, every_state, entry):
    first = invitation_send(coordinator=entry, by=sfk_admin)
    invitation_send(coordinator=entry, by=sfk_admin)
    client.force_login(sfk_admin)
    html = client.get(LIST).content.decode()
    assert html.count("Trekk tilbake<span") == 2  # the two pending (the newest of each entry)
    assert resend_url(every_state[Invitation.Status.ACCEPTED]) not in html
    assert resend_url(every_state[Invitation.Status.EXPIRED]) in html
    assert resend_url(every_state[Invitation.Status.REVOKED]) in html
    assert resend_url(first) not in html and "Invitert på nytt senere" in html


# --- Revoke --------------------------------------------------------------------------------------


def test_revoke_stops_the_link_and_records_one_audit_entry(client, sfk_admin, pending):
    link = f"/invitasjon/{invitation_token(pending)}/"
    assert client.get(link).status_code == 200
    before = AuditEntry.objects.count()
    client.force_login(sfk_admin)
    response = client.post(revoke_url(pending), {"status": "venter"}, follow=True)
    assert response.redirect_chain[-1][0] == "/sfk/invitasjoner/?status=venter"
    assert "Invitasjonen til kari@kommune.example.no er trukket tilbake." in response.content.decode()
    pending.refresh_from_db()
    assert pending.revoked_at is not None
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.latest("pk")
    assert entry.action == "municipalities.invitation.revoke" and entry.actor_id == sfk_admin.pk
    assert entry.object_id == str(pending.pk) and entry.changes["revoked_at"][0] is None
    client.logout()
    response = client.get(link)
    assert response.status_code == 400 and "trukket tilbake" in response.content.decode()


def test_revoking_an_accepted_invitation_is_refused_with_a_message(client, sfk_admin, every_state):
    accepted = every_state[Invitation.Status.ACCEPTED]
    client.force_login(sfk_admin)
    response = client.post(revoke_url(accepted), follow=True)
    assert response.status_code == 200
    assert "Invitasjonen er allerede tatt imot og kan ikke trekkes tilbake." in response.content.decode()
    accepted.refresh_from_db()
    assert accepted.revoked_at is None and not AuditEntry.objects.exists()


def test_revoking_twice_is_refused_with_a_message(client, sfk_admin, pending):
    client.force_login(sfk_admin)
    client.post(revoke_url(pending))
    response = client.post(revoke_url(pending), follow=True)
    assert "Invitasjonen er allerede trukket tilbake." in response.content.decode()
    assert AuditEntry.objects.filter(action="municipalities.invitation.revoke").count() == 1


# --- Resend --------------------------------------------------------------------------------------


def test_resend_queues_a_new_link_and_the_old_one_stops_working(client, sfk_admin, pending, entry):
    old_link = f"/invitasjon/{invitation_token(pending)}/"
    OutboxMessage.objects.all().delete()
    entry.email = "kari.ny@kommune.example.no"  # the entry's current address gets the new link
    entry.save()
    client.force_login(sfk_admin)
    response = client.post(resend_url(pending), follow=True)
    html = response.content.decode()
    assert "En ny invitasjon er sendt til kari.ny@kommune.example.no." in html
    message = OutboxMessage.objects.get()
    assert message.to == ["kari.ny@kommune.example.no"] and "SLT Enhet A" in message.subject
    new = Invitation.objects.exclude(pk=pending.pk).get()
    assert new.created_by == sfk_admin and new.email == "kari.ny@kommune.example.no"
    pending.refresh_from_db()
    assert pending.revoked_at is not None
    client.logout()
    assert client.get(old_link).status_code == 400
    assert client.get(_link(message)).status_code == 200


def test_resend_of_an_expired_invitation(client, sfk_admin, every_state):
    expired = every_state[Invitation.Status.EXPIRED]
    client.force_login(sfk_admin)
    client.post(resend_url(expired))
    assert OutboxMessage.objects.filter(to=[expired.coordinator.email]).count() == 1
    assert Invitation.objects.pending().filter(coordinator=expired.coordinator).count() == 1


def test_resend_is_refused_for_accepted_invitations_and_ended_entries(client, sfk_admin, every_state, pending):
    client.force_login(sfk_admin)
    response = client.post(resend_url(every_state[Invitation.Status.ACCEPTED]), follow=True)
    assert "Invitasjonen er allerede tatt imot." in response.content.decode()
    coordinator_end(coordinator=pending.coordinator, by=sfk_admin)
    response = client.post(resend_url(pending), follow=True)
    assert "Koordinatoren har sluttet." in response.content.decode()
    assert OutboxMessage.objects.count() == 1  # the first invitation's only
    assert Invitation.objects.count() == 5  # nothing new


# --- Services and reads --------------------------------------------------------------------------


def test_revoke_service_records_one_entry(pending, sfk_admin):
    before = AuditEntry.objects.count()
    revoked = invitation_revoke(invitation=pending, by=sfk_admin)
    assert revoked.revoked_at is not None
    assert AuditEntry.objects.count() == before + 1
    with pytest.raises(ValidationError):
        invitation_revoke(invitation=pending, by=sfk_admin)
    assert AuditEntry.objects.count() == before + 1


def test_resend_service_sends_through_invitation_send(pending, sfk_admin):
    before = OutboxMessage.objects.count()
    new = invitation_resend(invitation=pending, by=sfk_admin)
    assert new.pk != pending.pk and OutboxMessage.objects.count() == before + 1
    sent = AuditEntry.objects.filter(action="municipalities.invitation.send", object_id=str(new.pk))
    assert sent.count() == 1 and "nonce" not in sent.get().changes
    assert AuditEntry.objects.filter(action="municipalities.invitation.revoke", object_id=str(pending.pk)).count() == 1


def test_status_of_an_open_invitation_of_an_ended_entry_is_revoked(pending, sfk_admin):
    # coordinator_anonymise ends the entry without touching the invitation row.
    pending.coordinator.ended_at = timezone.now()
    pending.coordinator.save()
    assert Invitation.objects.with_status().get().status == Invitation.Status.REVOKED
    assert not Invitation.objects.pending().exists()
    assert Invitation.objects.status_counts()["trukket-tilbake"] == 1


# --- The dashboard -------------------------------------------------------------------------------


def test_dashboard_links_and_counts_pending_invitations(client, sfk_admin, every_state):
    InvitationFactory()  # a second pending one
    client.force_login(sfk_admin)
    html = client.get("/sfk/").content.decode()
    assert 'href="/sfk/invitasjoner/"' in html
    assert 'href="/sfk/invitasjoner/?status=venter"' in html
    assert re.search(r'sfk-stats__number">2</span> <a [^>]+>invitasjoner venter på svar', html)
    csv = client.get("/sfk/eksport.csv").content.decode("utf-8-sig")
    assert "Vedlikehold;Invitasjoner som venter på svar;2;" in csv
