"""django-axes: which account and which client a login attempt is for.

The login form's field is `username` (Django's AuthenticationForm) although the user model's
USERNAME_FIELD is `email`, so axes' default lookup found no username at all: failures were counted
per IP only and the right password still logged in after a lockout. The lockout key is the address
in the one normalised form the login itself matches exactly (core.text.normalize_email): a spelling
with U+017F long s or a full-width letter counts towards the same lockout as the plain one."""

from axes.utils import reset

from core.http import client_ip
from core.text import normalize_email


def login_username(request, credentials=None) -> str | None:
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return normalize_email(value) if isinstance(value, str) else None


def login_client_ip(request) -> str:
    """The client's address for the lockout: per client, not per proxy (see core.http.client_ip)."""
    return client_ip(request)


def lockout_clear(*, email: str) -> int:
    """Forget the failed logins for this address from every client (after a password reset:
    whoever proved they own the mailbox may log in with the new password at once)."""
    return reset(username=normalize_email(email))
