"""iCalendar (.ics) for one event and for the feed of upcoming events."""

import datetime as dt
import zoneinfo
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Event

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def _vevent(event: Event, *, join_url: str = "") -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", f"event-{event.pk}@{settings.SITE_URL.split('//', 1)[-1]}")
    item.add("dtstamp", dt.datetime.now(dt.UTC))
    item.add("dtstart", event.start.astimezone(OSLO))
    item.add("dtend", event.end.astimezone(OSLO))
    item.add("summary", event.title)
    description = f"{event.summary}\n\n{event.get_format_display()}"
    if join_url:
        description += f"\n{join_url}"
    item.add("description", description)
    if event.has_venue:
        location = ", ".join(part for part in (event.venue_name, event.venue_address) if part)
    else:  # digital: the join link where the participant's copy has it
        location = join_url or _("Digitalt")
    if location:
        item.add("location", location)
    item.add("url", settings.SITE_URL + event.get_absolute_url())
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    item.add("last-modified", event.updated_at or timezone.now())
    return item


def _calendar(name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//events//NO")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Oslo")
    return calendar


def event_ical(event: Event, *, join_url: str = "") -> bytes:
    """One event; the join link only goes into a confirmed participant's copy."""
    calendar = _calendar(event.title)
    calendar.add("method", "PUBLISH")
    calendar.add_component(_vevent(event, join_url=join_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def events_feed_ical(events: Iterable[Event], *, name: str) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_vevent(event))
    calendar.add_missing_timezones()
    return calendar.to_ical()
