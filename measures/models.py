from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.permissions import coordinator_unit_ids, is_sfk_admin
from core.choices import Language
from core.models import LocalizedName, Theme
from core.text import slugify_nb
from documents.models import Publication

PERSONAL_DATA_REMINDER = _("Ikke skriv opplysninger om enkeltbarn, enkeltsaker eller andre som kan identifiseres.")


class Classification(LocalizedName):
    """The other managed lists (arena, age band, prevention level, partner sector, risk and
    protective factors) in one table, so facet counts are plain GROUP BY queries on M2M tables."""

    class Kind(models.TextChoices):
        ARENA = "arena", _("Arena")
        AGE_BAND = "age_band", _("Aldersgruppe")
        PREVENTION_LEVEL = "prevention_level", _("Forebyggingsnivå")
        PARTNER_SECTOR = "partner_sector", _("Samarbeidspartner")
        RISK_FACTOR = "risk_factor", _("Risikofaktor")
        PROTECTIVE_FACTOR = "protective_factor", _("Beskyttelsesfaktor")

    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)

    class Meta:
        verbose_name = _("klassifisering")
        verbose_name_plural = _("klassifiseringer")
        ordering = ["kind", "sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="classification_kind_slug_unique"),
        ]


def _kind(kind):
    return {"kind": kind}


class MeasureHistoryLists(models.Model):
    """Extra column of a measure's history records: django-simple-history copies a measure's own
    columns only, so `services` stores the many-to-many lists ({field: [ids]}) here at each save
    through the service; null where a save changed no list (a publish, an archive) or predates it."""

    m2m_state = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class MeasureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Measure.State.PUBLISHED)

    def visible_to(self, user):
        """Published measures for everyone; drafts and archived ones for their unit and Sfk."""
        if is_sfk_admin(user):
            return self.all()
        unit_ids = coordinator_unit_ids(user)
        if unit_ids:
            return self.filter(Q(state=Measure.State.PUBLISHED) | Q(unit_id__in=unit_ids))
        return self.published()

    def for_unit(self, unit):
        """A unit's published measures, for the directory's unit page."""
        return self.published().filter(unit=unit).with_card_data().order_by("title")

    def with_card_data(self):
        """What a list row or card shows, in a constant number of queries."""
        return (
            self.select_related("unit")
            .prefetch_related("themes", "age_bands")
            .defer("description", "search_vector", "local_evaluation", "implementation")
        )


