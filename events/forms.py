import datetime as dt

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.conf import settings
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.formpack import render_field, render_fieldsets
from documents.uploads import inspect_upload
from municipalities.models import County, SLTUnit
from municipalities.selectors import contact_prefill

from .models import Event, Recording, Registration, Session
from .services import REGISTRATION_FIELDS, registration_fields


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = list(REGISTRATION_FIELDS)
        labels = {"email": _("E-post (jobb)")}
        help_texts = {
            "email": _("Vi sender bekreftelsen og lenken til påmeldingen din hit."),
            "unit": _("Valgfritt."),
            "role": _("For eksempel SLT-koordinator, politikontakt eller rådgiver."),
            "dietary_needs": _("Slettes etter arrangementet."),
            "accessibility_needs": _("Slettes etter arrangementet."),
            "consent_participant_list": _("Navn, organisasjon og kommune vises for de andre bekreftede deltakerne."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "dietary_needs": forms.Textarea(attrs={"rows": 2}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, event: Event, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The questions follow the event's format: no dietary needs at a digital event.
        asked = registration_fields(event)
        for name in [name for name in self.fields if name not in asked]:
            del self.fields[name]
        if event.is_hybrid and "dietary_needs" in self.fields:
            self.fields["dietary_needs"].help_text = _("Bare hvis du deltar fysisk. Slettes etter arrangementet.")
        self.fields["unit"].queryset = SLTUnit.objects.current().order_by("name")
        self.fields["unit"].empty_label = _("Ingen / ikke aktuelt")
        if user is not None and not self.is_bound:
            self.initial.update(contact_prefill(user))


class EventFilterForm(forms.Form):
    q = forms.CharField(label=_("Søk i arrangementene"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=[("", _("Alle typer")), *Event.Kind.choices])
    county = forms.ModelChoiceField(
        label=_("Fylke (nettverksmøter)"), required=False, queryset=County.objects.all(), empty_label=_("Alle fylker")
    )


class EventSearchForm(forms.Form):
    q = forms.CharField(label=_("Søk i arrangementene"), required=False, max_length=200)


class ParticipantEmailForm(forms.Form):
    subject = forms.CharField(label=_("Emne"), max_length=200)
    body = forms.CharField(label=_("Melding"), widget=forms.Textarea(attrs={"rows": 8}))
    include_waiting = forms.BooleanField(label=_("Send også til dem på ventelisten"), required=False)


class DateTimeInput(forms.DateTimeInput):
    """A text field in one format every language accepts (ISO: 2027-05-04 09:00); the browsers'
    date pickers differ by locale and are hard to fill in with the keyboard alone."""

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d %H:%M", attrs={"autocomplete": "off", "size": 16}, **kwargs)


DATETIME_HELP = _("Skriv dato og klokkeslett som åååå-mm-dd tt:mm, for eksempel 2027-05-04 09:00.")
DATE_HELP = _("Skriv datoen som åååå-mm-dd, for eksempel 2027-05-04.")


# The event editor's groups, in order: (legend, fields).
EVENT_FIELDSETS = [
    (_("Om arrangementet"), ["title", "slug", "language", "kind", "summary", "description"]),
    (_("Tid og sted"), ["start", "end", "format", "venue_name", "venue_address", "join_url", "county"]),
    (
        _("Påmelding"),
        ["audience", "capacity", "registration_opens", "registration_closes", "price_note"],
    ),
    (_("Kontakt"), ["contact_name", "contact_email"]),
]


class EventForm(forms.ModelForm):
    """Sfk's event editor: everything the public event page shows."""

    class Meta:
        model = Event
        fields = [name for _legend, names in EVENT_FIELDSETS for name in names]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "start": DateTimeInput(),
            "end": DateTimeInput(),
            "registration_opens": DateTimeInput(),
            "registration_closes": DateTimeInput(),
            "audience": forms.RadioSelect(),
            "format": forms.RadioSelect(),
        }
        help_texts = {
            "slug": _("Blir en del av adressen. Tomt gir et kortnavn laget av tittelen."),
            "format": _(
                "Påmeldingsskjemaet spør om navn, e-post, organisasjon, kommune, rolle og behov for "
                "tilrettelegging. Spesialkost spørres det bare om ved fysiske og hybride arrangementer."
            ),
            "start": DATETIME_HELP,
            "end": DATETIME_HELP,
            "registration_opens": _("Tomt betyr at påmeldingen er åpen fra arrangementet er publisert."),
            "registration_closes": _("Tomt betyr at man kan melde seg på til arrangementet starter."),
            "price_note": _("For eksempel «Gratis» eller «1 500 kr inkludert lunsj»."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["kind"].choices = [("", _("Velg type")), *Event.Kind.choices]
        self.fields["capacity"].validators.append(MinValueValidator(1))
        self.fields["capacity"].widget.attrs["min"] = 1
        self.fields["county"].queryset = County.objects.order_by("name")
        self.fields["county"].empty_label = _("Nasjonalt")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> has the token
        self.helper.form_show_errors = False  # the page shows one summary for the event and its programme
        self.helper.layout = Layout(*(Fieldset(legend, *names) for legend, names in EVENT_FIELDSETS))

    def html(self):
        """`{% crispy form %}` with the helper above, byte for byte, built in Python (core.formpack):
        the Designsystemet field template per field was most of the editor's CPU time (issue 14)."""
        return render_fieldsets(self, EVENT_FIELDSETS, form_show_errors=self.helper.form_show_errors)


class SessionForm(forms.ModelForm):
    """One programme item: the day (empty: the event's first day) and times as text, so the whole
    programme can be typed with the keyboard alone."""

    day = forms.DateField(
        label=_("Dag"),
        required=False,
        widget=forms.DateInput(attrs={"size": 10, "autocomplete": "off"}, format="%Y-%m-%d"),
        help_text=_("Tomt betyr arrangementets første dag. Ellers åååå-mm-dd."),
    )
    start_time = forms.TimeField(
        label=_("Starter (tt:mm)"), widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 5})
    )
    end_time = forms.TimeField(
        label=_("Slutter (tt:mm)"), required=False, widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 5})
    )

    class Meta:
        model = Session
        fields = ["title", "speaker", "room"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            starts = timezone.localtime(self.instance.starts_at)
            self.initial.setdefault("day", starts.date())
            self.initial.setdefault("start_time", starts.strftime("%H:%M"))
            if self.instance.ends_at:
                self.initial.setdefault("end_time", timezone.localtime(self.instance.ends_at).strftime("%H:%M"))
        self.order_fields(["day", "start_time", "end_time", "title", "speaker", "room"])

    def visible_fields_html(self):
        """Each visible field as `{% include "designsystemet/field.html" %}` renders it, built in
        Python (core.formpack.render_field): the editor shows several programme rows (issue 14)."""
        return mark_safe("".join(render_field(field, False) for field in self.visible_fields()))

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end < start:
            self.add_error("end_time", _("Slutten kan ikke være før starten."))
        return data

    def times(self, *, first_day) -> tuple:
        """(starts_at, ends_at) as aware datetimes on the chosen day (or `first_day`)."""
        day = self.cleaned_data.get("day") or first_day
        zone = timezone.get_current_timezone()
        starts = dt.datetime.combine(day, self.cleaned_data["start_time"], tzinfo=zone)
        end = self.cleaned_data.get("end_time")
        return starts, (dt.datetime.combine(day, end, tzinfo=zone) if end else None)


class BaseSessionFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "ORDER" in form.fields:
            form.fields["ORDER"].label = _("Plass i programmet")
            form.fields["ORDER"].help_text = _("Lavest nummer først. Tomt: sist.")
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Fjern fra programmet")


SessionFormSet = forms.inlineformset_factory(
    Event,
    Session,
    form=SessionForm,
    formset=BaseSessionFormSet,
    fields=["title", "speaker", "room"],
    extra=3,
    can_order=True,
    can_delete=True,
)


class RecordingForm(forms.ModelForm):
    """A recording as a link card; slides as a file through the document library's upload checks."""

    slides_file = forms.FileField(
        label=_("Lysark (fil)"),
        required=False,
        help_text=_("PDF, PowerPoint (PPTX), Word (DOCX) eller ODT. Blir et dokument i dokumentbiblioteket."),
    )

    class Meta:
        model = Recording
        fields = [
            "title",
            "session",
            "speaker",
            "recorded_on",
            "video_url",
            "duration_minutes",
            "has_captions",
            "slides_url",
        ]
        labels = {"has_captions": _("Opptaket har teksting")}
        widgets = {"recorded_on": forms.DateInput(attrs={"size": 10}, format="%Y-%m-%d")}
        help_texts = {"recorded_on": DATE_HELP}

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        self.fields["session"].queryset = event.sessions.all()
        self.fields["session"].empty_label = _("Hele arrangementet")
        self.fields["video_url"].help_text = _(
            "Lenken åpner videoen hos videotjenesten; den bygges ikke inn. Tillatte tjenester: %(hosts)s."
        ) % {"hosts": ", ".join(settings.RECORDING_VIDEO_HOSTS)}
        self.order_fields([*self.Meta.fields[:-1], "slides_file", "slides_url"])
        if not self.initial.get("recorded_on"):
            self.initial["recorded_on"] = timezone.localdate(event.start)

    def clean_slides_file(self):
        uploaded = self.cleaned_data.get("slides_file")
        self.inspected = inspect_upload(uploaded) if uploaded else None
        return uploaded


class DuplicateEventForm(forms.Form):
    title = forms.CharField(label=_("Tittel på kopien"), max_length=200)
    start = forms.DateTimeField(label=_("Starter"), widget=DateTimeInput(), help_text=DATETIME_HELP)
