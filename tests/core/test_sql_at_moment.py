"""core.sql.at_moment: a query built once per process answers as the ORM's own query at any moment."""

import datetime as dt
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import sql
from municipalities.models import Coordinator, Invitation
from tests.factories import CoordinatorFactory

pytestmark = pytest.mark.django_db


def test_a_cached_query_counts_as_the_orm_does_at_any_moment(unit_a, monkeypatch):
    monkeypatch.setattr(sql, "_cache", {})
    now = timezone.now()
    for days in (10, 364, 366, 800):
        CoordinatorFactory(unit=unit_a, verified_at=now - dt.timedelta(days=days))
    CoordinatorFactory(unit=unit_a, verified_at=None)
    for hours in (-30, -1, 1, 30, 24 * 40):
        Invitation.objects.create(
            coordinator=CoordinatorFactory(unit=unit_a, verified_at=now),
            email="a@example.no",
            nonce=f"n{hours}",
            expires_at=now + dt.timedelta(hours=hours),
        )
    oslo = zoneinfo.ZoneInfo("Europe/Oslo")
    moments = [
        now,
        now + dt.timedelta(days=2),
        now - dt.timedelta(days=400),
        (now + dt.timedelta(days=3)).astimezone(oslo),
    ]
    Coordinator.objects.upkeep_counts()  # builds the SQL (its statement stopped before the database)
    for moment in moments:
        expected = Coordinator.objects.all()._upkeep_counts(now=moment)
        with CaptureQueriesContext(connection) as queries:
            assert Coordinator.objects.upkeep_counts(now=moment) == expected, moment
        assert len(queries) == 1
    assert len(sql._cache) == 1
    assert Coordinator.objects.upkeep_counts(now=now) == {"stale": 3, "pending_invitations": 3}


def test_only_moments_derived_from_the_marker_are_replaced():
    assert sql._offset(sql.MARKER - dt.timedelta(days=365)) == dt.timedelta(days=-365)
    assert sql._offset("2000-02-04 04:05:06.987654") == dt.timedelta(days=-365)
    assert sql._offset("2000-02-04 04:05:06.987653") is None
    assert sql._offset("venter") is None and sql._offset(5) is None
