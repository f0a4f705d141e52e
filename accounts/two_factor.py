"""Two-factor login (TOTP with django-otp; recovery codes are django-otp's static tokens).

Required for Sfk admins and superusers, optional for coordinators (once a coordinator has a
confirmed device it is required for them too). Until the second step is done, a user who needs it
is sent to the code step (or to setup when they have no device yet) from every page except the few
in ALLOWED_URL_NAMES: `TwoFactorMiddleware` is the one gate, so no role-protected view, `/admin/`
included, is ever served to a half-logged-in user.
"""

import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .services import audit_log

# Set at login: the user had a confirmed device then (coordinators who turned 2FA on).
ENROLLED_SESSION_KEY = "two_factor_enrolled"
RECOVERY_CODE_COUNT = 10
TOTP_NAME = "authenticator"
RECOVERY_NAME = "recovery"

# Pages a half-logged-in user may still reach (by URL name).
ALLOWED_URL_NAMES = {
    "accounts:two_factor_verify",
    "accounts:two_factor_setup",
    "accounts:logout",
    "healthz",
    "robots_txt",
    "favicon",
}


def two_factor_required(user, session=None) -> bool:
    """Sfk admins and superusers always; others once they have enrolled a device."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or getattr(user, "is_sfk_admin", False):
        return True
    return bool(session is not None and session.get(ENROLLED_SESSION_KEY))


def is_verified(user) -> bool:
    """Whether this request's login passed the second step (set by django-otp's OTPMiddleware)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def has_device(user) -> bool:
    return user_has_device(user, confirmed=True)


@receiver(user_logged_in)
def _remember_enrolment(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[ENROLLED_SESSION_KEY] = has_device(user)


def step_url(request, user) -> str:
    """The code step, or setup when the user has no device yet, returning to this page afterwards."""
    name = "accounts:two_factor_verify" if has_device(user) else "accounts:two_factor_setup"
    return f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}"


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: a user who needs the second step and has not done it in
    this session gets nothing but the code step, setup and logout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and two_factor_required(user, request.session)
            and not is_verified(user)
            and not self._allowed(request)
        ):
            return redirect(step_url(request, user))
        return self.get_response(request)

    @staticmethod
    def _allowed(request) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True  # a 404 page shows nothing privileged
        return match.view_name in ALLOWED_URL_NAMES or match.view_name == "set_language"


# --- rate limit of the code step ------------------------------------------------------------------


def code_attempt_allowed(user) -> bool:
    """Count first, then decide: at most TWO_FACTOR_RATE_LIMIT code attempts per account per
    TWO_FACTOR_RATE_WINDOW seconds, however many processes try in parallel (the counter is in the
    cache; shared between workers with Redis). One small function so it can move to a shared helper."""
    key = f"two-factor-attempts:{user.pk}"
    window = settings.TWO_FACTOR_RATE_WINDOW
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= settings.TWO_FACTOR_RATE_LIMIT


# --- devices ---------------------------------------------------------------------------------------


def pending_totp_device(user) -> TOTPDevice:
    """The unconfirmed authenticator being set up (created on first visit of the setup page)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=TOTP_NAME).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def totp_confirm(*, request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm a new authenticator with its first code: replaces the user's old devices, creates
    fresh recovery codes, marks this session verified. Returns the recovery codes (shown once)."""
    user = request.user
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
        if not device.verify_token(code):
            return None
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = recovery_codes_renew(user=user)
    otp_login(request, device)
    request.session[ENROLLED_SESSION_KEY] = True
    audit_log.info("accounts.user.two_factor_enabled user=%s by=%s", user.pk, user.pk)
    return codes


def recovery_codes_renew(*, user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def code_verify(*, request, code: str) -> bool:
    """The code step: a 6-digit code from the authenticator, or one recovery code (used up)."""
    user = request.user
    code = code.strip().replace(" ", "").lower()
    kind = TOTPDevice if code.isdigit() else StaticDevice
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, kind) and device.verify_token(code):
                otp_login(request, device)
                if kind is StaticDevice:
                    audit_log.info("accounts.user.recovery_code_used user=%s", user.pk)
                return True
    return False


def devices_reset(*, user, by=None) -> int:
    """Remove every second-factor device of a user (lost phone); they enrol again at next login."""
    count = 0
    for model in (TOTPDevice, StaticDevice):
        count += model.objects.filter(user=user).delete()[0]
    audit_log.info("accounts.user.two_factor_reset user=%s by=%s", user.pk, by.pk if by else "-")
    return count


def current_code(device: TOTPDevice) -> str:
    """The code the authenticator shows now (demo and tests only)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def forget_verification(session) -> None:
    session.pop(DEVICE_ID_SESSION_KEY, None)
