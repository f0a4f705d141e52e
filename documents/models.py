import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accounts.permissions import coordinator_unit_ids, is_coordinator, is_sfk_admin
from core.choices import Language
from core.reverse import reverse_slug

from .storage import documents_storage

# Information pages with their own named URL (kept stable: the header and footer link to them).
NAMED_PAGE_URLS = {
    "om-slt": "documents:about",
    "tilgjengelighet": "documents:accessibility",
    "personvern": "documents:privacy",
    "kontakt": "documents:contact",
}


def _lang() -> str:
    return (get_language() or "nb")[:2]


class InfoPage(models.Model):
    """An editable information page: bokmål is required, nynorsk and English are optional."""

    slug = models.SlugField(_("kortnavn i adressen"), max_length=80, unique=True)
    title = models.CharField(_("tittel (bokmål)"), max_length=200)
    title_nn = models.CharField(_("tittel (nynorsk)"), max_length=200, blank=True)
    title_en = models.CharField(_("tittel (engelsk)"), max_length=200, blank=True)
    summary = models.CharField(_("kort beskrivelse (bokmål)"), max_length=300)
    summary_nn = models.CharField(_("kort beskrivelse (nynorsk)"), max_length=300, blank=True)
    summary_en = models.CharField(_("kort beskrivelse (engelsk)"), max_length=300, blank=True)
    body = models.TextField(_("innhold (bokmål)"), help_text=_("Markdown. Bruk ## for mellomtitler."))
    body_nn = models.TextField(_("innhold (nynorsk)"), blank=True)
    body_en = models.TextField(_("innhold (engelsk)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)
    show_in_menu = models.BooleanField(_("vises i listen over sider om SLT"), default=True)
    updated_at = models.DateTimeField(_("sist endret"), auto_now=True)

    class Meta:
        verbose_name = _("informasjonsside")
        verbose_name_plural = _("informasjonssider")
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        name = NAMED_PAGE_URLS.get(self.slug)
        return reverse(name) if name else reverse("documents:page", args=[self.slug])

    def localized(self, lang: str | None = None) -> dict:
        """Title, summary and body in the language, falling back to bokmål (is_fallback)."""
        lang = lang or _lang()
        if lang in ("nn", "en") and getattr(self, f"body_{lang}").strip():
            return {
                "title": getattr(self, f"title_{lang}") or self.title,
                "summary": getattr(self, f"summary_{lang}") or self.summary,
                "body": getattr(self, f"body_{lang}"),
                "lang": lang,
                "is_fallback": False,
            }
        return {
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
            "lang": "nb",
            "is_fallback": lang != "nb",
        }

    @property
    def localized_title(self) -> str:
        lang = _lang()
        return (getattr(self, f"title_{lang}", "") if lang != "nb" else "") or self.title


def can_see_restricted(user) -> bool:
    """Restricted publications are for logged-in coordinators and Sfk admins."""
    return user is not None and (is_sfk_admin(user) or is_coordinator(user))


class PublicationQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.all() if can_see_restricted(user) else self.filter(is_restricted=False)

    def changeable_by(self, user):
        if is_sfk_admin(user):
            return self.all()
        return self.filter(unit_id__in=coordinator_unit_ids(user))

    def current_editions(self):
        return self.filter(replaced_by__isnull=True)

    def with_related(self):
        return self.select_related("unit", "replaces", "replaced_by").prefetch_related("themes")

    def for_rows(self):
        """Only what a list row shows (includes/publication_item.html): no themes or editions."""
        return (
            self.select_related(None)
            .prefetch_related(None)
            .select_related("unit")
            .only(*ROW_FIELDS, "unit__name", "unit__slug")
        )


#: The fields a list row shows (PublicationQuerySet.for_rows).
ROW_FIELDS = (
    "title",
    "slug",
    "kind",
    "language",
    "summary",
    "published_on",
    "edition",
    "unit",
    "file_type",
    "file_size",
    "page_count",
    "external_url",
    "is_restricted",
)


class Publication(models.Model):
    class Kind(models.TextChoices):
        HANDBOOK = "handbook", _("Håndbok")
        GUIDE = "guide", _("Veileder")
        REPORT = "report", _("Rapport")
        TEMPLATE = "template", _("Mal")
        PRESENTATION = "presentation", _("Presentasjon")
        ACTION_PLAN = "action_plan", _("Lokal handlingsplan")
        ANNUAL_REPORT = "annual_report", _("Lokal årsrapport")
        OTHER = "other", _("Annet")

    Language = Language

    class FileType(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"
        XLSX = "xlsx", "Excel (XLSX)"
        PPTX = "pptx", "PowerPoint (PPTX)"
        ODT = "odt", "OpenDocument (ODT)"

    title = models.CharField(_("tittel"), max_length=250)
    slug = models.SlugField(_("kortnavn i adressen"), max_length=120, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("språk"), max_length=2, choices=Language.choices, default=Language.NB)
    summary = models.TextField(_("sammendrag"), max_length=2000, blank=True)
    published_on = models.DateField(_("publiseringsdato"), default=timezone.localdate)
    edition = models.CharField(
        _("utgave eller versjon"),
        max_length=60,
        blank=True,
        help_text=_("For eksempel «2. utgave» eller «2025»."),
    )
    replaces = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("erstatter tidligere utgave"),
    )
    unit = models.ForeignKey(
        "municipalities.SLTUnit",
        on_delete=models.PROTECT,  # a unit with publications cannot be deleted (issue 11)
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("SLT-enhet"),
        help_text=_("Tomt betyr nasjonal publikasjon fra Sfk."),
    )
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="publications", verbose_name=_("temaer"))
    file = models.FileField(_("fil"), storage=documents_storage, upload_to="publications/", max_length=200, blank=True)
    original_filename = models.CharField(_("opprinnelig filnavn"), max_length=200, blank=True)
    file_type = models.CharField(_("filtype"), max_length=4, choices=FileType.choices, blank=True)
    file_size = models.PositiveBigIntegerField(_("filstørrelse"), null=True, blank=True)
    page_count = models.PositiveIntegerField(_("antall sider"), null=True, blank=True)
    external_url = models.URLField(_("ekstern lenke"), blank=True)
    cover_image = models.ImageField(
        _("forsidebilde"), storage=documents_storage, upload_to="covers/", max_length=200, blank=True
    )
    is_restricted = models.BooleanField(
        _("bare for innloggede koordinatorer"),
        default=False,
        help_text=_("Skjulte dokumenter vises og lastes ned bare av innloggede koordinatorer og Sfk."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publikasjon")
        verbose_name_plural = _("publikasjoner")
        ordering = ["-published_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(file="") | ~Q(external_url=""), name="publication_file_or_url"),
            models.CheckConstraint(condition=~Q(replaces=models.F("id")), name="publication_not_replacing_itself"),
            models.CheckConstraint(condition=Q(file="") | ~Q(file_type=""), name="publication_file_has_type"),
        ]
        indexes = [models.Index(fields=["-published_on"], name="publication_newest_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_slug("documents:detail", self.slug)

    @property
    def is_replaced(self) -> bool:
        return hasattr(self, "replaced_by")

    def download_name(self) -> str:
        from .uploads import safe_download_name

        return safe_download_name(self.original_filename or self.slug, self.file_type)


class NewsArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        return self.filter(publish_at__lte=now or timezone.now())

    def visible_to(self, user):
        return self.all() if is_sfk_admin(user) else self.published()


def _news_image_name(instance, filename):
    return f"news/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()[:5]}"


class NewsArticle(models.Model):
    Language = Language

    title = models.CharField(_("tittel"), max_length=200)
    language = models.CharField(_("språk i teksten"), max_length=2, choices=Language.choices, default=Language.NB)
    slug = models.SlugField(_("kortnavn i adressen"), max_length=120, unique=True)
    lead = models.CharField(_("ingress"), max_length=400)
    body = models.TextField(_("brødtekst"), help_text=_("Markdown. Bruk ## for mellomtitler."))
    image = models.ImageField(_("bilde"), upload_to=_news_image_name, blank=True)
    image_alt = models.CharField(
        _("alternativ tekst til bildet"),
        max_length=250,
        blank=True,
        help_text=_("Beskriv hva bildet viser. Må fylles ut når det er et bilde."),
    )
    publish_at = models.DateTimeField(
        _("publiseres"),
        null=True,
        blank=True,
        help_text=_("Tomt betyr utkast. Et tidspunkt fram i tid planlegger publiseringen."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("forfatter"),
    )
    related_publication = models.ForeignKey(
        Publication,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news",
        verbose_name=_("relatert publikasjon"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NewsArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("nyhetsartikkel")
        verbose_name_plural = _("nyhetsartikler")
        ordering = ["-publish_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(image="") | ~Q(image_alt=""), name="news_image_needs_alt"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse_slug("documents:news_detail", self.slug)

    @property
    def is_published(self) -> bool:
        return self.publish_at is not None and self.publish_at <= timezone.now()


class ContactMessageQuerySet(models.QuerySet):
    def unhandled(self):
        return self.filter(handled_at__isnull=True)


class ContactMessage(models.Model):
    """A message from the contact form: stored before it is e-mailed, so nothing is lost."""

    name = models.CharField(_("navn"), max_length=150)
    email = models.EmailField(_("e-post"))
    subject = models.CharField(_("emne"), max_length=200)
    message = models.TextField(_("melding"), max_length=5000)
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommune"),
    )
    created_at = models.DateTimeField(_("mottatt"), auto_now_add=True)
    handled_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("behandlet av"),
    )

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("henvendelse")
        verbose_name_plural = _("henvendelser")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} ({self.name})"
