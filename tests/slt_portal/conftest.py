import datetime as dt

import pytest
from django.utils import timezone

from documents.content import ensure_pages
from documents.models import InfoPage
from events.models import Event
from municipalities.models import Municipality
from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory
from tests.factories import SLTUnitFactory, UnitMunicipalityFactory
from tests.measures.factories import MeasureFactory, published


@pytest.fixture
def site_content(municipalities):
    """Content like the demo data's: the real municipalities and information pages, a unit in
    Fredrikstad, measures about parents, the SLT handbook, news, this year's and an old conference;
    and one of each kind that the public must not find (draft, restricted, scheduled)."""
    ensure_pages(InfoPage)
    now = timezone.now()
    fredrikstad = Municipality.objects.current().get(name="Fredrikstad")
    unit = SLTUnitFactory(name="SLT Fredrikstad", slug="slt-fredrikstad")
    UnitMunicipalityFactory(unit=unit, municipality=fredrikstad)
    content = {
        "unit": unit,
        "fredrikstad": fredrikstad,
        "measure": published(
            unit=unit,
            title="Foreldremøte på 8. trinn",
            summary="SLT-koordinator, politi og helsesykepleier møter foreldre på 8. trinn om rus, grenser og fester.",
        ),
        "other_measure": published(unit=unit, title="Natteravn", summary="Voksne ute i helgene."),
        "draft_measure": MeasureFactory(unit=unit, title="Foreldrekurs (utkast)", summary="Kurs for foreldre."),
        "handbook": PublicationFactory(
            title="SLT-håndboken",
            slug="slt-handboken",
            summary="En håndbok for SLT-koordinatorer om hvordan kommunen organiserer arbeidet.",
        ),
        "restricted": PublicationFactory(
            title="Intern håndbok for koordinatorer", slug="intern-handbok", is_restricted=True
        ),
        "news": NewsArticleFactory(
            title="Ny utgave av SLT-håndboken", slug="ny-handbok", lead="Håndboken er oppdatert for 2027."
        ),
        "scheduled_news": NewsArticleFactory(
            title="Håndbok kommer", slug="handbok-kommer", publish_at=now + dt.timedelta(days=3)
        ),
        "conference": EventFactory(
            title="SLT-konferansen 2027",
            slug="slt-konferansen-2027",
            summary="Den nasjonale SLT-konferansen: to dager med foredrag og erfaringsdeling.",
            start=now + dt.timedelta(days=60),
            end=now + dt.timedelta(days=61),
        ),
        "old_conference": EventFactory(
            title="SLT-konferansen 2025",
            slug="slt-konferansen-2025",
            summary="Fjorårets konferanse.",
            start=now - dt.timedelta(days=300),
            end=now - dt.timedelta(days=299),
        ),
        "draft_event": EventFactory(title="Konferansen 2027: utkast", slug="utkast-2027", status=Event.Status.DRAFT),
    }
    return content


@pytest.fixture
def one_rate_window(client, monkeypatch):
    """For query counts of the API: one rate-limit window for the whole test, already opened (the
    first count of an address in a window also drops finished counters: one query more), and every
    request counted in the shared counter at once (no batches: one write per request)."""
    monkeypatch.setattr("core.ratelimit._now", lambda: 1_800_000_000.0)
    monkeypatch.setattr("slt_portal.api.http.RATE_BATCH", 1)
    client.get("/api/v1/")
