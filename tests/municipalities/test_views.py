import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from municipalities.models import District, SLTUnit
from tests.factories import CoordinatorFactory
from tests.helpers import assert_pages

from .factories import district_unit, unit_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(municipalities):
    bergen = unit_for("4601", name="SLT Bergen")
    midt_troms = unit_for("5520", "5524", "5526", name="SLT Midt-Troms", slug="midt-troms")
    salto = district_unit(District.objects.get(name="Grünerløkka"))
    return {"bergen": bergen, "midt_troms": midt_troms, "salto": salto}


def test_public_directory_pages_in_all_languages(client, directory):
    assert_pages(
        client,
        [
            "/finn-koordinator/",
            "/finn-koordinator/?q=Bergen",
            "/finn-koordinator/?q=xqzvw",
            "/kommune/4601/",
            "/kommune/0301/",
            "/kommune/5524/",
            "/kommune/1151/",
            "/fylker/",
            "/dekningskart/",
            "/slt-enhet/midt-troms/",
        ],
    )


def test_search_result_shows_unit_coordinator_and_verified_date(client, directory):
    coordinator = directory["bergen"].coordinators.get()
    html = client.get("/finn-koordinator/", {"q": "Bergen"}).content.decode()
    assert "SLT Bergen" in html
    assert coordinator.name in html
    assert f"mailto:{coordinator.email}" in html
    assert "Sist bekreftet" in html


def test_empty_query_shows_form_only_and_no_result_says_so(client, directory):
    html = client.get("/finn-koordinator/", {"q": ""}).content.decode()
    assert "treff" not in html
    html = client.get("/finn-koordinator/", {"q": "xqzvw"}).content.decode()
    assert "0 treff" in html
    assert "Vi fant ingen" in html


def test_municipality_without_unit_points_to_sfk(client, directory, settings):
    html = client.get("/kommune/1151/").content.decode()  # Utsira
    assert "har ingen registrert SLT-enhet" in html
    assert settings.CONTACT_EMAIL in html


def test_unknown_municipality_is_404(client, directory):
    assert client.get("/kommune/9999/").status_code == 404


def test_inter_municipal_unit_lists_members(client, directory):
    html = client.get("/kommune/5524/").content.decode()
    assert "Interkommunal enhet for" in html
    for name in ("Bardu", "Målselv", "Sørreisa"):
        assert name in html


def test_oslo_page_counts_districts(client, directory):
    html = client.get("/kommune/0301/").content.decode()
    assert "1 av 15 bydeler" in html
    assert directory["salto"].name in html


def test_vacant_position_shows_unit_email(client, directory):
    unit = directory["bergen"]
    unit.coordinators.update(ended_at="2026-01-01T00:00:00Z")
    html = client.get("/kommune/4601/").content.decode()
    assert "Stilling ledig" in html
    assert unit.email in html


def test_non_public_coordinator_is_hidden(client, directory):
    CoordinatorFactory(unit=directory["bergen"], name="Hemmelig Assistent", is_public=False)
    assert "Hemmelig Assistent" not in client.get("/kommune/4601/").content.decode()


def test_coverage_page_counts_and_credits_kartverket(client, directory):
    html = client.get("/dekningskart/").content.decode()
    assert "5 av 357 kommuner har SLT" in html  # Bergen, 3 in Midt-Troms, Oslo (one district)
    assert "Kartverket" in html
    assert 'href="#coverage-table"' in html and 'id="coverage-table"' in html
    assert html.count("<title>") >= 357


def _grow(count, start):
    from municipalities.models import Municipality

    free = Municipality.objects.current().filter(memberships__isnull=True).order_by("number")[start : start + count]
    for m in free:
        unit_for(m.number)


@pytest.mark.parametrize(
    "url", ["/fylker/", "/finn-koordinator/?q=Vestland", "/dekningskart/", "/finn-koordinator/eksport.csv"]
)
def test_query_count_constant_as_units_grow(client, municipalities, url):
    # Every branch of the search runs in both measurements: a unit in Vestland named after it.
    unit_for("4601", name="SLT Vestland Bergen")
    district_unit(District.objects.get(name="Alna"))
    _grow(9, 0)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow(289, 9)
    assert SLTUnit.objects.count() == 300
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)


