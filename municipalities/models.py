from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.phone import E164_REGEX, PhoneNumberField
from core.sql import at_moment
from core.vocabulary import STALE_AFTER_DAYS


class County(models.Model):
    number = models.CharField(_("fylkesnummer"), max_length=2, unique=True)
    name = models.CharField(_("navn"), max_length=100)
    official_name = models.CharField(_("offisielt navn"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("fylke")
        verbose_name_plural = _("fylker")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=Q(number__regex=r"^[0-9]{2}$"), name="county_number_two_digits")
        ]

    def __str__(self):
        return self.name


class MunicipalityQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))


class Municipality(models.Model):
    number = models.CharField(_("kommunenummer"), max_length=4)
    name = models.CharField(_("navn"), max_length=100)
    official_name = models.CharField(
        _("offisielt navn"),
        max_length=200,
        help_text=_("Med samiske og kvenske navneformer der de er offisielle."),
    )
    slug = models.SlugField(max_length=120)
    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("fylke"))
    valid_from = models.DateField(_("gyldig fra"))
    valid_to = models.DateField(_("gyldig til"), null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["number", "valid_from"], name="municipality_number_from_unique"),
            models.CheckConstraint(condition=Q(number__regex=r"^[0-9]{4}$"), name="municipality_number_four_digits"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="municipality_valid_range",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name_forms(self) -> list[str]:
        """The official name's forms, e.g. ['Guovdageaidnu', 'Kautokeino']."""
        return [part.strip() for part in self.official_name.split(" - ") if part.strip()]

    @property
    def name_forms_with_language(self) -> list[tuple[str, str]]:
        """[(form, lang)], lang '' for Norwegian, e.g. [('Guovdageaidnu', 'se'), ('Kautokeino', '')]."""
        from .names import name_form_language

        return [(form, name_form_language(form)) for form in self.name_forms]


class District(models.Model):
    """A bydel (Oslo's districts; SLT in Oslo is organised per district, called SaLTo)."""

    number = models.CharField(_("bydelsnummer"), max_length=6, unique=True)
    name = models.CharField(_("navn"), max_length=100)
    slug = models.SlugField(max_length=120)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="districts", verbose_name=_("kommune")
    )

    class Meta:
        verbose_name = _("bydel")
        verbose_name_plural = _("bydeler")
        ordering = ["number"]

    def __str__(self):
        return self.name


class SLTUnitQuerySet(models.QuerySet):
    def current(self):
        """Units that are active or being established."""
        return self.filter(status__in=SLTUnit.CURRENT_STATUSES)

    def with_details(self, *, all_coordinators: bool = False):
        """Prefetch what a directory entry shows: members, districts and public coordinators
        (as `member_list`, `district_list`, `public_coordinators`); constant query count.
        With all_coordinators, every entry instead (ended and hidden ones too, ended last, with
        their account) as `all_coordinators`, for Sfk (selectors.unit_page_unit)."""
        return self.prefetch_related(*self.detail_prefetches(all_coordinators=all_coordinators).values())

    @staticmethod
    def detail_prefetches(*, all_coordinators: bool = False) -> dict[str, models.Prefetch]:
        """with_details()' prefetches, by the attribute each fills."""
        coordinators = (
            models.Prefetch(
                "coordinators",
                queryset=Coordinator.objects.select_related("user").order_by("ended_at", *COORDINATOR_ORDER),
                to_attr="all_coordinators",
            )
            if all_coordinators
            else models.Prefetch("coordinators", queryset=Coordinator.objects.public(), to_attr="public_coordinators")
        )
        return {
            "member_list": models.Prefetch(
                "memberships",
                queryset=UnitMunicipality.objects.select_related("municipality__county").order_by("municipality__name"),
                to_attr="member_list",
            ),
            "district_list": models.Prefetch(
                "district_memberships",
                queryset=UnitDistrict.objects.select_related("district").order_by("district__number"),
                to_attr="district_list",
            ),
            coordinators.to_attr: coordinators,
        }

    def with_member_flags(self):
        """Annotate `has_members` and `has_districts`, so attach_details() reads only the lists
        that some of the units have (a unit has municipalities or Oslo districts, rarely both)."""
        return self.annotate(
            has_members=models.Exists(UnitMunicipality.objects.filter(unit=models.OuterRef("pk"))),
            has_districts=models.Exists(UnitDistrict.objects.filter(unit=models.OuterRef("pk"))),
        )

    def with_active_coordinators(self):
        """Prefetch every active coordinator, public or not, as `active_coordinators` (the
        unit's own coordinators and Sfk see them all)."""
        return self.prefetch_related(
            models.Prefetch("coordinators", queryset=Coordinator.objects.active(), to_attr="active_coordinators")
        )

    def in_county(self, *counties):
        """Units with a current member in one of these counties (County objects or ids): a whole
        municipality, or an Oslo district (SaLTo units are made of districts, not municipalities).
        Each unit once, so it can be used as a subquery: `unit__in=SLTUnit.objects.in_county(c)`."""
        municipalities = UnitMunicipality.objects.filter(is_current=True, municipality__county__in=counties)
        districts = UnitDistrict.objects.filter(is_current=True, district__municipality__county__in=counties)
        return self.filter(Q(pk__in=municipalities.values("unit_id")) | Q(pk__in=districts.values("unit_id")))


