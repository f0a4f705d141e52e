"""Writes about user accounts: Sfk admins grant roles and (de)activate accounts, never delete."""

import logging

from django.conf import settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import audit
from core.ratelimit import hit
from core.text import normalize_email
from outbox.services import outbox_enqueue

from .models import SFK_ADMIN_GROUP, User

# User has no history table: role and access changes are recorded as core audit entries (shown
# on the Sfk user page, see selectors.user_access_history) and written to this log.
audit_log = logging.getLogger("accounts.audit")

AUDIT_ACTIONS = {
    "accounts.user.sfk_admin_granted": _("Fikk rollen Sfk-administrator"),
    "accounts.user.sfk_admin_revoked": _("Rollen Sfk-administrator ble fjernet"),
    "accounts.user.deactivated": _("Kontoen ble deaktivert"),
    "accounts.user.reactivated": _("Kontoen ble aktivert igjen"),
    "accounts.user.email_changed": _("E-postadressen for innlogging ble endret"),
}

SELF_DEMOTE_ERROR = _("Du kan ikke fjerne din egen Sfk-administratorrolle. Be en annen Sfk-administrator om det.")
SELF_DEACTIVATE_ERROR = _("Du kan ikke deaktivere din egen konto. Be en annen Sfk-administrator om det.")


def _locked(user: User) -> User:
    return User.objects.select_for_update().get(pk=user.pk)


def _record(*, user: User, by: User, action: str, changes: dict | None = None) -> None:
    audit.record(by, action, user, changes)
    audit_log.info("%s user=%s by=%s", action, user.pk, by.pk)


def user_set_sfk_admin(*, user: User, is_admin: bool, by: User) -> User:
    """Grant or revoke the Sfk admin role (group membership). An admin cannot demote themselves."""
    if user.pk == by.pk and not is_admin:
        raise ValidationError({"is_sfk_admin": SELF_DEMOTE_ERROR})
    with transaction.atomic():
        user = _locked(user)
        group, _created = Group.objects.get_or_create(name=SFK_ADMIN_GROUP)
        was_admin = user.groups.filter(pk=group.pk).exists()
        if was_admin == is_admin:
            return user
        if is_admin:
            user.groups.add(group)
        else:
            user.groups.remove(group)
        user.__dict__.pop("is_sfk_admin", None)  # cached_property
        action = "sfk_admin_granted" if is_admin else "sfk_admin_revoked"
        _record(user=user, by=by, action=f"accounts.user.{action}", changes={"is_sfk_admin": [was_admin, is_admin]})
    return user


def user_set_active(*, user: User, is_active: bool, by: User) -> User:
    """Deactivate (the person can no longer log in) or reactivate an account; nothing is deleted.
    An admin cannot deactivate themselves."""
    if user.pk == by.pk and not is_active:
        raise ValidationError({"is_active": SELF_DEACTIVATE_ERROR})
    with transaction.atomic():
        user = _locked(user)
        if user.is_active == is_active:
            return user
        user.is_active = is_active
        user.full_clean()
        user.save(update_fields=["is_active"])
        user.__dict__.pop("is_sfk_admin", None)
        _record(
            user=user,
            by=by,
            action=f"accounts.user.{'reactivated' if is_active else 'deactivated'}",
            changes={"is_active": [not is_active, is_active]},
        )
    return user


def user_update_access(*, user: User, is_admin: bool, is_active: bool, by: User) -> User:
    """Both changes of the Sfk user page in one transaction: all or nothing."""
    with transaction.atomic():
        user = user_set_sfk_admin(user=user, is_admin=is_admin, by=by)
        return user_set_active(user=user, is_active=is_active, by=by)


# --- Changing the login address ----------------------------------------------------------------

EMAIL_CHANGE_SALT = "accounts.email-change"