def test_csv_export_has_bom_and_escapes_formulas(client, directory):
    CoordinatorFactory(
        unit=directory["bergen"],
        name='=HYPERLINK("http://evil")',
        title="+47 tittel",
        email="a@example.no",
        phone="+4740000000",
    )
    response = client.get("/finn-koordinator/eksport.csv")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][0] == "Kommunenummer"
    evil = next(r for r in rows if "HYPERLINK" in r[8])
    assert evil[8].startswith("'=")
    assert evil[9].startswith("'+")
    assert evil[11] == "tel:+4740000000"  # a phone number is data: no apostrophe (issue 10)
    assert any(r[1] == "Målselv" for r in rows)  # æøå intact
    assert any(r[2] == "Grünerløkka" for r in rows)


def test_pages_for_logged_in_roles(client, roles, unit_a):
    client.force_login(roles["coordinator_a"])
    assert_pages(
        client,
        [
            "/min-slt-enhet/",
            f"/slt-enhet/{unit_a.slug}/rediger/",
            f"/koordinator/{unit_a.coordinators.get().pk}/rediger/",
            f"/koordinator/{unit_a.coordinators.get().pk}/avslutt/",
        ],
        max_queries=10,
    )
    client.force_login(roles["sfk_admin"])
    assert_pages(
        client,
        [
            "/sfk/slt-enheter/",
            "/sfk/slt-enheter/ny/",
            "/sfk/ikke-bekreftet/",
            f"/slt-enhet/{unit_a.slug}/historikk/",
            f"/slt-enhet/{unit_a.slug}/ny-koordinator/",
            f"/slt-enhet/{unit_a.slug}/rediger/",
        ],
        max_queries=10,
    )


def test_unit_page_for_sfk_admin_stays_within_the_query_budget(client, roles, unit_a):
    # The Sfk view adds the coordinator table (with the public list, one query) and the 2FA device.
    client.force_login(roles["sfk_admin"])
    assert_pages(client, [f"/slt-enhet/{unit_a.slug}/"])


def test_account_page_links_to_my_unit(client, coordinator_a):
    client.force_login(coordinator_a)
    html = client.get("/konto/").content.decode()
    assert "/min-slt-enhet/" in html


def test_directory_is_translated(client, directory):
    assert "Find your SLT coordinator" in client.get("/en/finn-koordinator/").content.decode()
    assert "Finn SLT-koordinatoren din" in client.get("/nn/finn-koordinator/").content.decode()
    html = client.get("/en/kommune/1151/").content.decode()
    assert "Utsira has no registered SLT unit." in html
    assert "Position vacant" not in html


def test_coverage_counts_establishing_units_separately(client, directory):
    unit_for("1151", status=SLTUnit.Status.ESTABLISHING)  # Utsira
    html = client.get("/fylker/").content.decode()
    assert "5 av 357 kommuner har SLT" in html
    assert "1 kommune er i gang med å etablere SLT." in html


def test_sami_and_kven_name_forms_are_language_tagged(client, municipalities):
    html = client.get("/kommune/5622/").content.decode()
    assert '<span lang="se">Porsáŋgu</span>' in html
    assert '<span lang="fkv">Porsanki</span>' in html
    html = client.get("/finn-koordinator/", {"q": "Guovdageaidnu"}).content.decode()
    assert '<span lang="se">Guovdageaidnu</span>' in html


def test_my_unit_warns_when_not_verified_for_a_year(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    assert "ikke bekreftet det siste året" in client.get("/min-slt-enhet/").content.decode()
    client.post(f"/slt-enhet/{unit_a.slug}/bekreft/")
    assert "ikke bekreftet det siste året" not in client.get("/min-slt-enhet/").content.decode()
