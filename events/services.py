"""Writes for events: registration with a locked seat count, waiting list, approval by Sfk,
cancellations, e-mail."""

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
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
from .tokens import confirmation_url, registration_url

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


def registration_needs_email_confirmation(*, event: Event, user=None) -> bool:
    """Open events: anyone may register, so the address must confirm (the link in the first
    e-mail) before the registration counts; a logged-in coordinator (or Sfk admin) is trusted at once."""
    if event.audience != Event.Audience.OPEN:
        return False
    return not _is_trusted(user)


def _is_trusted(user) -> bool:
    return user is not None and user.is_authenticated and (is_coordinator(user) or is_sfk_admin(user))


def _count(key: str, window: int) -> int:
    """Count first, then decide: add and increment in the shared cache (atomic in Redis and locmem),
    so parallel requests cannot all pass under the limit."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def _rate_key(kind: str, value: str) -> str:
    # Hashed with the secret key: the cache holds no address in the clear.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()[:32]
    return f"events-registration-rate:{kind}:{digest}"


def registration_rate_limited(*, ip: str, email: str, user=None) -> bool:
    """Counts this attempt against the client's address and the e-mail address, then says whether
    either is over its limit (EVENTS_REGISTRATION_RATE_LIMIT_IP / _EMAIL per
    EVENTS_REGISTRATION_RATE_WINDOW). Logged-in coordinators and Sfk admins are not limited."""
    if _is_trusted(user):
        return False
    window = settings.EVENTS_REGISTRATION_RATE_WINDOW
    by_ip = _count(_rate_key("ip", ip), window)
    by_email = _count(_rate_key("email", email.strip().casefold()), window)
    return (
        by_ip > settings.EVENTS_REGISTRATION_RATE_LIMIT_IP or by_email > settings.EVENTS_REGISTRATION_RATE_LIMIT_EMAIL
    )


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
            "confirm_url": confirmation_url(registration) if kind == "confirm_address" else "",
            "hold_minutes": settings.EVENTS_HOLD_MINUTES,
            "event_url": settings.SITE_URL + registration.event.get_absolute_url(),
            "position": registration.waiting_position(),
            "site_name": settings.SITE_NAME,
            **(extra or {}),
        }
        subject = render_to_string("events/email/subject.txt", context)
        # The first e-mail to an unconfirmed address holds nothing from the form (not even the name):
        # whoever typed the address chose that text.
        template = "events/email/confirm_address.txt" if kind == "confirm_address" else "events/email/registration.txt"
        body = render_to_string(template, context)
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


def _has_free_seat(event: Event, now: dt.datetime | None = None) -> bool:
    """A seat is taken by a confirmed registration or by an unexpired hold; caller holds the event lock."""
    if event.capacity is None:
        return True
    now = now or timezone.now()
    taken = event.registrations.filter(
        Q(status=Registration.Status.CONFIRMED) | Q(status=Registration.Status.UNCONFIRMED, hold_until__gt=now)
    ).count()
    return taken < event.capacity


def _expire_holds(event: Event, *, now: dt.datetime, by=None) -> None:
    """Lazily, under the event's lock: end expired seat holds (the seats go to the waiting list) and
    delete registrations never confirmed within EVENTS_UNCONFIRMED_DELETE_HOURS."""
    expired = event.registrations.unconfirmed().filter(hold_until__lte=now).update(hold_until=None)
    deleted = _delete_unconfirmed(event.registrations.all(), now=now)
    if expired:
        content_changed(event)  # the seat count is public
        _promote_waiting(event, now=now, by=by)
    if deleted:
        record(None, "events.registration.delete_unconfirmed", event, {"deleted": [None, deleted]})


def _delete_unconfirmed(registrations, *, now: dt.datetime) -> int:
    cutoff = now - dt.timedelta(hours=settings.EVENTS_UNCONFIRMED_DELETE_HOURS)
    deleted, _by_model = registrations.unconfirmed().filter(created_at__lt=cutoff).delete()
    return deleted


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
    instead where the audience requires it (`registration_needs_approval`); unconfirmed, holding a
    free seat for EVENTS_HOLD_MINUTES, until the address confirms where anyone may register
    (`registration_needs_email_confirmation`; then the only e-mail is the confirmation link). Questions the event does
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
            _expire_holds(event, now=now, by=user)
            same_address = event.registrations.filter(email__iexact=email, anonymised_at__isnull=True)
            # An unconfirmed registration proves nothing about the address: a new one replaces it,
            # so nobody can block an address by registering it first.
            same_address.unconfirmed().delete()
            if same_address.active().exists():
                raise ValidationError(
                    {"email": _("Denne e-postadressen er allerede påmeldt arrangementet.")},
                    code="duplicate",
                )
            hold_until = None
            if registration_needs_approval(event=event, user=user):
                status, kind = Registration.Status.PENDING, "pending"
            elif registration_needs_email_confirmation(event=event, user=user):
                status, kind = Registration.Status.UNCONFIRMED, "confirm_address"
                if _has_free_seat(event, now):
                    hold_until = now + dt.timedelta(minutes=settings.EVENTS_HOLD_MINUTES)
            elif _has_free_seat(event, now):
                status, kind = Registration.Status.CONFIRMED, "confirmed"
            else:
                status, kind = Registration.Status.WAITING, "waiting"
            registration = Registration(
                event=event,
                user=user if user is not None and user.is_authenticated else None,
                language=language if language in dict(settings.LANGUAGES) else "nb",
                status=status,
                created_at=now,
                hold_until=hold_until,
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


def registration_confirm(*, registration: Registration, now: dt.datetime | None = None) -> Registration:
    """The address confirmed (the link in the first e-mail): a held seat becomes confirmed; without
    a hold (it expired, or the event was full) a free seat, else the waiting list, queued from now.
    Confirming twice changes nothing. Raises ValidationError when the event no longer takes people."""
    with transaction.atomic():
        event = _lock_event(registration.event)
        now = now or timezone.now()
        _expire_holds(event, now=now)
        registration = Registration.objects.select_for_update().filter(pk=registration.pk).first()
        if registration is None:  # never confirmed in time, and deleted
            raise ValidationError(_("Lenken er for gammel. Meld deg på på nytt."), code="expired")
        if not registration.is_unconfirmed:
            return registration
        if event.is_cancelled or event.end < now:
            raise ValidationError(_("Arrangementet tar ikke imot påmeldinger lenger."), code="closed")
        held = registration.hold_until is not None and registration.hold_until > now
        registration.hold_until = None
        if held or _has_free_seat(event, now):
            registration.status, kind = Registration.Status.CONFIRMED, "confirmed"
            registration.confirmed_at = now
        else:
            # The queue counts from confirmation: an unconfirmed address kept no place in it.
            registration.status, kind = Registration.Status.WAITING, "waiting"
            registration.created_at = now
        registration.save(update_fields=["status", "hold_until", "confirmed_at", "created_at"])
        _record(None, "confirm", registration, {"status": [Registration.Status.UNCONFIRMED, registration.status]})
        content_changed(event)  # the seat count is public
        _notify(registration, kind=kind)
    return registration


def registrations_delete_unconfirmed(*, now: dt.datetime | None = None) -> int:
    """Delete registrations whose address never confirmed within EVENTS_UNCONFIRMED_DELETE_HOURS
    (run daily; registration also does it lazily per event). Returns how many."""
    now = now or timezone.now()
    with transaction.atomic():
        deleted = _delete_unconfirmed(Registration.objects.all(), now=now)
        record(None, "events.registration.delete_unconfirmed", changes={"deleted": [None, deleted]})
    return deleted


def _promote_waiting(event: Event, *, now: dt.datetime, by=None) -> list[Registration]:
    """Give free seats to the first on the waiting list; caller holds the event lock."""
    promoted = []
    if event.status != Event.Status.PUBLISHED or event.end < now:
        return promoted
    while _has_free_seat(event, now):
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
        was_unconfirmed = registration.is_unconfirmed
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = now
        registration.hold_until = None
        registration.save(update_fields=["status", "cancelled_at", "hold_until"])
        _record(by, "cancel", registration, changes)
        content_changed(event)  # the seat count is public
        if not was_unconfirmed:  # an address that never confirmed gets nothing but the confirmation link
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
            if not _has_free_seat(event, now):
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
        elif _has_free_seat(event, now):
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


#: What anonymising a registration blanks (the row stays, so seat counts and statistics hold).
ANONYMISED_REGISTRATION = {
    "name": "",
    "email": "",
    "role": "",
    "dietary_needs": "",
    "accessibility_needs": "",
    "user": None,
    "consent_participant_list": False,
}


def registrations_anonymise(*, now: dt.datetime | None = None, days: int | None = None) -> tuple[int, int]:
    """Delete dietary/accessibility notes once an event has ended, and anonymise its registrations
    `days` (EVENTS_RETENTION_DAYS) after it ended. Returns (notes cleared, anonymised)."""
    now = now or timezone.now()
    days = settings.EVENTS_RETENTION_DAYS if days is None else days
    cutoff = now - dt.timedelta(days=days)
    with transaction.atomic():
        anonymised = Registration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True).update(
            **ANONYMISED_REGISTRATION, anonymised_at=now
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


def account_eraser(*, user, by) -> None:
    """ACCOUNT_ERASERS entry: anonymise the person's registrations (the seat counts stay)."""
    now = timezone.now()
    count = Registration.objects.filter(user=user, anonymised_at__isnull=True).update(
        **ANONYMISED_REGISTRATION, anonymised_at=now
    )
    if count:
        record(by, "events.registration.anonymise", changes={"anonymised": [None, count]})
