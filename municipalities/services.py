"""Writes for municipalities and the SLT directory."""

import datetime as dt
import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.audit import (
    audited_fields,
    changes_between,
    record,
    record_save,
    snapshot,
    stored_snapshot,
    without_empty,
)
from core.content import content_changed
from core.text import normalize_email
from core.vocabulary import STALE_AFTER_DAYS
from outbox.services import outbox_enqueue

from .models import (
    Coordinator,
    Invitation,
    SLTUnit,
    UnitDistrict,
    UnitMunicipality,
)
from .reference_data import DATA_DIR, LoadError, LoadSummary, load_municipalities, place_slug  # noqa: F401 (re-exported)

# --- The SLT directory -------------------------------------------------------------------------


UNIT_FIELDS = audited_fields(SLTUnit)
COORDINATOR_FIELDS = audited_fields(Coordinator)
# The nonce is the secret of the link: never in the log.
INVITATION_FIELDS = audited_fields(Invitation, exclude=["nonce"])


def _revoke_open_invitations(coordinator: Coordinator, *, by, now) -> None:
    invitations = list(coordinator.invitations.filter(used_at__isnull=True, revoked_at__isnull=True))
    Invitation.objects.filter(pk__in=[i.pk for i in invitations]).update(revoked_at=now)
    for invitation in invitations:
        record(by, "municipalities.invitation.revoke", invitation, {"revoked_at": [None, now]})


def _with_history_user(obj, by):
    # simple-history takes the user from the request middleware; services may run without one.
    if by is not None and getattr(by, "is_authenticated", False):
        obj._history_user = by
    return obj


def _check_members_free(unit: SLTUnit, municipalities, districts) -> None:
    """A municipality (district) may be in at most one active/establishing unit."""
    if not unit.is_current:
        return
    errors = {}
    taken = (
        UnitMunicipality.objects.filter(is_current=True, municipality__in=municipalities)
        .exclude(unit_id=unit.pk)
        .select_related("municipality", "unit")
    )
    if taken:
        errors["municipalities"] = [
            ValidationError(
                _("%(municipality)s er allerede med i en aktiv SLT-enhet (%(unit)s)."),
                code="municipality_taken",
                params={"municipality": m.municipality.name, "unit": m.unit.name},
            )
            for m in taken
        ]
    taken = (
        UnitDistrict.objects.filter(is_current=True, district__in=districts)
        .exclude(unit_id=unit.pk)
        .select_related("district", "unit")
    )
    if taken:
        errors["districts"] = [
            ValidationError(
                _("%(district)s er allerede med i en aktiv SLT-enhet (%(unit)s)."),
                code="district_taken",
                params={"district": m.district.name, "unit": m.unit.name},
            )
            for m in taken
        ]
    if errors:
        raise ValidationError(errors)


def _sync(unit, manager, model, key: str, wanted_objs, by) -> None:
    """Make the unit's memberships exactly `wanted_objs`, each with is_current = the unit's."""
    wanted = {obj.pk for obj in wanted_objs}
    for membership in list(manager.all()):
        member_id = getattr(membership, f"{key}_id")
        if member_id not in wanted:
            _with_history_user(membership, by).delete()
            continue
        wanted.discard(member_id)
        if membership.is_current != unit.is_current:
            membership.is_current = unit.is_current
            _with_history_user(membership, by).save(update_fields=["is_current"])
    for pk in wanted:
        _with_history_user(model(unit=unit, **{f"{key}_id": pk}, is_current=unit.is_current), by).save()


def unit_save(*, unit: SLTUnit, by, municipalities=None, districts=None) -> SLTUnit:
    """Create or update a unit; with municipalities/districts given, set its members too.
    Raises ValidationError (field errors) when a member is already in another current unit."""
    unit.full_clean()
    created, before = unit.pk is None, stored_snapshot(unit, UNIT_FIELDS)
    try:
        with transaction.atomic():
            _with_history_user(unit, by).save()
            # Members not given stay as they are (their is_current still follows the status).
            municipalities = list(unit.municipalities.all() if municipalities is None else municipalities)
            districts = list(unit.districts.all() if districts is None else districts)
            _check_members_free(unit, municipalities, districts)
            _sync(unit, unit.memberships, UnitMunicipality, "municipality", municipalities, by)
            _sync(unit, unit.district_memberships, UnitDistrict, "district", districts, by)
            if record_save(by, unit, before, UNIT_FIELDS, created=created):
                content_changed(unit)
    except IntegrityError as exc:  # a concurrent save took the municipality first
        raise ValidationError({"municipalities": _("En av kommunene er allerede med i en aktiv SLT-enhet.")}) from exc
    return unit


