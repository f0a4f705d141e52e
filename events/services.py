"""Writes for events: registration with a locked seat count, waiting list, approval by Sfk,
cancellations, e-mail."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.permissions import is_coordinator, is_sfk_admin
from core.audit import record
from core.content import content_changed
from outbox.services import outbox_enqueue

from .ical import event_ical
from .models import Event, Registration
from .tokens import registration_url

REGISTRATION_FIELDS = (
    "name",
    "email",
    "organisation",
    "unit",
    "role",
    "dietary_needs",
    "accessibility_needs",
    "consent_participant_list",
)


def registration_problem(*, event: Event, now: dt.datetime | None = None, invite_token: str = "") -> str:
    """Why nobody can register right now ('' when registration is open). Translated."""
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        return _("Arrangementet er avlyst.")
    if event.status != Event.Status.PUBLISHED:
        return _("Arrangementet er ikke publisert.")
    if event.end < now:
        return _("Arrangementet er over.")
    if event.registration_opens and now < event.registration_opens:
        opens = date_format(timezone.localtime(event.registration_opens), "DATETIME_FORMAT")
        return _("Påmeldingen åpner %(opens)s.") % {"opens": opens}
    if event.registration_closes and now > event.registration_closes:
        return _("Påmeldingsfristen er ute.")
    if event.audience == Event.Audience.INVITED and invite_token != event.invite_token:
        return _("Dette arrangementet er bare for inviterte. Bruk lenken i invitasjonen.")
    return ""


def registration_needs_approval(*, event: Event, user=None) -> bool:
    """Audience "coordinators and partners": a logged-in coordinator (or Sfk admin) is admitted at
    once; anyone else's registration waits for Sfk's approval."""
    if event.audience != Event.Audience.MEMBERS:
        return False
    return user is None or not (is_coordinator(user) or is_sfk_admin(user))


def registration_fields(event: Event) -> tuple[str, ...]:
    """The questions the registration form asks for this event: dietary needs only where people meet."""
    return tuple(f for f in REGISTRATION_FIELDS if f != "dietary_needs" or event.asks_dietary_needs)


def _ics_attachment(registration: Registration) -> dict:
    join_url = registration.event.join_url if registration.is_confirmed else ""
    return {
        "filename": f"{registration.event.slug}.ics",
        "content": event_ical(registration.event, join_url=join_url).decode(),
        "mimetype": "text/calendar",
    }


def _notify(registration: Registration, *, kind: str, extra: dict | None = None) -> None:
    """Queue an e-mail about a registration, in the registrant's language."""
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "event": registration.event,
            "kind": kind,
            "url": registration_url(registration),
            "event_url": settings.SITE_URL + registration.event.get_absolute_url(),
            "position": registration.waiting_position(),
            "site_name": settings.SITE_NAME,
            **(extra or {}),
        }
        subject = render_to_string("events/email/subject.txt", context)
        body = render_to_string("events/email/registration.txt", context)
        attachments = [_ics_attachment(registration)] if kind in {"confirmed", "waiting", "promoted"} else []
    outbox_enqueue(
        to=registration.email,
        subject=subject,
        body=body,
        attachments=attachments,
        reply_to=registration.event.contact_email,
    )


def _record(by, verb: str, registration: Registration, changes: dict) -> None:
    """Audit a registration: only its status (or attendance) and never the person (no name or
    e-mail, not even in the label)."""
    record(by, f"events.registration.{verb}", registration, changes, label=f"#{registration.pk} – {registration.event}")


def _lock_event(event: Event) -> Event:
    # The row lock on the event serialises everything that changes its seat count.
    return Event.objects.select_for_update().get(pk=event.pk)


def _has_free_seat(event: Event) -> bool:
    if event.capacity is None:
        return True
    return event.registrations.confirmed().count() < event.capacity


