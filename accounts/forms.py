from django import forms
from django.contrib.auth import forms as auth_forms
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from outbox.services import outbox_enqueue

from .models import User


class EmailAuthenticationForm(auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("E-post"), widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )
    error_messages = {
        "invalid_login": _("Feil e-post eller passord. Sjekk at du har skrevet riktig, og prøv igjen."),
        "inactive": _("Denne kontoen er deaktivert. Ta kontakt med Sfk om du trenger tilgang."),
    }


class OutboxPasswordResetForm(auth_forms.PasswordResetForm):
    """Password reset e-mail in the user's preferred language, sent through the outbox."""

    email = forms.EmailField(
        label=_("E-post"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def get_users(self, email):
        return User.objects.filter(email__iexact=email, is_active=True)

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        with translation.override(context["user"].preferred_language):
            subject = loader.render_to_string(subject_template_name, context)
            body = loader.render_to_string(email_template_name, context)
        outbox_enqueue(to=to_email, subject=subject, body=body)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "email", "preferred_language"]
        widgets = {"preferred_language": forms.RadioSelect}

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Denne e-postadressen er allerede i bruk av en annen konto."))
        return email