class Measure(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        PUBLISHED = "published", _("Publisert")
        ARCHIVED = "archived", _("Arkivert")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planlagt")
        ACTIVE = "active", _("Aktivt")
        ENDED = "ended", _("Avsluttet")

    class CostLevel(models.TextChoices):
        LOW = "low", _("Lav")
        MEDIUM = "medium", _("Middels")
        HIGH = "high", _("Høy")

    Language = Language

    class UngsinnLevel(models.IntegerChoices):
        # 0 is a verdict ("ineffective"); "not assessed" is NULL, never 0.
        LEVEL_5 = 5, _("5 – Sterk dokumentasjon på effekt")
        LEVEL_4 = 4, _("4 – Tilfredsstillende dokumentasjon på effekt")
        LEVEL_3 = 3, _("3 – Noe dokumentasjon på effekt")
        LEVEL_2 = 2, _("2 – Teoretisk begrunnet")
        LEVEL_1 = 1, _("1 – Godt beskrevet")
        LEVEL_0 = 0, _("0 – Uvirksomt tiltak")

    class InternationalRating(models.TextChoices):
        BLUEPRINTS_MODEL_PLUS = "blueprints_model_plus", _("Blueprints: Model Plus")
        BLUEPRINTS_MODEL = "blueprints_model", _("Blueprints: Model")
        BLUEPRINTS_PROMISING = "blueprints_promising", _("Blueprints: Promising")
        EIF_4 = "eif_4", _("EIF Guidebook: nivå 4")
        EIF_3 = "eif_3", _("EIF Guidebook: nivå 3")
        EIF_2 = "eif_2", _("EIF Guidebook: nivå 2")
        EIF_NL2 = "eif_nl2", _("EIF Guidebook: NL2 (ikke nivå 2)")

    title = models.CharField(_("tittel"), max_length=200)
    slug = models.SlugField(max_length=220, editable=False)
    summary = models.CharField(
        _("kort sammendrag"), max_length=300, help_text=_("Høyst 300 tegn. Vises i søkeresultatene.")
    )
    description = models.TextField(
        _("beskrivelse"),
        blank=True,
        help_text=_("Du kan bruke Markdown (overskrifter, lister, lenker)."),
    )
    language = models.CharField(_("språk i teksten"), max_length=2, choices=Language.choices, default=Language.NB)
    unit = models.ForeignKey(
        "municipalities.SLTUnit",
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("SLT-enhet"),
    )
    responsible_org = models.CharField(
        _("ansvarlig virksomhet i kommunen"),
        max_length=200,
        blank=True,
        help_text=_("For eksempel «Kultur og fritid» eller «Skoleetaten»."),
    )
    contact_name = models.CharField(_("kontaktperson"), max_length=150)
    contact_email = models.EmailField(_("e-post til kontaktperson (jobb)"))

    themes = models.ManyToManyField(Theme, related_name="measures", verbose_name=_("temaer"))
    arenas = models.ManyToManyField(
        Classification,
        related_name="arena_measures",
        blank=True,
        verbose_name=_("arenaer"),
        limit_choices_to=_kind(Classification.Kind.ARENA),
    )
    age_bands = models.ManyToManyField(
        Classification,
        related_name="age_band_measures",
        blank=True,
        verbose_name=_("aldersgrupper"),
        limit_choices_to=_kind(Classification.Kind.AGE_BAND),
    )
    prevention_levels = models.ManyToManyField(
        Classification,
        related_name="prevention_level_measures",
        blank=True,
        verbose_name=_("forebyggingsnivå"),
        limit_choices_to=_kind(Classification.Kind.PREVENTION_LEVEL),
    )
    partner_sectors = models.ManyToManyField(
        Classification,
        related_name="partner_sector_measures",
        blank=True,
        verbose_name=_("samarbeidspartnere"),
        limit_choices_to=_kind(Classification.Kind.PARTNER_SECTOR),
    )
    factors = models.ManyToManyField(
        Classification,
        related_name="factor_measures",
        blank=True,
        verbose_name=_("risiko- og beskyttelsesfaktorer"),
        limit_choices_to=Q(kind__in=[Classification.Kind.RISK_FACTOR, Classification.Kind.PROTECTIVE_FACTOR]),
    )

    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    start_date = models.DateField(_("startdato"), null=True, blank=True)
    end_date = models.DateField(_("sluttdato"), null=True, blank=True)
    funding = models.CharField(
        _("finansiering"),
        max_length=300,
        blank=True,
        help_text=_("For eksempel kommunalt budsjett, SLT-tilskudd, Bufdir."),
    )
    cost_level = models.CharField(_("kostnadsnivå"), max_length=8, choices=CostLevel.choices, blank=True)
    reach_per_year = models.PositiveIntegerField(
        _("antall deltakere per år"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10_000_000)],
        help_text=_("Omtrentlig antall, bare som samlet tall."),
    )

    ungsinn_level = models.PositiveSmallIntegerField(
        _("evidensnivå i Ungsinn"),
        choices=UngsinnLevel.choices,
        null=True,
        blank=True,
        help_text=_("Tomt betyr «ikke vurdert». Nivå 0 betyr at Ungsinn har vurdert tiltaket som uvirksomt."),
    )
    ungsinn_url = models.URLField(
        _("lenke til Ungsinn-artikkelen"),
        blank=True,
        max_length=500,
    )
    international_rating = models.CharField(
        _("internasjonal vurdering"),
        max_length=32,
        choices=InternationalRating.choices,
        blank=True,
    )
    international_url = models.URLField(_("lenke til internasjonal vurdering"), blank=True, max_length=500)
    local_evaluation = models.TextField(_("lokal evaluering"), blank=True)
    report_links = models.TextField(_("lenker til rapporter"), blank=True, help_text=_("Én nettadresse per linje."))
    documents = models.ManyToManyField(
        "documents.Publication",
        blank=True,
        related_name="measures",
        verbose_name=_("rapporter og dokumenter"),
        help_text=_("Dokumenter fra dokumentbiblioteket, for eksempel en evalueringsrapport."),
    )
    implementation = models.TextField(
        _("hva som trengs for å drive tiltaket"),
        blank=True,
        help_text=_("Bemanning, opplæring, materiell og annet."),
    )
    last_reviewed = models.DateField(_("sist gjennomgått"), null=True, blank=True)

    state = models.CharField(_("publiseringsstatus"), max_length=16, choices=State.choices, default=State.DRAFT)
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    based_on = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
        verbose_name=_("basert på"),
    )
    # The first measure of a "based on" chain, so the whole family is one query.
    family_root = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="family",
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_vector"], bases=[MeasureHistoryLists])
    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("tiltak")
        verbose_name_plural = _("tiltak")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            GinIndex(fields=["search_vector"], name="measure_search_vector_gin"),
            models.Index(fields=["state", "-published_at"], name="measure_state_published"),
            models.Index(fields=["ungsinn_url"], name="measure_ungsinn_url"),
            models.Index(Lower("title"), name="measure_title_lower"),
            # Lets PostgreSQL count facets with index-only scans instead of reading wide rows.
            models.Index(fields=["state", "status", "ungsinn_level", "id"], name="measure_state_facets"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="measure_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(ungsinn_level__isnull=True) | Q(ungsinn_level__lte=5),
                name="measure_ungsinn_level_range",
            ),
            models.CheckConstraint(
                condition=~Q(state="published") | Q(published_at__isnull=False),
                name="measure_published_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = measure_slug(self.title)
        if not self._state.adding and kwargs.get("update_fields") is None:
            # The search vector is written only by services.measure_update_search_vector, so a
            # stale in-memory value never overwrites it.
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name != "search_vector"
            ]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("measures:detail", kwargs={"pk": self.pk, "slug": self.slug or "tiltak"})

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Sluttdatoen kan ikke være før startdatoen.")
        if self.ungsinn_url:
            host = (urlsplit(self.ungsinn_url).hostname or "").lower()
            if host not in ("ungsinn.no", "www.ungsinn.no"):
                errors["ungsinn_url"] = _("Lenken må gå til en artikkel på ungsinn.no.")
        if self.ungsinn_level is not None and not self.ungsinn_url:
            errors["ungsinn_url"] = _("Legg inn lenken til Ungsinn-artikkelen når du oppgir et evidensnivå.")
        if self.international_rating and not self.international_url:
            errors["international_url"] = _("Legg inn lenken til den internasjonale vurderingen.")
        if self.status == self.Status.ENDED and not self.end_date:
            errors["end_date"] = _("Oppgi når tiltaket ble avsluttet.")
        bad = [line for line in self.report_link_list if not _is_http_url(line)]
        if bad:
            errors["report_links"] = _("Hver linje må være en nettadresse som begynner med https:// eller http://.")
        if errors:
            raise ValidationError(errors)

    @property
    def report_link_list(self) -> list[str]:
        return [line.strip() for line in self.report_links.splitlines() if line.strip()]

    @property
    def is_evidence_rated(self) -> bool:
        return self.ungsinn_level is not None or bool(self.international_rating)

    @property
    def evidence_label(self) -> str:
        """The measure's evidence in a few words, as the card, the detail page and the export show
        it: the Ungsinn level, else the international rating, else local practice."""
        return evidence_label(self.ungsinn_level, self.international_rating)

    @property
    def evidence_color(self) -> str:
        return evidence_color(self.ungsinn_level, self.international_rating)

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    @property
    def is_archived(self) -> bool:
        return self.state == self.State.ARCHIVED