def registration_create(
    *,
    event: Event,
    data: dict,
    language: str = "nb",
    user=None,
    invite_token: str = "",
    now: dt.datetime | None = None,
) -> Registration:
    """Register someone: a seat if one is free, otherwise the waiting list; awaiting Sfk's approval
    instead where the audience requires it (`registration_needs_approval`). Questions the event does
    not ask (dietary needs at a digital event) are not stored. Raises ValidationError."""
    email = data["email"].strip()
    try:
        with transaction.atomic():
            event = _lock_event(event)
            # Taken after the lock, so queue order (created_at, id) follows the order of sign-ups.
            now = now or timezone.now()
            problem = registration_problem(event=event, now=now, invite_token=invite_token)
            if problem:
                raise ValidationError(problem, code="closed")
            if event.registrations.active().filter(email__iexact=email, anonymised_at__isnull=True).exists():
                raise ValidationError(
                    {"email": _("Denne e-postadressen er allerede påmeldt arrangementet.")},
                    code="duplicate",
                )
            if registration_needs_approval(event=event, user=user):
                status, kind = Registration.Status.PENDING, "pending"
            elif _has_free_seat(event):
                status, kind = Registration.Status.CONFIRMED, "confirmed"
            else:
                status, kind = Registration.Status.WAITING, "waiting"
            registration = Registration(
                event=event,
                user=user if user is not None and user.is_authenticated else None,
                language=language if language in dict(settings.LANGUAGES) else "nb",
                status=status,
                created_at=now,
                confirmed_at=now if status == Registration.Status.CONFIRMED else None,
                **{field: data.get(field) for field in registration_fields(event) if field in data},
            )
            registration.email = email
            registration.full_clean()
            registration.save()
            _record(registration.user, "create", registration, {"status": [None, registration.status]})
            content_changed(event)  # the seat count is public
            _notify(registration, kind=kind)
    except IntegrityError as exc:  # the unique constraint, should a race slip past the check
        raise ValidationError(
            {"email": _("Denne e-postadressen er allerede påmeldt arrangementet.")}, code="duplicate"
        ) from exc
    return registration


def _promote_waiting(event: Event, *, now: dt.datetime, by=None) -> list[Registration]:
    """Give free seats to the first on the waiting list; caller holds the event lock."""
    promoted = []
    if event.status != Event.Status.PUBLISHED or event.end < now:
        return promoted
    while _has_free_seat(event):
        first = event.registrations.waiting().first()
        if first is None:
            break
        first.status = Registration.Status.CONFIRMED
        first.confirmed_at = now
        first.save(update_fields=["status", "confirmed_at"])
        _record(by, "promote", first, {"status": [Registration.Status.WAITING, first.status]})
        _notify(first, kind="promoted")
        promoted.append(first)
    return promoted


def registration_cancel(*, registration: Registration, now: dt.datetime | None = None, by=None) -> list[Registration]:
    """Cancel a registration; a freed seat goes to the first on the waiting list (returned)."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.is_closed:
            return []
        changes = {"status": [registration.status, Registration.Status.CANCELLED]}
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        _record(by, "cancel", registration, changes)
        content_changed(event)  # the seat count is public
        _notify(registration, kind="cancelled")
        return _promote_waiting(event, now=now, by=by)


def registration_move(
    *, registration: Registration, to_confirmed: bool, now: dt.datetime | None = None, by=None
) -> Registration:
    """Sfk admin: move between the waiting list and confirmed. Never beyond capacity."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.is_closed:
            raise ValidationError(_("Påmeldingen er avmeldt."))
        if registration.is_pending:
            raise ValidationError(_("Påmeldingen venter på godkjenning. Godkjenn eller avslå den først."))
        if to_confirmed and registration.is_waiting:
            if not _has_free_seat(event):
                raise ValidationError(
                    _("Arrangementet er fullt. Øk antall plasser før du flytter noen fra ventelisten.")
                )
            registration.status = Registration.Status.CONFIRMED
            registration.confirmed_at = now
            registration.save(update_fields=["status", "confirmed_at"])
            _record(by, "move", registration, {"status": [Registration.Status.WAITING, registration.status]})
            content_changed(event)  # the seat count is public
            _notify(registration, kind="promoted")
        elif not to_confirmed and registration.is_confirmed:
            registration.status = Registration.Status.WAITING
            registration.confirmed_at = None
            registration.save(update_fields=["status", "confirmed_at"])
            _record(by, "move", registration, {"status": [Registration.Status.CONFIRMED, registration.status]})
            content_changed(event)
            _notify(registration, kind="waiting")
    return registration