def unit_set_action_plan(*, unit: SLTUnit, url: str, by) -> SLTUnit:
    """Make `url` the unit's current action plan (the "Handlingsplan" link on its page). Any app
    may call it with a page of its own, e.g. documents with an uploaded action plan."""
    before = audit.snapshot(unit, ["action_plan_url"])
    unit.action_plan_url = url
    unit.full_clean()
    with transaction.atomic():
        _with_history_user(unit, by).save(update_fields=["action_plan_url", "updated_at"])
        audit.record(
            by, "municipalities.sltunit.action_plan_set", unit, audit.changes_between(before, {"action_plan_url": url})
        )
        content_changed(unit)
    return unit


def unit_verify(*, unit: SLTUnit, by) -> SLTUnit:
    """'The details are correct': stamps the unit and the confirming user's own entries."""
    now = timezone.now()
    with transaction.atomic():
        before = stored_snapshot(unit, ["verified_at"])
        unit.verified_at = now
        _with_history_user(unit, by).save(update_fields=["verified_at", "updated_at"])
        record(by, "municipalities.sltunit.verify", unit, changes_between(before, snapshot(unit, ["verified_at"])))
        for coordinator in unit.coordinators.active().filter(user=by):
            changes = {"verified_at": [coordinator.verified_at, now]}
            coordinator.verified_at = now
            _with_history_user(coordinator, by).save(update_fields=["verified_at", "updated_at"])
            record(by, "municipalities.coordinator.verify", coordinator, changes)
        content_changed(unit)
    return unit


def coordinator_save(*, coordinator: Coordinator, by, photo_consent: bool | None = None) -> Coordinator:
    """Create or update a coordinator entry. photo_consent records (or withdraws) consent;
    without consent no photo is kept."""
    if photo_consent is not None:
        if photo_consent and not coordinator.photo_consent_at:
            coordinator.photo_consent_at = timezone.now()
        elif not photo_consent:
            coordinator.photo_consent_at = None
            coordinator.photo = ""
    coordinator.full_clean()
    stored = Coordinator.objects.filter(pk=coordinator.pk).values_list("photo", flat=True).first() or ""
    created, before = coordinator.pk is None, stored_snapshot(coordinator, COORDINATOR_FIELDS)
    with transaction.atomic():
        _with_history_user(coordinator, by).save()
        if record_save(by, coordinator, before, COORDINATOR_FIELDS, created=created):
            content_changed(coordinator)
        if stored and stored != coordinator.photo.name:
            # A withdrawn or replaced photo must not stay reachable under its public URL.
            storage = coordinator.photo.storage
            transaction.on_commit(lambda: storage.delete(stored))
    return coordinator


def coordinator_end(*, coordinator: Coordinator, by) -> Coordinator:
    """The coordinator has left: end the entry, revoke open invitations and deactivate the
    account when it has no other active entry (never deleted: history stays)."""
    now = timezone.now()
    with transaction.atomic():
        changes = {"ended_at": [coordinator.ended_at, now]}
        coordinator.ended_at = now
        _with_history_user(coordinator, by).save(update_fields=["ended_at", "updated_at"])
        record(by, "municipalities.coordinator.end", coordinator, changes)
        content_changed(coordinator)
        _revoke_open_invitations(coordinator, by=by, now=now)
        user = coordinator.user
        if (
            user is not None
            and user.is_active
            and not user.is_sfk_admin
            and not user.coordinator_entries.active().exists()
        ):
            user.is_active = False
            user.save(update_fields=["is_active"])
            # The accounts app's action code, so the Sfk user page shows it among access changes.
            record(by, "accounts.user.deactivated", user, {"is_active": [True, False]})
    return coordinator