class SLTUnit(models.Model):
    """What has a coordinator: one municipality, several (inter-municipal) or Oslo districts."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktiv")
        ESTABLISHING = "establishing", _("Under etablering")
        ENDED = "ended", _("Avsluttet")

    CURRENT_STATUSES = (Status.ACTIVE, Status.ESTABLISHING)

    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn i adressen"), max_length=200, unique=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE)
    municipalities = models.ManyToManyField(
        Municipality,
        through="UnitMunicipality",
        related_name="slt_units",
        blank=True,
        verbose_name=_("kommuner"),
    )
    districts = models.ManyToManyField(
        District,
        through="UnitDistrict",
        related_name="slt_units",
        blank=True,
        verbose_name=_("bydeler"),
    )
    started_year = models.PositiveSmallIntegerField(
        _("år SLT startet"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    has_steering_group = models.BooleanField(_("har politiråd eller styringsgruppe"), default=False)
    steering_group_chair = models.CharField(_("ledet av"), max_length=200, blank=True)
    police_contact = models.CharField(
        _("politikontakt (rolle)"),
        max_length=200,
        blank=True,
        help_text=_("Politidistrikt eller stasjon, ikke personopplysninger."),
    )
    action_plan_url = models.URLField(_("lenke til handlingsplan"), blank=True)
    email = models.EmailField(_("felles e-post for enheten"), blank=True)
    phone = PhoneNumberField(
        _("felles telefon for enheten"),
        blank=True,
        help_text=_("Sentralbord eller et felles nummer, ikke private numre."),
    )
    verified_at = models.DateTimeField(_("sist bekreftet"), null=True, blank=True)
    sfk_notes = models.TextField(_("notater for Sfk (ikke offentlig)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SLTUnitQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SLT-enhet")
        verbose_name_plural = _("SLT-enheter")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(started_year__isnull=True) | Q(started_year__gte=1990),
                name="sltunit_started_year_sane",
            ),
            models.CheckConstraint(condition=Q(phone="") | Q(phone__regex=E164_REGEX), name="sltunit_phone_e164"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("municipalities:unit", kwargs={"slug": self.slug})

    @property
    def owner_unit_id(self) -> int:
        """A unit owns itself (accounts.permissions.owner_unit_id)."""
        return self.pk

    @property
    def is_current(self) -> bool:
        return self.status in self.CURRENT_STATUSES

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_establishing(self) -> bool:
        return self.status == self.Status.ESTABLISHING

    @property
    def status_text(self) -> str:
        """The public wording of the unit's status (see status_text())."""
        return status_text(self.status)

    @property
    def is_stale(self) -> bool:
        """Not verified for more than STALE_AFTER_DAYS days (or never)."""
        cutoff = timezone.now() - timezone.timedelta(days=STALE_AFTER_DAYS)
        return self.verified_at is None or self.verified_at < cutoff


def attach_details(units, *, all_coordinators: bool = False) -> None:
    """with_details() for units already read with_member_flags(): a list no unit has is not read
    (it is set empty), which saves a query or two on most pages."""
    prefetches = SLTUnitQuerySet.detail_prefetches(all_coordinators=all_coordinators)
    for attr, flag in (("member_list", "has_members"), ("district_list", "has_districts")):
        if not any(getattr(unit, flag) for unit in units):
            for unit in units:
                setattr(unit, attr, [])
            del prefetches[attr]
    models.prefetch_related_objects(units, *prefetches.values())


