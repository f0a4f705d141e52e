"""The outbox's own retry path: back-off, due messages, the retry limit, no double sending."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from outbox.models import OutboxMessage
from outbox.services import outbox_retry_due, outbox_send

pytestmark = pytest.mark.django_db

FAILING = {"default": {"BACKEND": "tests.events.failing_mailer.FailingBackend"}}


def _message(**fields):
    return OutboxMessage.objects.create(to=["mottaker@example.no"], subject="Emne", body="Tekst", **fields)


def test_failure_is_recorded_with_back_off(settings):
    settings.MAILERS = FAILING
    message = _message()
    before = timezone.now()
    assert outbox_send(message_id=message.pk) is False
    message.refresh_from_db()
    assert message.attempts == 1 and message.sent_at is None
    assert "SMTP is down" in message.last_error
    assert message.next_attempt_at >= before + dt.timedelta(minutes=2)


def test_sent_message_is_not_sent_again():
    message = _message()
    assert outbox_send(message_id=message.pk) is True
    assert outbox_send(message_id=message.pk) is True
    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.sent_at is not None and message.attempts == 1 and message.last_error == ""


def test_retry_sends_only_due_messages_below_the_attempt_limit():
    now = timezone.now()
    due = _message(attempts=2, last_error="x")
    OutboxMessage.objects.filter(pk=due.pk).update(next_attempt_at=now - dt.timedelta(minutes=1))
    later = _message(attempts=1)
    OutboxMessage.objects.filter(pk=later.pk).update(next_attempt_at=now + dt.timedelta(hours=1))
    given_up = _message(attempts=OutboxMessage.MAX_ATTEMPTS)
    OutboxMessage.objects.filter(pk=given_up.pk).update(next_attempt_at=now - dt.timedelta(minutes=1))

    assert outbox_retry_due(now=now) == (1, 0)
    assert [m.to for m in mail.outbox] == [["mottaker@example.no"]]
    sent = set(OutboxMessage.objects.filter(sent_at__isnull=False).values_list("pk", flat=True))
    assert sent == {due.pk}


def test_send_outbox_command_reports_counts(settings):
    settings.MAILERS = FAILING
    message = _message()
    OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now() - dt.timedelta(minutes=1))
    out = StringIO()
    call_command("send_outbox", stdout=out)
    assert out.getvalue().strip() == "Outbox: 0 sent, 1 failed"
    message.refresh_from_db()
    assert message.attempts == 1
