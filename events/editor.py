"""Writes of Sfk's event editor: events, their programme, publishing, copies and recordings with
slides. (Registrations and their seats are in services.py.)"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audited_fields, changes_between, record, record_save, snapshot, stored_snapshot, without_empty
from core.content import content_changed
from core.text import slugify_nb
from documents.models import Publication
from documents.services import publication_save

from .models import RESERVED_SLUGS, Event, Recording, Session


def _lock_event(event: Event) -> Event:
    # The row lock on the event serialises everything that changes it (as in services.py).
    return Event.objects.select_for_update().get(pk=event.pk)


EVENT_FIELDS = audited_fields(Event, exclude=("news_articles",))
RECORDING_FIELDS = audited_fields(Recording)


def _programme(event: Event) -> list[str]:
    """The programme as text for the audit log: "2027-05-04 09:00–10:00 Title (speaker, room)"."""
    lines = []
    for session in event.sessions.order_by("position", "starts_at", "pk"):
        when = f"{timezone.localtime(session.starts_at):%Y-%m-%d %H:%M}"
        if session.ends_at:
            when += f"–{timezone.localtime(session.ends_at):%H:%M}"
        extra = ", ".join(part for part in (session.speaker, session.room) if part)
        lines.append(f"{when} {session.title}" + (f" ({extra})" if extra else ""))
    return lines


def _unique_event_slug(title: str, *, exclude_pk=None) -> str:
    base = slugify_nb(title, max_length=180, fallback="arrangement")
    if base in RESERVED_SLUGS:
        base = f"{base}-1"
    slug, n = base, 2
    others = Event.objects.exclude(pk=exclude_pk)
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def event_save(
    *, event: Event, by, sessions: list[Session] | None = None, removed: list[Session] | None = None
) -> Event:
    """Create or update an event with its programme: `sessions` in programme order (new or changed,
    unsaved), `removed` sessions are deleted. One audit entry with every changed field old → new,
    the programme included. Raises ValidationError (nothing is saved then)."""
    created = event.pk is None
    before = stored_snapshot(event, EVENT_FIELDS)
    before_programme = [] if created else _programme(Event.objects.get(pk=event.pk))
    if not event.slug:
        event.slug = _unique_event_slug(event.title, exclude_pk=event.pk)
    with transaction.atomic():
        event.full_clean()
        event.save()
        for session in removed or []:
            if session.pk and session.event_id == event.pk:
                session.delete()
        for position, session in enumerate(sessions or [], start=1):
            session.event = event
            session.position = position
            session.full_clean()
            session.save()
        after = snapshot(event, EVENT_FIELDS)
        changes = changes_between({} if created else before, without_empty(after) if created else after)
        after_programme = _programme(event)
        if after_programme != before_programme:
            changes["programme"] = [before_programme, after_programme]
        if created or changes:
            record(by, f"events.event.{'create' if created else 'update'}", event, changes)
            content_changed(event)
    return event


def event_publish(*, event: Event, by) -> Event:
    """Make a draft public (it shows in the lists and takes registrations as its settings allow)."""
    with transaction.atomic():
        event = _lock_event(event)
        if not event.is_draft:
            raise ValidationError(_("Bare utkast kan publiseres."), code="not_draft")
        event.full_clean()
        event.status = Event.Status.PUBLISHED
        event.save(update_fields=["status", "updated_at"])
        record(by, "events.event.publish", event, {"status": [Event.Status.DRAFT, event.status]})
        content_changed(event)
    return event


def event_unpublish(*, event: Event, by) -> Event:
    """Take a published event back to draft; refused while anyone is registered (cancel it instead,
    which tells them)."""
    with transaction.atomic():
        event = _lock_event(event)
        if not event.is_published:
            raise ValidationError(_("Bare publiserte arrangementer kan avpubliseres."), code="not_published")
        if event.registrations.active().exists():
            raise ValidationError(
                _("Noen er påmeldt. Avlys arrangementet i stedet, så får de beskjed."), code="has_registrations"
            )
        event.status = Event.Status.DRAFT
        event.save(update_fields=["status", "updated_at"])
        record(by, "events.event.unpublish", event, {"status": [Event.Status.PUBLISHED, event.status]})
        content_changed(event)
    return event


def event_duplicate(*, event: Event, by, title: str, start: dt.datetime) -> Event:
    """A draft copy ("copy last year's conference"): every field and the programme, with all times
    moved by the same amount so that the copy starts at `start`; no registrations or recordings."""
    shift = start - event.start

    def moved(value):
        return value + shift if value else value

    copy = Event(
        **{name: getattr(event, name) for name in EVENT_FIELDS if name not in {"slug", "status", "cancelled_at"}},
    )
    copy.title = title
    copy.slug = _unique_event_slug(title)
    copy.status = Event.Status.DRAFT
    for name in ("start", "end", "registration_opens", "registration_closes"):
        setattr(copy, name, moved(getattr(event, name)))
    with transaction.atomic():
        copy.full_clean()
        copy.save()
        for session in event.sessions.all():
            Session.objects.create(
                event=copy,
                starts_at=moved(session.starts_at),
                ends_at=moved(session.ends_at),
                title=session.title,
                speaker=session.speaker,
                room=session.room,
                position=session.position,
            )
        changes = changes_between({}, without_empty(snapshot(copy, EVENT_FIELDS)))
        changes["copied_from"] = [None, event.pk]
        changes["programme"] = [[], _programme(copy)]
        record(by, "events.event.duplicate", copy, changes)
    return copy


def recording_save(*, recording: Recording, by, slides_upload=None, inspected=None) -> Recording:
    """Add or change a recording (a link card, checked against the video host allow-list). Slides
    given as a file become a presentation in the document library (the upload checks of
    `documents.uploads`), linked from the card. Raises ValidationError; nothing is saved then."""
    created = recording.pk is None
    before = stored_snapshot(recording, RECORDING_FIELDS)
    with transaction.atomic():
        recording.full_clean()
        if slides_upload is not None:
            event = recording.event
            publication = Publication(
                title=_("Lysark: %(title)s") % {"title": recording.title},
                kind=Publication.Kind.PRESENTATION,
                language=event.language,
                summary=f"{event.title} ({timezone.localtime(event.start):%Y})",
            )
            recording.slides = publication_save(
                publication=publication, by=by, uploaded=slides_upload, inspected=inspected
            )
        recording.save()
        entry = record_save(by, recording, before, RECORDING_FIELDS, created=created)
        if entry is not None:
            content_changed(recording)
    return recording


def recording_delete(*, recording: Recording, by) -> None:
    """Remove a recording card (the slides stay in the document library)."""
    with transaction.atomic():
        record(
            by,
            "events.recording.delete",
            recording,
            changes_between(without_empty(snapshot(recording, RECORDING_FIELDS)), {}),
        )
        recording.delete()
        content_changed(recording)