# The one public wording of SLT status, for a unit and for the municipality or district it covers:
# the coverage map (legend and titles), the county list, the coverage table, the unit and
# municipality pages, the directory CSV and Sfk's unit list all read it from here. (The status
# field's choice labels are the editing vocabulary of the unit form.)
STATUS_TEXT = {
    SLTUnit.Status.ACTIVE: _("SLT i drift"),
    SLTUnit.Status.ESTABLISHING: _("SLT under etablering"),
    SLTUnit.Status.ENDED: _("SLT avsluttet"),
    None: _("Ingen SLT-enhet"),
}


def status_text(status: str | None, *, districts: tuple[int, int] | None = None) -> str:
    """The wording for a status (None: no unit). `districts` is (covered, total) for a municipality
    whose SLT is organised per district (Oslo), where the count says more than one status."""
    if districts:
        return gettext("SLT i %(covered)s av %(total)s bydeler") % {"covered": districts[0], "total": districts[1]}
    return str(STATUS_TEXT.get(status, STATUS_TEXT[None]))


class UnitMunicipality(models.Model):
    """Membership; `is_current` mirrors the unit's status so the database can enforce that a
    municipality belongs to at most one active/establishing unit."""

    unit = models.ForeignKey(SLTUnit, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="memberships")
    is_current = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "municipality"], name="unitmunicipality_unique"),
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(is_current=True),
                name="municipality_in_one_current_unit",
            ),
        ]


class UnitDistrict(models.Model):
    unit = models.ForeignKey(SLTUnit, on_delete=models.CASCADE, related_name="district_memberships")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="memberships")
    is_current = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "district"], name="unitdistrict_unique"),
            models.UniqueConstraint(
                fields=["district"],
                condition=Q(is_current=True),
                name="district_in_one_current_unit",
            ),
        ]


# The one order of a unit's coordinator entries, wherever they are listed: the SLT coordinator(s)
# first (by title), then everyone else (advisers, assistants), each group by name.
COORDINATOR_ORDER = [
    Case(When(title__icontains="koordinator", then=Value(0)), default=Value(1)),
    "name",
]


class CoordinatorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)

    def public(self):
        return self.active().filter(is_public=True)

    def stale(self, *, now=None, days: int = STALE_AFTER_DAYS):
        """Active entries not verified for more than `days` days (or never)."""
        return self.active().filter(_unverified_since(now, days))

    def upkeep_counts(self, *, now=None) -> dict[str, int]:
        """`stale` entries and `pending_invitations` (InvitationQuerySet.pending), in one query,
        whose SQL the ORM builds once per process (core.sql.at_moment: the Sfk dashboard, issue 14)."""
        if self.query.where or self.query.is_sliced:  # a narrowed queryset: built as it is
            return self._upkeep_counts(now=now or timezone.now())
        row = at_moment(
            "municipalities:upkeep-counts", lambda moment: self._upkeep_counts(now=moment), now or timezone.now()
        )
        return dict(zip(("stale", "pending_invitations"), row, strict=True))

    def _upkeep_counts(self, *, now) -> dict[str, int]:
        return self.active().aggregate(
            stale=models.Count("pk", filter=_unverified_since(now, STALE_AFTER_DAYS), distinct=True),
            pending_invitations=models.Count(
                "invitations", filter=Q(invitations__in=Invitation.objects.pending(now=now)), distinct=True
            ),
        )


def _unverified_since(now, days: int) -> Q:
    cutoff = (now or timezone.now()) - timezone.timedelta(days=days)
    return Q(verified_at__isnull=True) | Q(verified_at__lt=cutoff)


