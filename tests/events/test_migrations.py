"""events 0004: the online flag becomes a format."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("events", "0003_news_reference")]


@pytest.mark.django_db(transaction=True)
def test_online_events_become_digital_and_the_rest_physical():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("events", "Event")
    start = timezone.now() + dt.timedelta(days=10)
    common = {"start": start, "end": start, "status": "published", "kind": "webinar", "summary": "."}
    online = old.objects.create(title="Nett", slug="nett", is_online=True, **common)
    onsite = old.objects.create(title="Sal", slug="sal", is_online=False, venue_name="Salen", **common)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from events.models import Event

    assert Event.objects.get(pk=online.pk).format == Event.Format.DIGITAL
    assert Event.objects.get(pk=onsite.pk).format == Event.Format.PHYSICAL
