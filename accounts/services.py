"""Writes about user accounts: Sfk admins grant roles and (de)activate accounts, never delete."""

import logging

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core import audit

from .models import SFK_ADMIN_GROUP, User

# User has no history table: role and access changes are recorded as core audit entries (shown
# on the Sfk user page, see selectors.user_access_history) and written to this log.
audit_log = logging.getLogger("accounts.audit")

AUDIT_ACTIONS = {
    "accounts.user.sfk_admin_granted": _("Fikk rollen Sfk-administrator"),
    "accounts.user.sfk_admin_revoked": _("Rollen Sfk-administrator ble fjernet"),
    "accounts.user.deactivated": _("Kontoen ble deaktivert"),
    "accounts.user.reactivated": _("Kontoen ble aktivert igjen"),
}

SELF_DEMOTE_ERROR = _("Du kan ikke fjerne din egen Sfk-administratorrolle. Be en annen Sfk-administrator om det.")
SELF_DEACTIVATE_ERROR = _("Du kan ikke deaktivere din egen konto. Be en annen Sfk-administrator om det.")


def _locked(user: User) -> User:
    return User.objects.select_for_update().get(pk=user.pk)


def _record(*, user: User, by: User, action: str, changes: dict) -> None:
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
