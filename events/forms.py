from django import forms
from django.utils.translation import gettext_lazy as _

from municipalities.models import County, SLTUnit
from municipalities.selectors import contact_prefill

from .models import Event, Registration
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