class EmailChangeError(Exception):
    """The confirmation link is invalid, expired, already used, or the address was taken meanwhile."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def email_change_request(*, user: User, new_email: str) -> bool:
    """E-mail a signed confirmation link to `new_email`; the login address changes only when it is
    opened (email_change_confirm). At most EMAIL_CHANGE_RATE_LIMIT links per account an hour;
    returns False (nothing sent) beyond that."""
    new_email = normalize_email(new_email)
    allowed, _retry_after = hit(f"email-change:{user.pk}", settings.EMAIL_CHANGE_RATE_LIMIT, 3600)
    if not allowed:
        return False
    # The old address is part of the token: once the address has changed, every link is spent.
    token = signing.dumps({"u": user.pk, "old": user.email, "new": new_email}, salt=EMAIL_CHANGE_SALT)
    with translation.override(user.preferred_language):
        url = settings.SITE_URL + reverse("accounts:email_confirm", args=[token])
        body = render_to_string("accounts/email/email_change.txt", {"user": user, "url": url, "email": new_email})
        subject = _("Bekreft ny e-postadresse for SLT-portalen")
        outbox_enqueue(to=new_email, subject=subject, body=body)
    audit_log.info("accounts.user.email_change_requested user=%s", user.pk)
    return True


def email_change_token(token: str) -> dict:
    """The request a confirmation link carries, or EmailChangeError."""
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=settings.EMAIL_CHANGE_MAX_AGE)
    except signing.SignatureExpired as error:
        raise EmailChangeError("expired") from error
    except signing.BadSignature as error:
        raise EmailChangeError("invalid") from error
    shape = {"u": int, "old": str, "new": str}
    if not isinstance(data, dict) or not all(isinstance(data.get(k), t) for k, t in shape.items()):
        raise EmailChangeError("invalid")
    return data


def email_change_confirm(*, token: str) -> User:
    """Change the login address as the link says, once; tell the old address it was changed."""
    data = email_change_token(token)
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=data["u"], is_active=True).first()
        if user is None or user.email != data["old"]:
            raise EmailChangeError("used")
        if User.objects.filter(email=data["new"]).exclude(pk=user.pk).exists():
            raise EmailChangeError("taken")
        user.email = data["new"]
        user.full_clean()
        user.save(update_fields=["email"])
        _record(user=user, by=user, action="accounts.user.email_changed")
        with translation.override(user.preferred_language):
            body = render_to_string(
                "accounts/email/email_changed_notice.txt", {"user": user, "old": data["old"], "new": data["new"]}
            )
            outbox_enqueue(to=data["old"], subject=_("E-postadressen din i SLT-portalen er endret"), body=body)
    return user


def lockout_clear(*, attempt, by: User) -> None:
    """Lift a login lockout (a django-axes AccessAttempt for an address and client): the person can
    try again at once. Recorded on the account when there is one."""
    username = attempt.username or ""
    account = User.objects.filter(email__iexact=username).first() if username else None
    with transaction.atomic():
        changes = {"failed_logins": [attempt.failures_since_start, 0], "ip_address": [attempt.ip_address, None]}
        audit.record(by, "accounts.lockout.unlock", account, changes, label=username)
        attempt.delete()
    audit_log.info("accounts.lockout.unlock username=%s by=%s", username, by.pk)


#: Higher apps register `eraser(*, user, by)` here (from their AppConfig.ready()): it removes the
#: person's data that app holds (coordinator entries, registrations) before the account is anonymised.
ACCOUNT_ERASERS: list = []


def user_anonymise(*, user: User, by: User) -> User:
    """A person asked to have their data deleted: the account is kept (history and audit entries keep
    their actor) but deactivated and stripped of name, e-mail, password and second factors; each app
    anonymises what it holds (ACCOUNT_ERASERS); the audit log keeps the action without personal data."""

    from core.models import AuditEntry

    with transaction.atomic():
        user = _locked(user)
        for eraser in ACCOUNT_ERASERS:
            eraser(user=user, by=by)
        user.full_name = ""
        user.email = f"anonymisert-{user.pk}@slettet.invalid"
        user.is_active = False
        user.is_staff = False
        user.is_superuser = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        for device_model in _device_models():
            device_model.objects.filter(user=user).delete()
        AuditEntry.objects.filter(actor_id=user.pk).update(actor_label="")
        audit.record(by, "accounts.user.anonymised", user, {"anonymised": [False, True]}, label=f"#{user.pk}")
        audit_log.info("accounts.user.anonymised user=%s by=%s", user.pk, by.pk)
    return user


def _device_models():
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return (TOTPDevice, StaticDevice)