class InvitationError(Exception):
    """Why an invitation link cannot be used: 'invalid', 'expired', 'used' or 'revoked'."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


INVITATION_SALT = "municipalities.invitation"


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=INVITATION_SALT, compress=True)


def invitation_send(*, coordinator: Coordinator, by) -> Invitation:
    """E-mail a fresh invitation link; any earlier open invitation stops working."""
    now = timezone.now()
    with transaction.atomic():
        _revoke_open_invitations(coordinator, by=by, now=now)
        invitation = Invitation.objects.create(
            coordinator=coordinator,
            email=coordinator.email,
            nonce=secrets.token_urlsafe(24),
            created_by=by if getattr(by, "is_authenticated", False) else None,
            created_at=now,
            expires_at=now + dt.timedelta(days=settings.INVITATION_MAX_AGE_DAYS),
        )
        record(
            by,
            "municipalities.invitation.send",
            invitation,
            changes_between({}, without_empty(snapshot(invitation, INVITATION_FIELDS))),
        )
        language = coordinator.user.preferred_language if coordinator.user else settings.LANGUAGE_CODE
        with translation.override(language):
            url = settings.SITE_URL + reverse(
                "municipalities:invitation_accept", kwargs={"token": invitation_token(invitation)}
            )
            body = render_to_string(
                "municipalities/email/invitation.txt",
                {
                    "coordinator": coordinator,
                    "url": url,
                    "days": settings.INVITATION_MAX_AGE_DAYS,
                    "site_name": settings.SITE_NAME,
                },
            )
            subject = _("Invitasjon til SLT-portalen: %(unit)s") % {"unit": coordinator.unit.name}
        outbox_enqueue(to=coordinator.email, subject=subject, body=body)
    return invitation


def invitation_resend(*, invitation: Invitation, by) -> Invitation:
    """Invite the same coordinator entry again through `invitation_send` (a new link to the entry's
    current address; the open one, if any, is revoked). Refused for an accepted invitation and an
    ended entry."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.used_at:
            raise ValidationError(_("Invitasjonen er allerede tatt imot."), code="accepted")
        if locked.coordinator.ended_at:
            raise ValidationError(
                _("Koordinatoren har sluttet. Legg inn en ny koordinator før du inviterer."), code="ended"
            )
        return invitation_send(coordinator=locked.coordinator, by=by)


def invitation_revoke(*, invitation: Invitation, by) -> Invitation:
    """Withdraw an invitation that has not been used: its link stops working at once. Refused for
    an accepted or already revoked invitation."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.used_at:
            raise ValidationError(_("Invitasjonen er allerede tatt imot og kan ikke trekkes tilbake."), code="accepted")
        if locked.revoked_at:
            raise ValidationError(_("Invitasjonen er allerede trukket tilbake."), code="revoked")
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        record(by, "municipalities.invitation.revoke", locked, {"revoked_at": [None, locked.revoked_at]})
    return locked


def invitation_from_token(token: str) -> Invitation:
    """The open invitation a link names; raises InvitationError with the reason otherwise."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=dt.timedelta(days=settings.INVITATION_MAX_AGE_DAYS))
    except signing.SignatureExpired as exc:
        raise InvitationError("expired") from exc
    except signing.BadSignature as exc:
        raise InvitationError("invalid") from exc
    if not isinstance(data, dict):
        raise InvitationError("invalid")
    invitation = (
        Invitation.objects.select_related("coordinator__unit", "coordinator__user")
        .filter(pk=data.get("i"), nonce=data.get("n"))
        .first()
    )
    if invitation is None:
        raise InvitationError("invalid")
    if invitation.used_at:
        raise InvitationError("used")
    if invitation.revoked_at or invitation.coordinator.ended_at:
        raise InvitationError("revoked")
    if invitation.expires_at < timezone.now():
        raise InvitationError("expired")
    return invitation


