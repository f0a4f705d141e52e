"""Every page stays within 10 queries, and no page grows with the number of rows beyond its page
size (issue 14). The data has many rows of every kind, so an unbounded list or an N+1 shows."""

import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory
from tests.factories import CoordinatorFactory, InvitationFactory, SLTUnitFactory, UnitMunicipalityFactory
from tests.measures.factories import published

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
#: Pages allowed more than 10, with their counts (none left: every page is within 10).
#: The logged-in pages pay 2-3 queries for session, user (with roles and units) and 2FA device.
KNOWN_OVER: dict[tuple[str, str], int] = {}


def over_budget(role, report, names=None):
    names = names or {}
    over = {}
    for url, (n, _size, sql) in report.items():
        budget = KNOWN_OVER.get((role, names.get(url, url)), MAX_QUERIES)
        if n > budget:
            over[url] = (n, budget, sql)
    return over


def add_rows(unit, n):
    for _ in range(n):
        published(
            unit=unit,
            themes=["rus-alkohol", "kriminalitet"],
            classifications={"arenas": ["skole"], "age_bands": ["13-15"]},
        )
        PublicationFactory(unit=unit)
        NewsArticleFactory()
        EventFactory(status="published")


@pytest.fixture
def data(municipalities, unit_a, coordinator_a):
    from municipalities.models import Municipality

    for number in ("4601", "0301", "5001"):
        unit = SLTUnitFactory()
        UnitMunicipalityFactory(unit=unit, municipality=Municipality.objects.get(number=number))
        # More than a page (50) of invitations in all, none of them open: no new coordinators.
        InvitationFactory.create_batch(20, coordinator=CoordinatorFactory(unit=unit), revoked_at=timezone.now())
    add_rows(unit_a, 22)  # more than a page (20) of everything
    return unit_a


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    if os.environ.get("SHOW_QUERIES"):
        print(f"\n== {url}: {len(queries)} queries, {len(response.content)} bytes")
        for q in queries:
            print("   ", q["sql"][:400])
    return len(queries), len(response.content), [q["sql"][:300] for q in queries]


PUBLIC = [
    "/",
    "/finn-koordinator/?q=Bergen",
    "/finn-koordinator/?q=enhet",
    "/fylker/",
    "/dekningskart/",
    "/kommune/4601/",
    "/slt-enhet/enhet-a/",
    "/tiltak/",
    "/tiltak/?q=tiltak&theme=rus-alkohol&age=13-15",
    "/tiltak/?theme=rus-alkohol&arena=skole",
    "/dokumenter/",
    "/aktuelt/",
    "/arrangementer/",
    "/arrangementer/tidligere/",
    "/om-slt/",
]
COORDINATOR = ["/min-slt-enhet/", "/slt-enhet/enhet-a/", "/tiltak/mine/", "/tiltak/ny/", "/dokumenter/mine/", "/konto/"]
ADMIN = [
    "/sfk/",
    "/sfk/slt-enheter/",
    "/tiltak/",
    "/slt-enhet/enhet-a/",
    "/dokumenter/",
    "/konto/brukere/",
    "/sfk/invitasjoner/",
]


def test_public_pages_stay_within_the_query_budget(client, data):
    from measures.models import Measure

    measure = Measure.objects.filter(unit=data).first()
    report = {url: count(client, url) for url in [*PUBLIC, measure.get_absolute_url()]}
    assert not over_budget("anonymous", report)


def test_coordinator_pages_stay_within_the_query_budget(client, data, coordinator_a):
    from measures.models import Measure

    client.force_login(coordinator_a)
    measure = Measure.objects.filter(unit=data).first()
    names = {measure.get_absolute_url(): "measure", f"/tiltak/{measure.pk}/rediger/": "edit"}
    report = {url: count(client, url) for url in [*COORDINATOR, *names]}
    assert not over_budget("coordinator", report, names)


def test_admin_pages_stay_within_the_query_budget(client, data, sfk_admin):
    client.force_login(sfk_admin)
    report = {url: count(client, url) for url in ADMIN}
    assert not over_budget("admin", report)


def test_no_page_grows_with_the_number_of_rows(client, data, coordinator_a):
    """Page weight with 22 rows of everything, then with 42: the pages show a page of rows, so
    their size stays the same (a few bytes for longer numbers aside)."""
    from measures.models import Measure

    measure = Measure.objects.filter(unit=data).first()
    urls = [*PUBLIC, "/slt-enhet/enhet-a/"]
    edit = f"/tiltak/{measure.pk}/rediger/"
    before = {url: count(client, url)[1] for url in urls}
    client.force_login(coordinator_a)
    before_edit = count(client, edit)[1]
    before_unit = count(client, "/slt-enhet/enhet-a/")[1]
    add_rows(data, 20)
    after_edit = count(client, edit)[1]
    after_unit = count(client, "/slt-enhet/enhet-a/")[1]
    client.logout()
    after = {url: count(client, url)[1] for url in urls}
    grown = {url: (before[url], after[url]) for url in urls if after[url] > before[url] * 1.05 + 200}
    assert not grown, grown
    assert after_edit <= before_edit * 1.05 + 200, (before_edit, after_edit)
    assert after_unit <= before_unit * 1.05 + 200, (before_unit, after_unit)