def linkable_documents(*, units):
    """Publications a measure of one of these units may link: public national ones and the units' own."""
    return Publication.objects.filter(Q(unit__isnull=True, is_restricted=False) | Q(unit__in=units))


def measure_slug(title: str) -> str:
    """An ASCII slug that keeps Norwegian letters readable (æ → ae, ø → o, å → a)."""
    return slugify_nb(title, max_length=200, fallback="tiltak")


def _is_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def evidence_label(ungsinn_level, international_rating) -> str:
    """`Measure.evidence_label` from the two fields (for rows read without a model instance)."""
    if ungsinn_level == 0:
        return gettext("Ungsinn: uvirksomt tiltak (nivå 0)")
    if ungsinn_level is not None:
        return gettext("Ungsinn nivå %(level)s") % {"level": ungsinn_level}
    if international_rating:
        return str(dict(Measure.InternationalRating.choices).get(international_rating, international_rating))
    return gettext("Lokal praksis, ikke evidensvurdert")


def evidence_color(ungsinn_level, international_rating) -> str:
    """The evidence tag's colour: danger for an ineffective measure (Ungsinn level 0), success for
    a rated one, info for an international rating only, neutral for local practice."""
    if ungsinn_level == 0:
        return "danger"
    if ungsinn_level is not None:
        return "success"
    return "info" if international_rating else "neutral"
