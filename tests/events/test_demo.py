import datetime as dt

import pytest
from django.utils import timezone

from events import demo
from events.models import Event

pytestmark = pytest.mark.django_db


def test_norwegian_days_off():
    assert {dt.date(2026, 4, 2), dt.date(2026, 4, 3), dt.date(2026, 4, 6), dt.date(2026, 5, 14)} <= demo.days_off(2026)
    assert {dt.date(2027, 3, 25), dt.date(2027, 5, 17), dt.date(2027, 12, 24)} <= demo.days_off(2027)
    assert dt.date(2026, 12, 23) not in demo.days_off(2026)


@pytest.mark.parametrize("today", [dt.date(2026, 12, 3), dt.date(2026, 11, 5), dt.date(2027, 3, 10)])
def test_demo_events_are_never_on_a_public_holiday_or_christmas_eve(monkeypatch, today):
    # From 3 December 2026 the digital gathering (a Thursday 20 days on) fell on Christmas Eve.
    monkeypatch.setattr(demo.timezone, "localdate", lambda *a, **k: today)
    demo.load(log=lambda *a: None)
    for event in Event.objects.all():
        start, end = timezone.localdate(event.start), timezone.localdate(event.end)
        days = {start + dt.timedelta(days=n) for n in range((end - start).days + 1)}
        assert not days & (demo.days_off(start.year) | demo.days_off(end.year)), (event.title, start)
