import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_sfk_admin
from core.choices import Language
from core.reverse import reverse_slug

# Paths under /arrangementer/ that are not event slugs.
RESERVED_SLUGS = {"tidligere", "opptak", "kalender", "pamelding", "administrer"}


def url_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def video_host_allowed(url: str) -> bool:
    """An https link to a host on the allow-list (`RECORDING_VIDEO_HOSTS`) or one of its subdomains."""
    if urlsplit(url).scheme != "https":
        return False
    host = url_host(url)
    return any(host == allowed or host.endswith("." + allowed) for allowed in settings.RECORDING_VIDEO_HOSTS)


def new_invite_token() -> str:
    return secrets.token_urlsafe(16)


#: The fields an event card shows (EventQuerySet.for_cards).
CARD_FIELDS = (
    "title",
    "slug",
    "language",
    "kind",
    "summary",
    "start",
    "end",
    "format",
    "venue_name",
    "county",
    "capacity",
    "status",
)


class EventQuerySet(models.QuerySet):
    def public(self):
        """Published and cancelled events (cancelled ones stay visible, clearly marked)."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def visible_to(self, user):
        return self.all() if is_sfk_admin(user) else self.public()

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def with_counts(self, now=None):
        """Counts per status; `held_count` is the unconfirmed registrations whose seat hold has not
        expired, and `taken_count` the seats gone (confirmed + held), which is what the public sees."""
        confirmed = Q(registrations__status="confirmed")
        waiting = Q(registrations__status="waiting")
        pending = Q(registrations__status="pending")
        held = Q(registrations__status="unconfirmed", registrations__hold_until__gt=now or timezone.now())
        return self.annotate(
            confirmed_count=models.Count("registrations", filter=confirmed),
            waiting_count=models.Count("registrations", filter=waiting),
            pending_count=models.Count("registrations", filter=pending),
            held_count=models.Count("registrations", filter=held),
            taken_count=F("confirmed_count") + F("held_count"),
        )

    def with_list_counts(self):
        """`confirmed_count` and `waiting_count` alone (as in with_counts), for the lists that show
        only those two: two aggregates fewer over every event's registrations."""
        return self.annotate(
            confirmed_count=models.Count("registrations", filter=Q(registrations__status="confirmed")),
            waiting_count=models.Count("registrations", filter=Q(registrations__status="waiting")),
        )

    def with_taken_count(self, now=None):
        """`taken_count` alone (as in with_counts), counted per event by a subquery: for a list of
        cards, without grouping every event's columns over its registrations."""
        taken = (
            Registration.objects.filter(event=OuterRef("pk"))
            .filter(Q(status="confirmed") | Q(status="unconfirmed", hold_until__gt=now or timezone.now()))
            .order_by()
            .values("event")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(taken_count=Coalesce(Subquery(taken, output_field=models.IntegerField()), 0))

    def with_recording_count(self):
        """`recording_count` per event, by a subquery (see with_taken_count)."""
        recordings = (
            Recording.objects.filter(event=OuterRef("pk"))
            .order_by()
            .values("event")
            .annotate(n=models.Count("pk"))
            .values("n")
        )
        return self.annotate(recording_count=Coalesce(Subquery(recordings, output_field=models.IntegerField()), 0))

    def for_cards(self):
        """Only what a card shows (includes/event_card.html), with the county's name."""
        return self.select_related("county").only(*CARD_FIELDS, "county__name")


class Event(models.Model):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Konferanse")
        INTRO_COURSE = "intro_course", _("Innføringskurs")
        DIGITAL_GATHERING = "digital_gathering", _("Digital samling")
        NETWORK_MEETING = "network_meeting", _("Nettverksmøte")
        WEBINAR = "webinar", _("Webinar")

    class Audience(models.TextChoices):
        """Who may register (enforced by `services.registration_create`):
        OPEN: anyone, at once; MEMBERS: a logged-in coordinator (or Sfk admin) at once, anyone else
        after Sfk's approval (`Registration.Status.PENDING`); INVITED: only with `invite_token`."""

        OPEN = "open", _("Åpent for alle")
        MEMBERS = "members", _("SLT-koordinatorer og samarbeidspartnere")
        INVITED = "invited", _("Bare inviterte (med invitasjonslenke)")

    class Format(models.TextChoices):
        """Where people take part. It decides what the page says about place and link, and which
        questions the registration form asks (dietary needs only where people meet in person)."""

        PHYSICAL = "physical", _("Fysisk")
        DIGITAL = "digital", _("Digitalt")
        HYBRID = "hybrid", _("Fysisk og digitalt (hybrid)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        PUBLISHED = "published", _("Publisert")
        CANCELLED = "cancelled", _("Avlyst")

    # Same choices as publications and measures: marks editor-written text with lang (WCAG 3.1.2).
    Language = Language

    title = models.CharField(_("tittel"), max_length=200)
    slug = models.SlugField(_("kortnavn i adressen"), max_length=200, unique=True)
    language = models.CharField(_("språk i teksten"), max_length=2, choices=Language.choices, default=Language.NB)
    kind = models.CharField(_("type"), max_length=32, choices=Kind.choices)
    summary = models.CharField(_("ingress"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True, help_text=_("Markdown."))
    start = models.DateTimeField(_("starter"))
    end = models.DateTimeField(_("slutter"))
    venue_name = models.CharField(_("sted"), max_length=200, blank=True)
    venue_address = models.CharField(_("adresse"), max_length=300, blank=True)
    format = models.CharField(_("form"), max_length=16, choices=Format.choices, default=Format.PHYSICAL)
    join_url = models.URLField(
        _("lenke for å delta digitalt"),
        blank=True,
        help_text=_("Vises bare for bekreftede deltakere."),
    )
    audience = models.CharField(_("målgruppe"), max_length=16, choices=Audience.choices, default=Audience.OPEN)
    invite_token = models.CharField(_("invitasjonskode"), max_length=64, default=new_invite_token, editable=False)
    county = models.ForeignKey(
        "municipalities.County",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("fylke"),
        help_text=_("Tomt betyr nasjonalt."),
    )
    capacity = models.PositiveIntegerField(
        _("antall plasser"), null=True, blank=True, help_text=_("Tomt betyr ubegrenset.")
    )
    registration_opens = models.DateTimeField(_("påmelding åpner"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("påmeldingsfrist"), null=True, blank=True)
    price_note = models.CharField(_("pris"), max_length=200, blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=150, blank=True)
    contact_email = models.EmailField(_("e-post til kontaktperson"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    cancelled_at = models.DateTimeField(_("avlyst"), null=True, blank=True)
    # The reference points from events down to documents (news sits below events in the layers).
    news_articles = models.ManyToManyField(
        "documents.NewsArticle", blank=True, related_name="related_events", verbose_name=_("relaterte nyheter")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        ordering = ["start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="event_end_after_start"),
            models.CheckConstraint(
                condition=Q(registration_opens__isnull=True)
                | Q(registration_closes__isnull=True)
                | Q(registration_closes__gte=F("registration_opens")),
                name="event_registration_window_order",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=1), name="event_capacity_positive"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_slug("events:detail", self.slug)

    @property
    def participants_url(self) -> str:
        """Sfk's participant list of the event (cheap enough for every row of a list)."""
        return reverse_slug("events:participants", self.slug)

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("Dette kortnavnet er reservert. Velg et annet.")})
        if self.has_venue and not self.venue_name:
            raise ValidationError({"venue_name": _("Oppgi sted, eller velg digitalt som form.")})

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def has_venue(self) -> bool:
        """People meet in person (physical or hybrid)."""
        return self.format in {self.Format.PHYSICAL, self.Format.HYBRID}

    @property
    def is_digital(self) -> bool:
        """People can take part online (digital or hybrid): the join link matters."""
        return self.format in {self.Format.DIGITAL, self.Format.HYBRID}

    @property
    def is_hybrid(self) -> bool:
        return self.format == self.Format.HYBRID

    @property
    def asks_dietary_needs(self) -> bool:
        return self.has_venue

    @property
    def needs_approval_for_non_members(self) -> bool:
        return self.audience == self.Audience.MEMBERS

    @property
    def is_invite_only(self) -> bool:
        return self.audience == self.Audience.INVITED

    @property
    def is_network_meeting(self) -> bool:
        return self.kind == self.Kind.NETWORK_MEETING

    def is_past(self, now=None) -> bool:
        return self.end < (now or timezone.now())

    @property
    def is_multi_day(self) -> bool:
        return timezone.localtime(self.start).date() != timezone.localtime(self.end).date()


class Session(models.Model):
    """One item of the programme."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"), null=True, blank=True)
    title = models.CharField(_("tittel"), max_length=200)
    speaker = models.CharField(_("innleder"), max_length=200, blank=True)
    room = models.CharField(_("rom"), max_length=100, blank=True)
    # Set by the programme editor (its order field); sessions of older events all have 0 and follow time.
    position = models.PositiveIntegerField(_("rekkefølge"), default=0)

    class Meta:
        verbose_name = _("programpost")
        verbose_name_plural = _("program")
        ordering = ["position", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="session_end_after_start",
            )
        ]

    def __str__(self):
        return self.title


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registrations still in play: a seat, a place in the queue, or awaiting Sfk's approval."""
        return self.filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING, Registration.Status.PENDING]
        )

    def admitted(self):
        """Registrations that hold a seat or a place in the queue (approved where approval is needed)."""
        return self.filter(status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING])

    def unconfirmed(self):
        return self.filter(status=Registration.Status.UNCONFIRMED)

    def holding_seat(self, now):
        """Unconfirmed registrations whose seat hold has not expired: their seats count as taken."""
        return self.filter(status=Registration.Status.UNCONFIRMED, hold_until__gt=now)

    def pending(self):
        return self.filter(status=Registration.Status.PENDING).order_by("created_at", "pk")

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        """The waiting list in queue order."""
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Bekreftet")
        WAITING = "waiting", _("På venteliste")
        # For audience MEMBERS: someone who is not a logged-in coordinator waits for Sfk; approval
        # gives a seat (or the waiting list), declining ends it.
        PENDING = "pending", _("Venter på godkjenning")
        DECLINED = "declined", _("Ikke godkjent")
        CANCELLED = "cancelled", _("Avmeldt")
        # Open events: the address has not confirmed yet (the link in the first e-mail). A seat is
        # held until `hold_until`; the registration is deleted if never confirmed
        # (EVENTS_UNCONFIRMED_DELETE_HOURS).
        UNCONFIRMED = "unconfirmed", _("Ikke bekreftet på e-post")

    event = models.ForeignKey(
        Event, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("arrangement")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="event_registrations"
    )
    name = models.CharField(_("navn"), max_length=150)
    email = models.EmailField(_("e-post (jobb)"))
    organisation = models.CharField(_("organisasjon/arbeidsgiver"), max_length=200)
    unit = models.ForeignKey(
        "municipalities.SLTUnit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
        verbose_name=_("kommune/SLT-enhet"),
    )
    role = models.CharField(_("rolle"), max_length=150, blank=True)
    dietary_needs = models.TextField(_("behov for spesialkost"), blank=True)
    accessibility_needs = models.TextField(_("behov for tilrettelegging"), blank=True)
    consent_participant_list = models.BooleanField(
        _("vis meg på deltakerlisten"),
        default=False,
    )
    language = models.CharField(_("språk"), max_length=8, choices=settings.LANGUAGES, default="nb")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    attended = models.BooleanField(_("møtte"), null=True, blank=True)
    created_at = models.DateTimeField(_("påmeldt"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("bekreftet"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("avmeldt"), null=True, blank=True)
    hold_until = models.DateTimeField(_("plassen holdes til"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymisert"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("påmelding")
        verbose_name_plural = _("påmeldinger")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~Q(status__in=["cancelled", "declined"]) & Q(anonymised_at__isnull=True),
                name="registration_email_per_event_unique",
                violation_error_message=_("Denne e-postadressen er allerede påmeldt arrangementet."),
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="registration_queue_idx")]

    def __str__(self):
        return f"{self.name} – {self.event}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_unconfirmed(self) -> bool:
        return self.status == self.Status.UNCONFIRMED

    @property
    def is_declined(self) -> bool:
        return self.status == self.Status.DECLINED

    @property
    def is_closed(self) -> bool:
        """Cancelled or declined: nothing more can happen to it."""
        return self.status in {self.Status.CANCELLED, self.Status.DECLINED}

    def waiting_position(self) -> int | None:
        """1-based place in the queue, counted from queue order (never stored)."""
        if not self.is_waiting:
            return None
        ahead = (
            Registration.objects.waiting()
            .filter(event_id=self.event_id)
            .filter(Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk))
        )
        return ahead.count() + 1


class Recording(models.Model):
    class Platform(models.TextChoices):
        YOUTUBE = "youtube", "YouTube"
        VIMEO = "vimeo", "Vimeo"
        OTHER = "other", _("Annen")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="recordings", verbose_name=_("arrangement"))
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recordings",
        verbose_name=_("programpost"),
        help_text=_("Valgfritt: hvilken del av programmet opptaket er fra."),
    )
    title = models.CharField(_("tittel"), max_length=200)
    speaker = models.CharField(_("innleder"), max_length=200, blank=True)
    recorded_on = models.DateField(_("dato"))
    video_url = models.URLField(_("lenke til video"))
    duration_minutes = models.PositiveIntegerField(_("varighet (minutter)"), null=True, blank=True)
    slides_url = models.URLField(
        _("lenke til lysark"), blank=True, help_text=_("Lenke til en publikasjon eller et dokument.")
    )
    # Slides uploaded in the Sfk workspace go through the document library's upload checks.
    slides = models.ForeignKey(
        "documents.Publication",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recordings",
        verbose_name=_("lysark"),
    )
    has_captions = models.BooleanField(_("har teksting"), default=False)

    class Meta:
        verbose_name = _("opptak")
        verbose_name_plural = _("opptak")
        ordering = ["recorded_on", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.video_url and not video_host_allowed(self.video_url):
            raise ValidationError(
                {
                    "video_url": _("Lenken må gå til en av disse videotjenestene (med https): %(hosts)s.")
                    % {"hosts": ", ".join(settings.RECORDING_VIDEO_HOSTS)}
                }
            )
        if self.session_id and self.event_id and self.session.event_id != self.event_id:
            raise ValidationError({"session": _("Programposten hører til et annet arrangement.")})

    @property
    def provider(self) -> str:
        """The video service, named after the link's host (the link opens the video there)."""
        return self.platform

    @property
    def platform(self) -> str:
        host = url_host(self.video_url)
        if host.endswith(("youtube.com", "youtu.be")):
            return self.Platform.YOUTUBE.label
        if host.endswith("vimeo.com"):
            return self.Platform.VIMEO.label
        return host.removeprefix("www.")
