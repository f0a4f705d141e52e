"""Public events (published and cancelled; never drafts), upcoming or past, with programme and
recording links. Registrations, the online link and invitation codes are never part of it."""

from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Query, Router, Schema

from events.models import Event

from .base import ERROR_RESPONSES, PAGE, PAGE_SIZE, Term, choice, page_schema, page_url, paginate
from .directory import COUNTY_NUMBER, SLUG

router = Router(tags=["events"])


class SessionOut(Schema):
    starts_at: str = Field(description=_("Starter (ISO 8601)."))
    ends_at: str | None = Field(description=_("Slutter (ISO 8601)."))
    title: str = Field(description=_("Tittel."))
    speaker: str = Field(description=_("Innleder (navn er personopplysninger)."))


class RecordingOut(Schema):
    title: str = Field(description=_("Tittel."))
    speaker: str = Field(description=_("Innleder (navn er personopplysninger)."))
    recorded_on: str = Field(description=_("Dato (ÅÅÅÅ-MM-DD)."))
    video_url: str = Field(description=_("Lenke til videoen."))
    duration_minutes: int | None = Field(description=_("Varighet i minutter."))
    slides_url: str = Field(description=_("Lenke til lysark."))
    has_captions: bool = Field(description=_("Om videoen er tekstet."))


class EventOut(Schema):
    slug: str = Field(description=_("Arrangementets kortnavn; oppslag under /events/{slug}."))
    title: str = Field(description=_("Tittel."))
    language: Term = Field(description=_("Språket teksten er skrevet på."))
    kind: Term = Field(description=_("Type: conference, intro_course, digital_gathering, network_meeting, webinar."))
    status: Term = Field(description=_("published eller cancelled."))
    summary: str = Field(description=_("Ingress."))
    description: str = Field(description=_("Beskrivelse (Markdown)."))
    start: str = Field(description=_("Starter (ISO 8601)."))
    end: str = Field(description=_("Slutter (ISO 8601)."))
    venue_name: str = Field(description=_("Sted."))
    venue_address: str = Field(description=_("Adresse."))
    format: Literal["physical", "digital", "hybrid"] = Field(
        description=_("Fysisk, digitalt eller hybrid (lenken til digital deltakelse får bare bekreftede deltakere).")
    )
    audience: Term = Field(description=_("Målgruppe: open, members eller invited."))
    county: str | None = Field(description=_("Fylkesnummer; null for nasjonale arrangementer."))
    capacity: int | None = Field(description=_("Antall plasser; null betyr ubegrenset."))
    registration_opens: str | None = Field(description=_("Påmelding åpner (ISO 8601)."))
    registration_closes: str | None = Field(description=_("Påmeldingsfrist (ISO 8601)."))
    price_note: str = Field(description=_("Pris."))
    programme: list[SessionOut] = Field(description=_("Programmet."))
    recordings: list[RecordingOut] = Field(description=_("Opptak (lenker)."))
    calendar_url: str = Field(description=_("Arrangementet som .ics-fil."))
    url: str = Field(description=_("Arrangementets side i portalen."))


EventPage = page_schema(EventOut, "EventPage")


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _event(e: Event) -> dict:
    return {
        "slug": e.slug,
        "title": e.title,
        "language": choice(Event.Language, e.language),
        "kind": choice(Event.Kind, e.kind),
        "status": choice(Event.Status, e.status),
        "summary": e.summary,
        "description": e.description,
        "start": e.start.isoformat(),
        "end": e.end.isoformat(),
        "venue_name": e.venue_name,
        "venue_address": e.venue_address,
        "format": e.format,
        "audience": choice(Event.Audience, e.audience),
        "county": e.county.number if e.county else None,
        "capacity": e.capacity,
        "registration_opens": _iso(e.registration_opens),
        "registration_closes": _iso(e.registration_closes),
        "price_note": e.price_note,
        "programme": [
            {"starts_at": s.starts_at.isoformat(), "ends_at": _iso(s.ends_at), "title": s.title, "speaker": s.speaker}
            for s in e.sessions.all()
        ],
        "recordings": [
            {
                "title": r.title,
                "speaker": r.speaker,
                "recorded_on": r.recorded_on.isoformat(),
                "video_url": r.video_url,
                "duration_minutes": r.duration_minutes,
                "slides_url": r.slides_url,
                "has_captions": r.has_captions,
            }
            for r in e.recordings.all()
        ],
        "calendar_url": page_url("events:ics", e.slug),
        "url": page_url(e),
    }


def _public_events():
    return Event.objects.public().select_related("county").prefetch_related("sessions", "recordings")


@router.get(
    "/events",
    response={200: EventPage, **ERROR_RESPONSES},
    summary=_("Arrangementer"),
    description=_(
        "Offentlige arrangementer (publiserte og avlyste) med program og opptak: kommende (standard, første "
        "først) eller tidligere (siste først)."
    ),
)
def event_list(
    request,
    period: Literal["upcoming", "past"] = Query("upcoming", description=_("upcoming (standard) eller past.")),
    kind: Literal[tuple(Event.Kind.values)] | None = Query(None, description=_("Bare denne typen.")),
    county: str | None = Query(None, pattern=COUNTY_NUMBER, description=_("Bare arrangementer i dette fylket.")),
    page: int = PAGE,
    page_size: int = PAGE_SIZE,
):
    events = _public_events()
    events = events.upcoming() if period == "upcoming" else events.past()
    if kind:
        events = events.filter(kind=kind)
    if county:
        events = events.filter(county__number=county)
    chunk, meta = paginate(request, events, page=page, page_size=page_size)
    return {**meta, "results": [_event(e) for e in chunk]}


@router.get(
    "/events/{slug}",
    response={200: EventOut, **ERROR_RESPONSES},
    summary=_("Ett arrangement"),
    description=_("Ett offentlig arrangement, slått opp på kortnavn."),
)
def event_detail(request, slug: str = Path(..., pattern=SLUG, description=_("Arrangementets kortnavn."))):
    return _event(get_object_or_404(_public_events(), slug=slug))
