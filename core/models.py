"""Ground-floor models: the managed themes shared by measures and publications, and the audit log."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class LocalizedName(models.Model):
    """A managed list value with a name in bokmål, nynorsk and English, shown in the page's language."""

    slug = models.SlugField(max_length=80)
    name = models.CharField(_("navn (bokmål)"), max_length=100)
    name_nn = models.CharField(_("navn (nynorsk)"), max_length=100, blank=True)
    name_en = models.CharField(_("navn (engelsk)"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)
    # A retired value stays on the records that have it but is offered for no new ones.
    retired_at = models.DateTimeField(_("tatt ut av bruk"), null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.localized_name

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    @property
    def localized_name(self) -> str:
        lang = (get_language() or "nb")[:2]
        return {"nn": self.name_nn, "en": self.name_en}.get(lang) or self.name


class Theme(LocalizedName):
    """A managed theme (rus/alkohol, vold, mobbing, ...), shared by measures and publications."""

    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        ordering = ["sort_order", "name"]


class AuditEntry(models.Model):
    """Who did what to which object, and which fields changed (old → new). Written by
    `core.audit.record`, which every service calls; read by Sfk."""

    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    # The actor is kept as id and label, not a foreign key: the ground floor knows no user model,
    # and an entry must outlive a deleted account.
    actor_id = models.PositiveBigIntegerField(_("utført av (id)"), null=True, blank=True, db_index=True)
    actor_label = models.CharField(_("utført av"), max_length=254, blank=True)
    action = models.CharField(_("handling"), max_length=100, db_index=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, null=True, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    object_label = models.CharField(_("objekt"), max_length=300, blank=True)
    changes = models.JSONField(_("endringer"), default=dict, blank=True)

    class Meta:
        verbose_name = _("loggføring")
        verbose_name_plural = _("loggføringer")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="core_audit_object")]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_label}"


class RateCounter(models.Model):
    """One fixed-window counter of `core.ratelimit.hit` when no Redis is configured: shared by every
    process through the database and incremented with one atomic upsert. The key is a keyed hash,
    so neither addresses nor e-mail addresses are stored here."""

    key = models.CharField(max_length=80, unique=True)
    count = models.PositiveIntegerField(default=0)
    window_end = models.PositiveBigIntegerField(db_index=True)  # Unix time; rows past it are deleted

    class Meta:
        verbose_name = _("tellerverdi for hastighetsgrense")
        verbose_name_plural = _("tellerverdier for hastighetsgrenser")

    def __str__(self):
        return f"{self.key}: {self.count}"