class Coordinator(models.Model):
    """A coordinator entry in the directory. Work contact data only."""

    unit = models.ForeignKey(
        # PROTECT: deleting a unit must never take its coordinators (and their history) with it.
        SLTUnit,
        on_delete=models.PROTECT,
        related_name="coordinators",
        verbose_name=_("SLT-enhet"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinator_entries",
        verbose_name=_("brukerkonto"),
    )
    name = models.CharField(_("navn"), max_length=150)
    title = models.CharField(_("stillingstittel"), max_length=150, blank=True)
    position_percent = models.PositiveSmallIntegerField(
        _("stillingsprosent"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    employer = models.CharField(_("arbeidsgiver"), max_length=200, blank=True)
    org_placement = models.CharField(_("organisatorisk plassering"), max_length=200, blank=True)
    email = models.EmailField(_("e-post (jobb)"))
    phone = PhoneNumberField(_("telefon (jobb)"), blank=True)
    photo = models.ImageField(_("bilde"), upload_to="coordinators/", blank=True)
    photo_consent_at = models.DateTimeField(_("samtykke til bilde gitt"), null=True, blank=True)
    is_public = models.BooleanField(_("vises offentlig"), default=True)
    verified_at = models.DateTimeField(_("sist bekreftet"), null=True, blank=True)
    ended_at = models.DateTimeField(_("sluttet"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("påminnelse sendt"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CoordinatorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("SLT-koordinator")
        verbose_name_plural = _("SLT-koordinatorer")
        ordering = COORDINATOR_ORDER
        constraints = [
            models.CheckConstraint(
                condition=Q(position_percent__isnull=True) | Q(position_percent__gte=1, position_percent__lte=100),
                name="coordinator_position_percent_range",
            ),
            models.CheckConstraint(
                condition=Q(photo="") | Q(photo_consent_at__isnull=False),
                name="coordinator_photo_needs_consent",
            ),
            models.CheckConstraint(condition=Q(phone="") | Q(phone__regex=E164_REGEX), name="coordinator_phone_e164"),
        ]

    def __str__(self):
        return self.name

    @property
    def show_photo(self) -> bool:
        return bool(self.photo and self.photo_consent_at and self.is_public)


class InvitationQuerySet(models.QuerySet):
    def with_status(self, *, now=None):
        """Annotate `status` (an `Invitation.Status`), derived from the times in this order: accepted
        (used), revoked (withdrawn, replaced by a newer one, or the entry has ended), expired, pending
        (the link works). `services.invitation_from_token` refuses links the same way."""
        return self.annotate(
            status=Case(
                When(used_at__isnull=False, then=Value(Invitation.Status.ACCEPTED)),
                When(
                    Q(revoked_at__isnull=False) | Q(coordinator__ended_at__isnull=False),
                    then=Value(Invitation.Status.REVOKED),
                ),
                When(expires_at__lte=now or timezone.now(), then=Value(Invitation.Status.EXPIRED)),
                default=Value(Invitation.Status.PENDING),
                output_field=models.CharField(),
            )
        )

    def pending(self, *, now=None):
        return self.with_status(now=now).filter(status=Invitation.Status.PENDING)

    def admin_list(self, *, status: str = "", now=None):
        """Sfk's list, newest first, only `status` unless it is "" (constant query count);
        `superseded`: the entry has been invited again since."""
        newer = Invitation.objects.filter(coordinator=OuterRef("coordinator"), pk__gt=OuterRef("pk"))
        invitations = (
            self.with_status(now=now)
            .annotate(superseded=Exists(newer))
            .select_related("coordinator__unit", "created_by")
        )
        return (invitations.filter(status=status) if status else invitations).order_by("-created_at", "-pk")

    def status_counts(self, *, now=None) -> dict[str, int]:
        """The number of invitations in each state (every state present), in one query."""
        rows = self.with_status(now=now).order_by().values_list("status").annotate(n=models.Count("pk"))
        return {status.value: 0 for status in Invitation.Status} | dict(rows)


class Invitation(models.Model):
    """An invitation to a coordinator entry: the e-mailed link is a signed token naming this row
    and its nonce. Single use (`used_at`); re-sending revokes the previous one (`revoked_at`)."""

    coordinator = models.ForeignKey(
        Coordinator, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("koordinator")
    )
    email = models.EmailField(_("e-post"))
    nonce = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Status(models.TextChoices):
        # Derived from the times (InvitationQuerySet.with_status); the values are the list's ?status=.
        PENDING = "venter", _("Venter på svar")
        ACCEPTED = "tatt-imot", _("Tatt imot")
        EXPIRED = "utlopt", _("Utløpt")
        REVOKED = "trukket-tilbake", _("Trukket tilbake")

    class Meta:
        verbose_name = _("invitasjon")
        verbose_name_plural = _("invitasjoner")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["coordinator"],
                condition=Q(used_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_coordinator",
            ),
        ]

    def __str__(self):
        return f"{self.email} ({self.created_at:%Y-%m-%d})"