def invitation_accept(*, invitation: Invitation, password: str | None, full_name: str = "", user=None):
    """Use the invitation: link the entry to `user` (an existing account that is logged in) or
    to a new account with this password. Single use, enforced under a row lock."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.used_at or locked.revoked_at:
            raise InvitationError("used" if locked.used_at else "revoked")
        coordinator = locked.coordinator
        if user is None:
            user = User.objects.filter(email=normalize_email(locked.email)).first()
            if user is None:
                user = User.objects.create_user(
                    email=locked.email, password=password, full_name=full_name or coordinator.name
                )
                changes = {"email": [None, user.email], "full_name": [None, user.full_name], "is_active": [None, True]}
                record(user, "accounts.user.create", user, changes)
            elif user.is_active:
                raise InvitationError("account_exists")  # must log in and accept instead
            else:  # someone who left and is invited back
                user.set_password(password)
                user.is_active = True
                user.full_name = full_name or user.full_name
                user.save(update_fields=["password", "is_active", "full_name"])
                record(user, "accounts.user.reactivated", user, {"is_active": [False, True]})
        elif not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
            record(user, "accounts.user.reactivated", user, {"is_active": [False, True]})
        changes = {"user": [coordinator.user_id, user.pk]}
        coordinator.user = user
        _with_history_user(coordinator, user).save(update_fields=["user", "updated_at"])
        record(user, "municipalities.coordinator.link_user", coordinator, changes)
        locked.used_at = timezone.now()
        locked.save(update_fields=["used_at"])
        record(user, "municipalities.invitation.accept", locked, {"used_at": [None, locked.used_at]})
    return user


def reminders_send(*, dry_run: bool = False, days: int = STALE_AFTER_DAYS) -> list[Coordinator]:
    """E-mail every coordinator whose entry is unverified for more than `days` days."""
    from .selectors import stale_coordinators

    coordinators = list(stale_coordinators(days=days))
    if dry_run:
        return coordinators
    now = timezone.now()
    for coordinator in coordinators:
        with transaction.atomic():
            language = coordinator.user.preferred_language if coordinator.user else settings.LANGUAGE_CODE
            with translation.override(language):
                url = settings.SITE_URL + reverse("municipalities:my_units")
                body = render_to_string(
                    "municipalities/email/reminder.txt",
                    {"coordinator": coordinator, "url": url, "site_name": settings.SITE_NAME},
                )
                subject = _("Er opplysningene om %(unit)s fortsatt riktige?") % {"unit": coordinator.unit.name}
            outbox_enqueue(to=coordinator.email, subject=subject, body=body)
            changes = {"reminder_sent_at": [coordinator.reminder_sent_at, now]}
            coordinator.reminder_sent_at = now
            coordinator.save(update_fields=["reminder_sent_at"])
            record(None, "municipalities.coordinator.remind", coordinator, changes)
    return coordinators


PERSONAL_FIELDS = ("name", "email", "phone", "photo", "title")
ANONYMISED_NAME = "Anonymisert"


def _scrub_changes(changes: dict) -> dict:
    return {name: [None, None] if name in PERSONAL_FIELDS else values for name, values in changes.items()}


def coordinator_anonymise(*, coordinator: Coordinator, by) -> Coordinator:
    """A person's request to delete their data: the entry stays (the unit's history) but ends and
    loses name, e-mail, phone, title and photo (the file too); its simple-history rows, its
    invitations and its audit entries are scrubbed of them the same way."""
    from core.files import delete_file_later

    now = timezone.now()
    with transaction.atomic():
        coordinator = Coordinator.objects.select_for_update().get(pk=coordinator.pk)
        delete_file_later(coordinator.photo)
        coordinator.name = ANONYMISED_NAME
        coordinator.email = f"anonymisert-{coordinator.pk}@slettet.invalid"
        coordinator.phone = ""
        coordinator.title = ""
        coordinator.photo = ""
        coordinator.photo_consent_at = None
        coordinator.is_public = False
        coordinator.user = None
        coordinator.ended_at = coordinator.ended_at or now
        coordinator.save()
        history = Coordinator.history.model.objects.filter(id=coordinator.pk)
        history.update(name=ANONYMISED_NAME, email=coordinator.email, phone="", title="", photo="", user=None)
        coordinator.invitations.update(email=coordinator.email)
        entries = audit.entries_for(coordinator)
        for entry in entries:
            entry.changes = _scrub_changes(entry.changes)
            entry.object_label = f"{ANONYMISED_NAME} #{coordinator.pk}"
            entry.save(update_fields=["changes", "object_label"])
        audit.record(by, "municipalities.coordinator.anonymised", coordinator, {}, label=f"#{coordinator.pk}")
        content_changed(coordinator)
    return coordinator


def account_eraser(*, user, by) -> None:
    """ACCOUNT_ERASERS entry: anonymise the person's coordinator entries."""
    for coordinator in Coordinator.objects.filter(user=user):
        coordinator_anonymise(coordinator=coordinator, by=by)
