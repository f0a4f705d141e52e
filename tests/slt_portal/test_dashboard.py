import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from measures.models import Measure
from municipalities.models import Coordinator, District, Municipality, SLTUnit
from outbox.models import OutboxMessage
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import (
    CoordinatorFactory,
    MunicipalityFactory,
    SLTUnitFactory,
    UnitDistrictFactory,
    UnitMunicipalityFactory,
)
from tests.helpers import assert_pages
from tests.measures.factories import MeasureFactory

pytestmark = pytest.mark.django_db

DASHBOARD = "/sfk/"


def _grow(n: int, tag: str):
    """n more units with municipalities, coordinators, measures, events and e-mails."""
    for i in range(n):
        unit = SLTUnitFactory(status=SLTUnit.Status.ACTIVE if i % 2 else SLTUnit.Status.ESTABLISHING)
        UnitMunicipalityFactory(unit=unit, municipality=MunicipalityFactory())
        CoordinatorFactory(unit=unit)
        MeasureFactory(
            unit=unit,
            state=Measure.State.PUBLISHED,
            themes=["rus-alkohol", "vold"],
            classifications={"age_bands": ["13-15"]},
        )
        event = EventFactory(title=f"Arrangement {tag}{i}")
        RegistrationFactory(event=event)
        OutboxMessage.objects.create(to=["x@example.no"], subject="s", body="b", attempts=i % 2)


def test_dashboard_permissions(client, roles):
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    for name in ("coordinator_a", "coordinator_b"):
        client.force_login(roles[name])
        assert client.get(DASHBOARD).status_code == 403
        assert client.get(reverse("sfk_export_csv")).status_code == 403
        assert client.get(reverse("sfk_export_xlsx")).status_code == 403
    client.force_login(roles["sfk_admin"])
    assert client.get(DASHBOARD).status_code == 200


def test_dashboard_does_not_shadow_app_sfk_pages(client, sfk_admin):
    client.force_login(sfk_admin)
    assert reverse("sfk_dashboard") == "/sfk/"
    assert client.get(reverse("municipalities:admin_units")).status_code == 200
    assert client.get(reverse("municipalities:stale")).status_code == 200


def test_dashboard_pages_constant_queries(client, sfk_admin):
    client.force_login(sfk_admin)
    _grow(2, "a")
    assert_pages(client, [DASHBOARD])
    _grow(8, "b")
    assert_pages(client, [DASHBOARD])


def test_dashboard_shows_national_picture(client, sfk_admin, municipalities):
    oslo = Municipality.objects.current().get(number="0301")
    bergen = Municipality.objects.current().get(number="4601")
    unit = SLTUnitFactory(name="SLT Bergen")
    UnitMunicipalityFactory(unit=unit, municipality=bergen)
    salto = SLTUnitFactory(name="SaLTo Grünerløkka")
    UnitDistrictFactory(unit=salto, district=District.objects.filter(municipality=oslo).first())
    CoordinatorFactory(unit=unit, verified_at=timezone.now() - dt.timedelta(days=400))
    CoordinatorFactory(unit=unit, verified_at=timezone.now())
    MeasureFactory(unit=unit, state=Measure.State.PUBLISHED, themes=["vold"], classifications={"age_bands": ["13-15"]})
    MeasureFactory(unit=unit, themes=["vold"])  # draft: not counted
    event = EventFactory(title="Nasjonal SLT-konferanse")
    RegistrationFactory.create_batch(3, event=event)
    OutboxMessage.objects.create(to=["x@example.no"], subject="s", body="b", attempts=2)

    client.force_login(sfk_admin)
    response = client.get(DASHBOARD)
    picture = response.context["picture"]
    assert picture.municipalities == 357
    assert picture.covered == 2  # Bergen + Oslo (one district)
    assert (picture.oslo_districts_covered, picture.oslo_districts) == (1, 15)
    assert picture.stale_coordinators == 1
    assert picture.measures_published == 1
    assert dict(picture.measures_by_theme)["Vold"] == 1
    assert dict(picture.measures_by_age_band)["13–15 år"] == 1
    from core.models import Theme
    from measures.models import Classification

    assert [name for name, _n in picture.measures_by_theme] == [t.name for t in Theme.objects.all()]  # managed order
    age_bands = Classification.objects.filter(kind=Classification.Kind.AGE_BAND)
    assert [name for name, _n in picture.measures_by_age_band] == [c.name for c in age_bands]
    assert [value for value, _label, _n in picture.units_by_status] == ["active", "establishing", "ended"]
    assert [n for _value, _label, n in picture.units_by_status] == [2, 0, 0]
    assert (picture.outbox_unsent, picture.outbox_failed) == (1, 1)
    vestland = next(c for c in picture.counties if c.number == "46")
    assert vestland.covered == 1 and vestland.municipalities == 43
    html = response.content.decode()
    assert "2 / 357" in html and "1 av 15" in html
    assert "Nasjonal SLT-konferanse" in html
    assert reverse("municipalities:stale") in html
    for name in ("municipalities:admin_units", "accounts:user_list", "documents:contact_messages", "events:admin_list"):
        assert reverse(name) in html
    assert "/admin/" not in html  # Django's admin is for superusers only


def test_dashboard_in_english_and_nynorsk(client, sfk_admin):
    client.force_login(sfk_admin)
    assert "Sfk administration" in client.get("/en/sfk/").content.decode()
    assert "Vedlikehald" in client.get("/nn/sfk/").content.decode()


