"""Signed links to a personal registration page (no login needed)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .models import Registration

SALT = "events.registration"


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
