import secrets

from django import forms
from django.contrib.auth import password_validation
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from accounts.models import User

from .models import Coordinator, District, Invitation, Municipality, SLTUnit

NO_PERSONAL_DATA = _("Skriv ikke opplysninger om enkeltpersoner eller barn her.")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Kommune, fylke, bydel eller navn"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class InvitationFilterForm(forms.Form):
    """The Sfk invitation list's filter (GET)."""

    status = forms.ChoiceField(label=_("Status"), choices=[("", _("Alle")), *Invitation.Status.choices], required=False)


class UnitPublicForm(forms.ModelForm):
    """What the unit's coordinators may change themselves."""

    class Meta:
        model = SLTUnit
        fields = [
            "email",
            "phone",
            "started_year",
            "has_steering_group",
            "steering_group_chair",
            "police_contact",
            "action_plan_url",
        ]


class UnitAdminForm(forms.ModelForm):
    """Sfk's form: also name, address, status, members and internal notes."""

    municipalities = forms.ModelMultipleChoiceField(
        label=_("Kommuner"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("En interkommunal enhet har flere kommuner. Hold nede Ctrl (Cmd) for å velge flere."),
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Bydeler (Oslo)"),
        queryset=District.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"data_columns": "1"}),
    )

    class Meta:
        model = SLTUnit
        fields = ["name", "slug", "status", *UnitPublicForm.Meta.fields, "sfk_notes"]
        widgets = {"status": forms.RadioSelect}
        help_texts = {"sfk_notes": NO_PERSONAL_DATA}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = Municipality.objects.current().order_by("name")
        self.fields["municipalities"].widget.attrs["size"] = 10
        self.fields["districts"].queryset = District.objects.order_by("number")
        if self.instance.pk:
            self.initial.setdefault("municipalities", list(self.instance.municipalities.all()))
            self.initial.setdefault("districts", list(self.instance.districts.all()))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in SLTUnit.CURRENT_STATUSES and not (
            cleaned.get("municipalities") or cleaned.get("districts")
        ):
            self.add_error("municipalities", _("Velg minst én kommune eller bydel."))
        return cleaned


class CoordinatorForm(forms.ModelForm):
    photo_consent = forms.BooleanField(
        label=_("Personen har samtykket til at bildet vises offentlig"),
        required=False,
    )

    class Meta:
        model = Coordinator
        fields = [
            "name",
            "title",
            "position_percent",
            "employer",
            "org_placement",
            "email",
            "phone",
            "is_public",
            "photo",
        ]
        help_texts = {
            "email": _("Bare jobbadresse."),
            "phone": _("Bare jobbtelefon, ikke private numre."),
            "org_placement": _("For eksempel «Oppvekst, kultur og fritid»."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photo_consent"].initial = bool(self.instance.photo_consent_at)

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if isinstance(photo, UploadedFile):
            # A random name: the file's public URL must not be guessable from the person's name.
            ext = photo.name.rsplit(".", 1)[-1].lower()[:5] if "." in photo.name else "jpg"
            photo.name = f"{secrets.token_hex(16)}.{ext}"
        return photo

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_consent"):
            self.add_error("photo_consent", _("Et bilde kan bare lagres når personen har samtykket."))
        return cleaned


class EndCoordinatorForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Ja, personen har sluttet. Kontoen deaktiveres, og enheten vises som «stilling ledig»."),
        required=True,
    )


class InvitationAcceptForm(forms.Form):
    full_name = forms.CharField(label=_("Fullt navn"), max_length=150)
    password1 = forms.CharField(
        label=_("Passord"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
        strip=False,
    )
    password2 = forms.CharField(
        label=_("Gjenta passordet"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("Passordene er ikke like."))
        elif password1:
            try:
                password_validation.validate_password(
                    password1, User(email=self.email, full_name=cleaned.get("full_name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
