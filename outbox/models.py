from django.db import models
from django.utils.translation import gettext_lazy as _

# An unsent message that has been tried at least once.
FAILED = models.Q(attempts__gt=0)


class OutboxQuerySet(models.QuerySet):
    def unsent(self):
        return self.filter(sent_at__isnull=True)

    def failed(self):
        return self.unsent().filter(FAILED)

    def queued(self):
        """Waiting for their first attempt."""
        return self.unsent().exclude(FAILED)

    def sent(self):
        return self.filter(sent_at__isnull=False)

    def due(self, now):
        return self.unsent().filter(next_attempt_at__lte=now, attempts__lt=OutboxMessage.MAX_ATTEMPTS)


class OutboxMessage(models.Model):
    """Every e-mail is written here first (in the caller's transaction), then sent after commit."""

    MAX_ATTEMPTS = 8

    to = models.JSONField(_("mottakere"))
    subject = models.CharField(_("emne"), max_length=255)
    body = models.TextField(_("tekst"))
    reply_to = models.CharField(_("svar til"), max_length=254, blank=True)
    attachments = models.JSONField(default=list, blank=True)  # [{filename, content, mimetype}]
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(_("forsøk"), default=0)
    last_error = models.TextField(_("siste feil"), blank=True)
    next_attempt_at = models.DateTimeField(_("neste forsøk"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    # `purge_outbox` empties the body (and attachments) of sent messages after OUTBOX_RETENTION_DAYS.
    body_purged_at = models.DateTimeField(_("teksten slettet"), null=True, blank=True)

    objects = OutboxQuerySet.as_manager()

    class Meta:
        verbose_name = _("utgående e-post")
        verbose_name_plural = _("utgående e-post")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"

    @property
    def is_sent(self) -> bool:
        return self.sent_at is not None

    @property
    def is_failed(self) -> bool:
        return self.sent_at is None and self.attempts > 0
