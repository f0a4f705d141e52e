"""`manage.py load_bench_data`: benchmark-scale units, coordinators, events, news and publications."""

from io import StringIO

import pytest
from django.core.management import call_command

from core.content import content_version
from documents.models import NewsArticle, Publication
from events.models import Event
from municipalities.models import Coordinator, District, Municipality, SLTUnit


def load(**counts):
    out = StringIO()
    call_command("load_bench_data", stdout=out, **counts)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_small_load_creates_working_content_and_is_idempotent(client, municipalities):
    version = content_version()
    load(units=6, events=4, news=3, publications=5)
    assert content_version() > version  # cached pages are rebuilt

    units = SLTUnit.objects.filter(slug__startswith="bench-slt-")
    assert units.count() == 6
    for unit in units:
        assert Coordinator.objects.active().filter(unit=unit).count() == 1
        assert unit.memberships.filter(is_current=True).count() == 1
        assert unit.history.count() == 1  # bulk-created with its history row
        # The unit's page and the directory show it.
        response = client.get(unit.get_absolute_url())
        assert response.status_code == 200
        assert unit.coordinators.get().name in response.text
    assert Event.objects.filter(slug__startswith="bench-").count() == 4
    assert NewsArticle.objects.filter(slug__startswith="bench-").count() == 3
    assert Publication.objects.filter(slug__startswith="bench-").count() == 5

    event = Event.objects.filter(slug__startswith="bench-").first()
    assert event.title in client.get(event.get_absolute_url()).text
    article = NewsArticle.objects.filter(slug__startswith="bench-").first()
    assert article.title in client.get(f"/aktuelt/{article.slug}/").text

    public = Publication.objects.filter(slug__startswith="bench-", is_restricted=False).first()
    assert public.page_count == 1 and public.file_type == "pdf"
    download = client.get(f"/dokumenter/{public.slug}/last-ned/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")

    # A second run creates nothing new; a larger one tops up.
    assert "0 new units" in load(units=6, events=4, news=3, publications=5)
    assert SLTUnit.objects.filter(slug__startswith="bench-slt-").count() == 6
    load(units=0, events=6, news=3, publications=5)
    assert Event.objects.filter(slug__startswith="bench-").count() == 6


@pytest.mark.django_db
def test_every_municipality_and_oslo_district_gets_a_unit(municipalities):
    load(events=0, news=0, publications=0)
    oslo_like = set(District.objects.values_list("municipality_id", flat=True))
    uncovered = Municipality.objects.current().exclude(pk__in=oslo_like).exclude(memberships__is_current=True)
    assert not uncovered.exists()
    assert not District.objects.exclude(memberships__is_current=True).exists()
    assert SLTUnit.objects.count() == Coordinator.objects.active().values("unit").distinct().count()
    assert SLTUnit.objects.count() >= 365
