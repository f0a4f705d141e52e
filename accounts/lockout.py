"""django-axes: which account a login attempt is for.

The login form's field is `username` (Django's AuthenticationForm) although the user model's
USERNAME_FIELD is `email`, so axes' default lookup found no username at all: failures were counted
per IP only and the right password still logged in after a lockout. E-mail addresses are matched
case-insensitively at login, so the lockout key is lower-cased too."""

from core.http import client_ip


def login_username(request, credentials=None) -> str | None:
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return value.strip().lower() if isinstance(value, str) else None


def login_client_ip(request) -> str:
    """The client's address for the lockout: per client, not per proxy (see core.http.client_ip)."""
    return client_ip(request)