def _csv_rows(response):
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:]), delimiter=";"))


def test_export_csv_and_xlsx(client, sfk_admin):
    unit = SLTUnitFactory()
    UnitMunicipalityFactory(unit=unit, municipality=MunicipalityFactory(name="Kommune X"))
    EventFactory(title='=HYPERLINK("http://evil")')
    client.force_login(sfk_admin)

    response = client.get(reverse("sfk_export_csv"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = _csv_rows(response)
    assert rows[0] == ["Del", "Punkt", "Antall", "Av totalt"]
    assert ["Dekning", "Kommuner med aktiv SLT-enhet", "1", "1"] in rows  # of the municipalities in the database
    evil = [r for r in rows if "HYPERLINK" in r[1]]
    assert evil and evil[0][1].startswith("'=")

    response = client.get(reverse("sfk_export_xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0] == ["Del", "Punkt", "Antall", "Av totalt"]
    assert ["Dekning", "Kommuner med aktiv SLT-enhet", 1, 1] in values
    assert all(not str(v).startswith("=") for row in values for v in row if v is not None)


def test_account_page_links_to_dashboard_for_admins_only(client, sfk_admin, coordinator_a):
    client.force_login(sfk_admin)
    assert reverse("sfk_dashboard") in client.get(reverse("accounts:account")).content.decode()
    client.force_login(coordinator_a)
    assert 'href="/sfk/"' not in client.get(reverse("accounts:account")).content.decode()


def test_stale_count_ignores_ended_and_recent_entries(client, sfk_admin, unit_a):
    old = timezone.now() - dt.timedelta(days=500)
    CoordinatorFactory(unit=unit_a, verified_at=old)
    CoordinatorFactory(unit=unit_a, verified_at=old, ended_at=timezone.now())
    CoordinatorFactory(unit=unit_a, verified_at=timezone.now() - dt.timedelta(days=30))
    CoordinatorFactory(unit=unit_a, verified_at=None)  # never verified counts as stale
    client.force_login(sfk_admin)
    assert Coordinator.objects.stale().count() == 2
    assert client.get(DASHBOARD).context["picture"].stale_coordinators == 2


def test_dashboard_rejects_post(client, sfk_admin):
    client.force_login(sfk_admin)
    assert client.get(DASHBOARD).status_code == 200
    assert client.post(DASHBOARD).status_code == 405


def test_robots_txt_keeps_crawlers_out_of_the_sfk_area(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /sfk/" in body and "Disallow: /en/sfk/" in body


def test_directory_and_dashboard_show_the_same_coverage(client, sfk_admin):
    """One coverage definition: the public coverage map, the county list, the Sfk dashboard and the
    home page agree, and count the municipalities in the database (not a fixed 357)."""
    from tests.factories import CountyFactory, DistrictFactory

    county_a, county_b = CountyFactory(number="46", name="Fylke A"), CountyFactory(number="03", name="Fylke B")
    a = MunicipalityFactory.create_batch(5, county=county_a)
    oslo = MunicipalityFactory(county=county_b, name="Oslo")
    b = MunicipalityFactory.create_batch(2, county=county_b)
    districts = DistrictFactory.create_batch(4, municipality=oslo)
    inter = SLTUnitFactory(name="SLT interkommunal")
    for municipality in a[:2]:
        UnitMunicipalityFactory(unit=inter, municipality=municipality)
    UnitMunicipalityFactory(unit=SLTUnitFactory(status=SLTUnit.Status.ESTABLISHING), municipality=a[2])
    ended = SLTUnitFactory(status=SLTUnit.Status.ENDED)
    UnitMunicipalityFactory(unit=ended, municipality=a[3], is_current=False)
    UnitMunicipalityFactory(unit=SLTUnitFactory(status=SLTUnit.Status.ESTABLISHING), municipality=b[0])
    UnitDistrictFactory(district=districts[0])  # SaLTo: Oslo is covered
    UnitDistrictFactory(unit=SLTUnitFactory(status=SLTUnit.Status.ESTABLISHING), district=districts[1])

    summaries = [
        client.get(reverse(name)).context["summary"] for name in ("municipalities:coverage", "municipalities:counties")
    ]
    client.force_login(sfk_admin)
    response = client.get(DASHBOARD)
    picture = response.context["picture"]

    expected = (8, 3, 2, 2, 4)  # municipalities, covered (2 + Oslo), establishing, Oslo districts, of 4
    for summary in summaries:
        covered = summary.oslo_districts_covered
        assert (
            summary.municipalities,
            summary.covered,
            summary.establishing,
            covered,
            summary.oslo_districts,
        ) == expected
    got = (
        picture.target,
        picture.covered,
        picture.establishing,
        picture.oslo_districts_covered,
        picture.oslo_districts,
    )
    assert got == expected
    assert [(c.number, c.municipalities, c.covered, c.establishing) for c in picture.counties] == [
        ("03", 3, 1, 1),
        ("46", 5, 2, 1),
    ]
    assert "3 / 8" in response.content.decode()
    assert "3 av 8 kommuner har SLT" in client.get(reverse("municipalities:coverage")).content.decode()
    client.logout()
    assert "3 av 8 kommuner har SLT i drift" in client.get("/").content.decode()  # the home page: one query
