"""Reads across events, registrations and recordings."""

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import ExtractYear

from core.search import text_search

from .models import Event, Recording, Registration

EVENT_SEARCH_FIELDS = {"title": "A", "summary": "B", "description": "C", "venue_name": "D"}


def event_text_filter(qs: QuerySet[Event], q: str, *, rank: bool = False) -> QuerySet[Event]:
    """Events of `qs` whose title, summary, description or venue match `q` (core.search)."""
    return text_search(qs, q, EVENT_SEARCH_FIELDS, rank=rank)


def participant_list(*, event: Event) -> list[Registration]:
    """Confirmed participants who consented: name, organisation and municipality only."""
    return list(
        event.registrations.confirmed()
        .filter(consent_participant_list=True, anonymised_at__isnull=True)
        .select_related("unit")
        .only("name", "organisation", "unit__name", "event_id")
        .order_by("name")
    )


def recording_years() -> list[int]:
    years = (
        Recording.objects.filter(event__status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])
        .annotate(year=ExtractYear("recorded_on"))
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(set(years), reverse=True)


def events_with_recordings(*, year: int):
    recordings = Recording.objects.filter(recorded_on__year=year).select_related("slides")
    return (
        Event.objects.public()
        .filter(recordings__recorded_on__year=year)
        .distinct()
        .order_by("-start", "-pk")
        .prefetch_related(Prefetch("recordings", queryset=recordings))
    )


def recordings_without_captions():
    """For the accessibility statement."""
    return Recording.objects.filter(has_captions=False, event__status=Event.Status.PUBLISHED).select_related("event")


def registrations_for_admin(*, event: Event) -> list[tuple[Registration, int | None]]:
    """Active registrations (confirmed, awaiting approval, waiting: in that order), each with its 1-based
    place on the waiting list (None if not waiting). Unconfirmed addresses are left out: nobody has
    shown that the person exists."""
    registrations = (
        event.registrations.exclude(
            status__in=[Registration.Status.CANCELLED, Registration.Status.DECLINED, Registration.Status.UNCONFIRMED]
        )
        .select_related("unit")
        .order_by("status", "created_at", "pk")
    )
    rows, waiting = [], 0
    for registration in registrations:
        if registration.is_waiting:
            waiting += 1
        rows.append((registration, waiting if registration.is_waiting else None))
    return rows
