"""Reads across events, registrations and recordings."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone

from core.search import text_search
from core.templatetags.portal import in_language

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


@dataclass(slots=True)
class AdminListRow:
    """An event as the Sfk admin list shows it: plain values, the links already made."""

    title: str
    language: str
    start: str  # "j.n.Y H:i", local time
    status: str
    confirmed_count: int
    waiting_count: int
    capacity: int | None
    title_in_language: str  # the title in a <span lang> (portal's in_language filter)
    participants_url: str
    edit_url: str
    publish_url: str
    recordings_url: str
    duplicate_url: str


ADMIN_LIST_PAGE_SIZE = 50


def admin_list_page(page_number) -> Page:
    """One page of every event, newest first, with its confirmed and waiting registrations, for
    the Sfk admin list (50 a page, as the other Sfk lists): two queries (the count and the page)
    without model instances, each link made from one reversed pattern (issue 14)."""
    fields = ("title", "slug", "language", "start", "status", "capacity")
    events = Event.objects.with_list_counts().order_by("-start", "-pk")
    rows = events.values_list(*fields, "confirmed_count", "waiting_count")
    page = Paginator(rows, ADMIN_LIST_PAGE_SIZE).get_page(page_number)
    page.object_list = _admin_list_rows(page.object_list)
    return page


def _admin_list_rows(rows) -> list[AdminListRow]:
    names = ("participants", "event_edit", "event_publish", "event_recordings_admin", "event_duplicate")
    patterns = [reverse(f"events:{name}", kwargs={"slug": "-"}).replace("/-/", "/{}/", 1) for name in names]
    statuses = {value: str(label) for value, label in Event.Status.choices}
    result = []
    for title, slug, language, start, status, capacity, confirmed, waiting in rows:
        local = timezone.localtime(start)
        participants, edit, publish, recordings, duplicate = (pattern.format(slug) for pattern in patterns)
        result.append(
            AdminListRow(
                title=title,
                language=language,
                start=f"{local.day}.{local.month}.{local.year} {local:%H:%M}",
                status=statuses.get(status, status),
                confirmed_count=confirmed,
                waiting_count=waiting,
                capacity=capacity,
                title_in_language=in_language(title, language),
                participants_url=participants,
                edit_url=edit,
                publish_url=publish,
                recordings_url=recordings,
                duplicate_url=duplicate,
            )
        )
    return result
