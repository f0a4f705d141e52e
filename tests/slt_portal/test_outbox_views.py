"""Sfk's outgoing e-mail pages, the retry and the purge of old bodies."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from outbox.models import OutboxMessage
from tests.helpers import assert_pages

pytestmark = pytest.mark.django_db


def make(**kwargs):
    defaults = {"to": ["mottaker@example.no"], "subject": "Emne", "body": "Hemmelig tekst"}
    return OutboxMessage.objects.create(**{**defaults, **kwargs})


@pytest.fixture
def failed(db):
    return make(subject="Feilet e-post", attempts=OutboxMessage.MAX_ATTEMPTS, last_error="SMTPException: nede")


@pytest.mark.parametrize("role", ["anonymous", "coordinator_a", "sfk_admin"])
def test_permission_matrix_and_body_only_for_sfk(client, roles, failed, role):
    if roles[role] is not None:
        client.force_login(roles[role])
    for url in (reverse("sfk_outbox"), reverse("sfk_outbox_detail", args=[failed.pk])):
        response = client.get(url)
        assert response.status_code == {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 200}[role], url
        assert ("Hemmelig tekst" in response.content.decode()) == (
            role == "sfk_admin" and "e-post/" + str(failed.pk) in url
        )
    response = client.post(reverse("sfk_outbox_retry", args=[failed.pk]))
    assert response.status_code == {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 302}[role]
    assert AuditEntry.objects.filter(action="outbox.outboxmessage.retry").exists() == (role == "sfk_admin")


def test_pages_in_all_languages(client, sfk_admin, failed):
    make(subject="Sendt", sent_at=timezone.now(), attempts=1)
    make(subject="I kø")
    client.force_login(sfk_admin)
    urls = [reverse("sfk_outbox"), reverse("sfk_outbox") + "?status=sendt", reverse("sfk_outbox") + "?status=i-ko"]
    assert_pages(client, [*urls, reverse("sfk_outbox_detail", args=[failed.pk])], max_queries=10)


def test_lists_filter_by_status(client, sfk_admin, failed):
    make(subject="Sendt melding", sent_at=timezone.now(), attempts=1)
    make(subject="Melding i kø")
    client.force_login(sfk_admin)
    html = client.get(reverse("sfk_outbox")).content.decode()
    assert "Feilet e-post" in html and "SMTPException: nede" in html and "Sendt melding" not in html
    assert "Hemmelig tekst" not in html  # bodies only on the detail page
    html = client.get(reverse("sfk_outbox") + "?status=sendt").content.decode()
    assert "Sendt melding" in html and "Feilet e-post" not in html
    html = client.get(reverse("sfk_outbox") + "?status=i-ko").content.decode()
    assert "Melding i kø" in html and "Feilet e-post" not in html


def test_retry_sends_a_message_that_used_up_its_attempts(
    client, sfk_admin, failed, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(sfk_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("sfk_outbox_retry", args=[failed.pk]), follow=True)
    assert "sendes på nytt" in response.content.decode()
    failed.refresh_from_db()
    assert failed.is_sent and [m.subject for m in mailoutbox] == ["Feilet e-post"]
    entry = AuditEntry.objects.get(action="outbox.outboxmessage.retry")
    assert entry.actor_id == sfk_admin.pk and "mottaker@example.no" not in entry.object_label


def test_dashboard_counts_and_links_to_the_outbox(client, sfk_admin, failed):
    client.force_login(sfk_admin)
    html = client.get(reverse("sfk_dashboard")).content.decode()
    assert f'href="{reverse("sfk_outbox")}?status=feilet"' in html
    assert "1 av dem har feilet minst én gang" in html


def test_purge_outbox_deletes_bodies_of_old_sent_messages(settings):
    settings.OUTBOX_RETENTION_DAYS = 30
    now = timezone.now()
    old = make(subject="Gammel", sent_at=now - dt.timedelta(days=31), attachments=[{"filename": "a.ics"}])
    recent = make(subject="Ny", sent_at=now - dt.timedelta(days=29))
    unsent = make(subject="Usendt", attempts=3)
    OutboxMessage.objects.filter(pk=unsent.pk).update(created_at=now - dt.timedelta(days=90))
    call_command("purge_outbox")
    old.refresh_from_db()
    recent.refresh_from_db()
    unsent.refresh_from_db()
    assert old.body == "" and old.attachments == [] and old.body_purged_at is not None
    assert old.subject == "Gammel" and old.to == ["mottaker@example.no"]
    assert recent.body == "Hemmelig tekst" and unsent.body == "Hemmelig tekst"
    assert AuditEntry.objects.get(action="outbox.outboxmessage.purge_bodies").changes == {"purged": [None, 1]}