def _decide(*, registration: Registration, by, approve: bool, now: dt.datetime | None) -> Registration:
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_pending:
            raise ValidationError(_("Påmeldingen venter ikke på godkjenning."), code="not_pending")
        before = registration.status
        if not approve:
            registration.status, kind = Registration.Status.DECLINED, "declined"
        elif _has_free_seat(event):
            registration.status, kind = Registration.Status.CONFIRMED, "confirmed"
            registration.confirmed_at = now
        else:
            # The queue keeps the order of sign-up (created_at), so waiting for approval costs no place.
            registration.status, kind = Registration.Status.WAITING, "waiting"
        registration.save(update_fields=["status", "confirmed_at"])
        _record(by, "approved" if approve else "declined", registration, {"status": [before, registration.status]})
        content_changed(event)  # the seat count on the public event page
        _notify(registration, kind=kind)
    return registration


def registration_approve(*, registration: Registration, by, now: dt.datetime | None = None) -> Registration:
    """Sfk approves a registration awaiting approval: a seat if one is free, else the waiting list."""
    return _decide(registration=registration, by=by, approve=True, now=now)


def registration_decline(*, registration: Registration, by, now: dt.datetime | None = None) -> Registration:
    """Sfk declines a registration awaiting approval; the registrant is told by e-mail."""
    return _decide(registration=registration, by=by, approve=False, now=now)


def registration_set_attendance(*, registration: Registration, attended: bool | None, by=None) -> Registration:
    if registration.attended == attended:
        return registration
    changes = {"attended": [registration.attended, attended]}
    with transaction.atomic():
        registration.attended = attended
        registration.save(update_fields=["attended"])
        _record(by, "set_attendance", registration, changes)
    return registration


def event_cancel(*, event: Event, now: dt.datetime | None = None, by=None) -> int:
    """Cancel an event and tell everyone registered (confirmed and waiting). Returns how many."""
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(event)
        if event.is_cancelled:
            return 0
        changes = {"status": [event.status, Event.Status.CANCELLED], "cancelled_at": [event.cancelled_at, now]}
        event.status = Event.Status.CANCELLED
        event.cancelled_at = now
        event.save(update_fields=["status", "cancelled_at", "updated_at"])
        record(by, "events.event.cancel", event, changes)
        content_changed(event)
        registrations = list(event.registrations.active().filter(anonymised_at__isnull=True))
        for registration in registrations:
            registration.event = event
            _notify(registration, kind="event_cancelled")
    return len(registrations)


def event_email_participants(*, event: Event, subject: str, body: str, include_waiting: bool = False, by=None) -> int:
    """One e-mail per participant (addresses never shared). Returns how many were queued."""
    registrations = event.registrations.admitted() if include_waiting else event.registrations.confirmed()
    count = 0
    with transaction.atomic():
        for registration in registrations.filter(anonymised_at__isnull=True):
            registration.event = event
            _notify(registration, kind="message", extra={"message_subject": subject, "message_body": body})
            count += 1
        record(by, "events.event.email_participants", event, {"recipients": [None, count]})
    return count


def registrations_anonymise(*, now: dt.datetime | None = None, days: int | None = None) -> tuple[int, int]:
    """Delete dietary/accessibility notes once an event has ended, and anonymise its registrations
    `days` (EVENTS_RETENTION_DAYS) after it ended. Returns (notes cleared, anonymised)."""
    now = now or timezone.now()
    days = settings.EVENTS_RETENTION_DAYS if days is None else days
    cutoff = now - dt.timedelta(days=days)
    with transaction.atomic():
        anonymised = Registration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True).update(
            name="",
            email="",
            role="",
            dietary_needs="",
            accessibility_needs="",
            user=None,
            consent_participant_list=False,
            anonymised_at=now,
        )
        notes = (
            Registration.objects.filter(event__end__lt=now)
            .exclude(dietary_needs="", accessibility_needs="")
            .update(dietary_needs="", accessibility_needs="")
        )
        record(
            None,
            "events.registration.anonymise",
            changes={"anonymised": [None, anonymised], "notes_cleared": [None, notes]},
        )
    return notes, anonymised
