"""django-axes: which account a login attempt is for.

The login form's field is `username` (Django's AuthenticationForm) although the user model's
USERNAME_FIELD is `email`, so axes' default lookup found no username at all: failures were counted
per IP only and the right password still logged in after a lockout. E-mail addresses are matched
case-insensitively at login, so the lockout key is lower-cased too."""


def login_username(request, credentials=None) -> str | None:
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return value.strip().lower() if isinstance(value, str) else None


def login_client_ip(request) -> str:
    """The client's address for the lockout. Behind the trusted proxy REMOTE_ADDR is the proxy for
    everyone, so one attacker would lock the account out for every user: use the address the
    proxy appended last to X-Forwarded-For (as the contact form's rate limit does)."""
    from django.conf import settings

    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
