"""The outbox: e-mail is stored in the database first and sent after commit, with retries."""

import datetime as dt
import functools
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from core.audit import record

from .models import OutboxMessage

logger = logging.getLogger(__name__)


def outbox_enqueue(
    *,
    to: list[str] | str,
    subject: str,
    body: str,
    attachments: list[dict] | None = None,
    reply_to: str = "",
) -> OutboxMessage:
    """Store an e-mail and schedule its sending for after the surrounding transaction commits.

    Render subject/body in the recipient's language before calling (translation.override).
    Attachments are dicts with filename, content (text) and mimetype.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    message = OutboxMessage.objects.create(
        to=recipients,
        subject=" ".join(str(subject).split())[:255],
        body=str(body),
        attachments=attachments or [],
        reply_to=reply_to,
    )
    from .tasks import send_outbox_message

    transaction.on_commit(functools.partial(send_outbox_message.enqueue, message.pk))
    return message


def _backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(minutes=min(2**attempts, 24 * 60))


def outbox_send(*, message_id: int) -> bool:
    """Send one stored message; on failure record the error and schedule a retry."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id, sent_at__isnull=True).first()
        if message is None:
            return True
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=message.to,
            reply_to=[message.reply_to] if message.reply_to else None,
        )
        for item in message.attachments:
            email.attach(item["filename"], item["content"], item.get("mimetype", "application/octet-stream"))
        now = timezone.now()
        message.attempts += 1
        try:
            email.send()
        except Exception as exc:  # any mailer failure: keep the message for a retry
            logger.warning("Sending outbox message %s failed: %s", message.pk, exc)
            message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            message.next_attempt_at = now + _backoff(message.attempts)
            message.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            return False
        message.sent_at = now
        message.last_error = ""
        message.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def outbox_retry_due(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Send every message that is due; return (sent, failed)."""
    now = now or timezone.now()
    sent = failed = 0
    for pk in OutboxMessage.objects.due(now).order_by("next_attempt_at").values_list("pk", flat=True):
        if outbox_send(message_id=pk):
            sent += 1
        else:
            failed += 1
    return sent, failed


def _label(message: OutboxMessage) -> str:
    # The audit log names the message by number and subject, never by its recipients.
    return f"#{message.pk} – {message.subject}"[:300]


def outbox_retry(*, message: OutboxMessage, by) -> OutboxMessage:
    """Sfk retries an unsent message now (also one that has used up its automatic attempts)."""
    from .tasks import send_outbox_message

    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message.pk)
        if message.is_sent:
            return message
        before = message.next_attempt_at
        message.next_attempt_at = timezone.now()
        message.save(update_fields=["next_attempt_at"])
        record(
            by,
            "outbox.outboxmessage.retry",
            message,
            {"next_attempt_at": [before, message.next_attempt_at]},
            label=_label(message),
        )
        transaction.on_commit(functools.partial(send_outbox_message.enqueue, message.pk))
    return message


def outbox_purge_bodies(*, now: dt.datetime | None = None, days: int | None = None) -> int:
    """Delete the text and attachments of messages sent more than `days` (OUTBOX_RETENTION_DAYS) ago.
    Recipient, subject and times stay. Returns how many."""
    now = now or timezone.now()
    days = settings.OUTBOX_RETENTION_DAYS if days is None else days
    with transaction.atomic():
        purged = OutboxMessage.objects.filter(
            sent_at__lt=now - dt.timedelta(days=days), body_purged_at__isnull=True
        ).update(body="", attachments=[], body_purged_at=now)
        record(None, "outbox.outboxmessage.purge_bodies", changes={"purged": [None, purged]})
    return purged
