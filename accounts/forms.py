from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.http import site_url
from core.ratelimit import hit
from core.text import normalize_email
from outbox.services import outbox_enqueue

from .models import SFK_ADMIN_GROUP, User


class NormalizedEmailField(forms.EmailField):
    """An e-mail address in the one form accounts are stored and compared in (normalised before it is
    validated, so a full-width or long-s spelling is the plain address, not an invalid one)."""

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_email(value) if value else value


class EmailAuthenticationForm(auth_forms.AuthenticationForm):
    username = NormalizedEmailField(
        label=_("E-post"), widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    error_messages = {
        "invalid_login": _("Feil e-post eller passord. Sjekk at du har skrevet riktig, og prøv igjen."),
        "inactive": _("Denne kontoen er deaktivert. Ta kontakt med Sfk om du trenger tilgang."),
    }


def _password_reset_allowed(email: str) -> bool:
    """At most PASSWORD_RESET_RATE_LIMIT reset e-mails per address an hour, so nobody can flood an inbox."""
    allowed, _retry_after = hit(f"password-reset:{normalize_email(email)}", settings.PASSWORD_RESET_RATE_LIMIT, 3600)
    return allowed


class OutboxPasswordResetForm(auth_forms.PasswordResetForm):
    """Password reset e-mail in the user's preferred language, sent through the outbox."""

    email = NormalizedEmailField(
        label=_("E-post"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def get_users(self, email):
        return User.objects.filter(email=normalize_email(email), is_active=True)

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        if not _password_reset_allowed(to_email):
            return  # the page says the same either way
        # The link starts with SITE_URL, never the request's Host header (Django's domain/protocol).
        context = {**context, "site_url": site_url()}
        with translation.override(context["user"].preferred_language):
            subject = loader.render_to_string(subject_template_name, context)
            body = loader.render_to_string(email_template_name, context)
        outbox_enqueue(to=to_email, subject=subject, body=body)


EMAIL_TAKEN = _("Denne e-postadressen er allerede i bruk av en annen konto.")


class ProfileForm(forms.ModelForm):
    """Name and language change at once. A new login address needs the current password and is only
    requested here: it changes when the link sent to it is opened (accounts.services.email_change_*)."""

    email = NormalizedEmailField(
        label=_("E-post"),
        max_length=254,
        help_text=_(
            "Du logger inn med denne adressen. Endrer du den, får du en lenke til den nye adressen for å bekrefte."
        ),  # noqa: E501
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    current_password = forms.CharField(
        label=_("Nåværende passord"),
        required=False,
        strip=False,
        help_text=_("Trengs bare når du endrer e-postadressen."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    # The address is not a model field of this form: saving the form never changes it.
    field_order = ["full_name", "email", "current_password", "preferred_language"]

    class Meta:
        model = User
        fields = ["full_name", "preferred_language"]
        widgets = {"preferred_language": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("email", self.instance.email)

    def clean_email(self):
        email = normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(EMAIL_TAKEN)
        return email

    @property
    def new_email(self) -> str | None:
        """The address asked for, when it differs from the account's (valid form only)."""
        email = self.cleaned_data.get("email")
        return email if email and email != self.instance.email else None

    def clean(self):
        cleaned = super().clean()
        if self.new_email and not self.instance.check_password(cleaned.get("current_password") or ""):
            self.add_error("current_password", _("Skriv inn det nåværende passordet ditt for å endre e-postadressen."))
        return cleaned


class UserSearchForm(forms.Form):
    """The Sfk user list's search and filters (GET)."""

    ROLE_CHOICES = [
        ("", _("Alle roller")),
        ("sfk_admin", _("Sfk-administrator")),
        ("coordinator", _("SLT-koordinator")),
        ("none", _("Ingen rolle")),
    ]
    ACTIVE_CHOICES = [("", _("Alle")), ("yes", _("Aktive")), ("no", _("Deaktiverte"))]

    q = forms.CharField(label=_("Søk etter navn eller e-post"), required=False, max_length=100)
    role = forms.ChoiceField(label=_("Rolle"), choices=ROLE_CHOICES, required=False)
    active = forms.ChoiceField(label=_("Tilgang"), choices=ACTIVE_CHOICES, required=False)


class UserAccessForm(forms.Form):
    """What an Sfk admin may change on someone's account: the Sfk admin role and access."""

    is_sfk_admin = forms.BooleanField(
        label=_("Sfk-administrator"),
        required=False,
        help_text=_("Sfk-administratorer kan endre alt innhold i portalen og administrere brukere."),
    )
    is_active = forms.BooleanField(
        label=_("Kontoen er aktiv"),
        required=False,
        help_text=_("En deaktivert konto kan ikke logge inn. Ingenting slettes, og kontoen kan aktiveres igjen."),
    )

    def __init__(self, *args, target: User, actor: User, **kwargs):
        kwargs.setdefault(
            "initial",
            {"is_sfk_admin": target.groups.filter(name=SFK_ADMIN_GROUP).exists(), "is_active": target.is_active},
        )
        super().__init__(*args, **kwargs)
        self.target, self.actor = target, actor

    def clean(self):
        from .services import SELF_DEACTIVATE_ERROR, SELF_DEMOTE_ERROR

        cleaned = super().clean()
        if self.target.pk == self.actor.pk:
            if not cleaned.get("is_sfk_admin") and self.initial.get("is_sfk_admin"):
                self.add_error("is_sfk_admin", SELF_DEMOTE_ERROR)
            if not cleaned.get("is_active"):
                self.add_error("is_active", SELF_DEACTIVATE_ERROR)
        return cleaned


class TwoFactorCodeForm(forms.Form):
    """The six-digit code from the authenticator app (or, at the code step, a recovery code)."""

    code = forms.CharField(
        label=_("Kode"),
        max_length=20,
        help_text=_("Seks sifre fra autentiseringsappen."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, recovery: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if recovery:
            self.fields["code"].help_text = _(
                "Seks sifre fra autentiseringsappen, eller en av gjenopprettingskodene dine om du har mistet telefonen."
            )
            self.fields["code"].widget.attrs.pop("inputmode")
