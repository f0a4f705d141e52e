"""Signed links to a personal registration page (no login needed)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .models import Registration

SALT = "events.registration"
# Another salt: the link on the personal page (shown to whoever filled in the form) cannot confirm;
# only the link sent to the address can.
CONFIRM_SALT = "events.registration.confirm"


def registration_token(registration: Registration) -> str:
    return signing.dumps({"r": registration.pk}, salt=SALT)


def registration_from_token(token: str) -> Registration | None:
    """The registration the token was issued for, or None for a tampered/unknown token."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    pk = data.get("r") if isinstance(data, dict) else None
    if not isinstance(pk, int):
        return None
    return Registration.objects.select_related("event", "unit").filter(pk=pk, anonymised_at__isnull=True).first()


def registration_url(registration: Registration, *, absolute: bool = True) -> str:
    with translation.override(registration.language):
        path = reverse("events:registration", kwargs={"token": registration_token(registration)})
    return settings.SITE_URL + path if absolute else path


def confirmation_token(registration: Registration) -> str:
    return signing.dumps({"c": registration.pk}, salt=CONFIRM_SALT)


def registration_from_confirmation_token(token: str) -> tuple[bool, Registration | None]:
    """(valid, registration): a valid token whose registration is gone (deleted unconfirmed) gives
    (True, None); a tampered one (False, None)."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT)
    except signing.BadSignature:
        return False, None
    pk = data.get("c") if isinstance(data, dict) else None
    if not isinstance(pk, int):
        return False, None
    registration = Registration.objects.select_related("event").filter(pk=pk, anonymised_at__isnull=True).first()
    return True, registration


def confirmation_url(registration: Registration) -> str:
    with translation.override(registration.language):
        path = reverse("events:registration_confirm", kwargs={"token": confirmation_token(registration)})
    return settings.SITE_URL + path
