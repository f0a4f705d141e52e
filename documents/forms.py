from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.permissions import coordinator_unit_ids, is_sfk_admin
from core.models import Theme
from municipalities.models import County, Municipality, SLTUnit

from . import hooks
from .models import ContactMessage, InfoPage, NewsArticle, Publication
from .uploads import inspect_cover, inspect_upload


class PublicationForm(forms.ModelForm):
    cover = forms.FileField(
        label=_("Forsidebilde"),
        required=False,
        help_text=_("Valgfritt. JPEG, PNG eller WebP, høyst 5 MB. Vises som pynt ved siden av tittelen."),
    )
    use_as_action_plan = forms.BooleanField(
        label=_("Bruk som enhetens gjeldende handlingsplan"),
        required=False,
        help_text=_("For en lokal handlingsplan: lenken «Handlingsplan» på enhetens side går da til dette dokumentet."),
    )
    upload = forms.FileField(
        label=_("Fil"),
        required=False,
        help_text=_(
            "PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) eller ODT. Filen kontrolleres før den lagres."  # noqa: E501
        ),
    )

    class Meta:
        model = Publication
        fields = [
            "title",
            "kind",
            "language",
            "summary",
            "published_on",
            "edition",
            "replaces",
            "unit",
            "themes",
            "external_url",
            "is_restricted",
        ]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "themes": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.inspected = None
        units = SLTUnit.objects.order_by("name")
        if is_sfk_admin(user):
            self.fields["unit"].empty_label = _("Nasjonal (Sfk)")
        else:
            units = units.filter(pk__in=coordinator_unit_ids(user))
            self.fields["unit"].required = True
            self.fields["unit"].empty_label = None
            self.fields["unit"].help_text = ""
        self.fields["unit"].queryset = units
        self.fields["kind"].choices = [("", _("Velg type")), *Publication.Kind.choices]
        self.fields["themes"].queryset = Theme.objects.all()
        if not self.fields["themes"].queryset.exists():
            del self.fields["themes"]
        replaceable = Publication.objects.changeable_by(user).order_by("-published_on")
        if self.instance.pk:
            replaceable = replaceable.exclude(pk=self.instance.pk)
        self.fields["replaces"].queryset = replaceable
        self.fields["replaces"].empty_label = _("Ingen (første utgave)")
        self.fields["upload"].widget.attrs["accept"] = ".pdf,.docx,.xlsx,.pptx,.odt"

    def clean_cover(self):
        cover = self.cleaned_data.get("cover")
        if cover:
            inspect_cover(cover)
        return cover

    def clean_upload(self):
        uploaded = self.cleaned_data.get("upload")
        if uploaded:
            self.inspected = inspect_upload(uploaded)
        return uploaded

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("use_as_action_plan"):
            if cleaned.get("kind") != Publication.Kind.ACTION_PLAN or not cleaned.get("unit"):
                self.add_error(
                    "use_as_action_plan",
                    _("Velg typen «Lokal handlingsplan» og SLT-enheten planen gjelder for."),
                )
            elif cleaned.get("is_restricted"):
                self.add_error(
                    "use_as_action_plan",
                    _("En handlingsplan som bare koordinatorer kan se, kan ikke lenkes fra enhetens side."),
                )
        has_file = bool(cleaned.get("upload") or (self.instance.pk and self.instance.file))
        if not has_file and not cleaned.get("external_url") and not self.has_error("upload"):
            raise ValidationError(_("Last opp en fil eller oppgi en ekstern lenke."), code="file_or_url")
        return cleaned


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Søk i tittel og sammendrag"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    language = forms.ChoiceField(label=_("Språk"), required=False)
    scope = forms.ChoiceField(
        label=_("Utgiver"),
        required=False,
        choices=[
            ("", _("Alle")),
            ("national", _("Nasjonale (Sfk)")),
            ("local", _("Lokale SLT-dokumenter")),
        ],
    )
    theme = forms.ModelChoiceField(
        label=_("Tema"),
        required=False,
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("Alle temaer"),
    )
    county = forms.ModelChoiceField(
        label=_("Fylke (lokale dokumenter)"),
        required=False,
        queryset=County.objects.all(),
        to_field_name="number",
        empty_label=_("Alle fylker"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Alle typer")), *Publication.Kind.choices]
        self.fields["language"].choices = [("", _("Alle språk")), *Publication.Language.choices]


class NewsSearchForm(forms.Form):
    q = forms.CharField(label=_("Søk i nyhetene"), required=False, max_length=200)


class InfoPageForm(forms.ModelForm):
    class Meta:
        model = InfoPage
        fields = [
            "title",
            "summary",
            "body",
            "title_nn",
            "summary_nn",
            "body_nn",
            "title_en",
            "summary_en",
            "body_en",
        ]
        widgets = {f: forms.Textarea(attrs={"rows": 16}) for f in ("body", "body_nn", "body_en")}


class NewsArticleForm(forms.ModelForm):
    class Meta:
        model = NewsArticle
        fields = [
            "title",
            "language",
            "lead",
            "body",
            "image",
            "image_alt",
            "publish_at",
            "related_publication",
        ]
        widgets = {
            "publish_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "body": forms.Textarea(attrs={"rows": 14}),
            "lead": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["related_publication"].queryset = Publication.objects.filter(is_restricted=False)
        self.fields["related_publication"].empty_label = _("Ingen")
        for extension in hooks.NEWS_FORM_EXTENSIONS:  # e.g. the related event (events)
            extension.contribute(self)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not (cleaned.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Skriv en alternativ tekst som beskriver bildet."))
        return cleaned


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["name", "email", "subject", "message", "municipality"]
        widgets = {"message": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.current().order_by("name")
        self.fields["municipality"].empty_label = _("Velg kommune (valgfritt)")
        self.fields["municipality"].help_text = _(
            "Valgfritt. Oppgi kommunen hvis henvendelsen gjelder en bestemt kommune."
        )
        self.fields["message"].help_text = _("Ikke skriv opplysninger om enkeltbarn, enkeltsaker eller helse.")
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    @property
    def is_spam(self) -> bool:
        # Honeypot: a field hidden from people (see the template); bots that fill it are ignored.
        return bool(self.data.get("website"))
