"""Phone numbers in the directory (issue 10, item 7 and 10): validated, stored as E.164, shown
grouped without wrapping, exported as data."""

import csv
import io

import pytest
from openpyxl import load_workbook

from municipalities.models import Coordinator
from tests.factories import CoordinatorFactory

from .factories import unit_for

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def _coordinator_post(phone):
    return {
        "name": "Kari Nordmann",
        "title": "SLT-koordinator",
        "email": "kari@kommune.example.no",
        "phone": phone,
        "is_public": "on",
    }


@pytest.mark.parametrize("bad", ["abc", "12", "ring meg ikke"])
def test_coordinator_form_rejects_what_is_not_a_phone_number(client, unit_a, coordinator_a, bad):
    entry = unit_a.coordinators.get()
    client.force_login(coordinator_a)
    response = client.post(f"/koordinator/{entry.pk}/rediger/", _coordinator_post(bad))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_phone_error"' in html and "Skriv et gyldig telefonnummer" in html
    entry.refresh_from_db()
    assert entry.phone != bad


def test_coordinator_phone_is_stored_as_e164_and_shown_grouped_on_the_unit_page(client, unit_a, coordinator_a):
    entry = unit_a.coordinators.get()
    client.force_login(coordinator_a)
    response = client.post(f"/koordinator/{entry.pk}/rediger/", _coordinator_post("400 00 000"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.phone == "+4740000000"
    client.logout()
    html = client.get(f"/slt-enhet/{unit_a.slug}/").content.decode()
    assert f'<a class="ds-link nowrap" href="tel:+4740000000">+47{NBSP}400{NBSP}00{NBSP}000</a>' in html


def test_unit_has_its_own_phone_number(client, unit_a, coordinator_a):
    client.force_login(coordinator_a)
    url = f"/slt-enhet/{unit_a.slug}/rediger/"
    assert 'name="phone"' in client.get(url).content.decode()
    bad = client.post(url, {"email": unit_a.email, "phone": "ring meg ikke"})
    assert bad.status_code == 400 and 'id="id_phone_error"' in bad.content.decode()
    assert client.post(url, {"email": unit_a.email, "phone": "55 55 55 55"}).status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.phone == "+4755555555"
    html = client.get(f"/slt-enhet/{unit_a.slug}/").content.decode()
    assert f"+47{NBSP}55{NBSP}55{NBSP}55{NBSP}55" in html and 'href="tel:+4755555555"' in html


@pytest.fixture
def exported(municipalities):
    unit = unit_for("4601", name="SLT Bergen", coordinator=False, phone="+4755566000")
    CoordinatorFactory(unit=unit, name='=HYPERLINK("http://evil")', title="+47 tittel", phone="+4740000000")
    return unit


def test_csv_writes_phone_numbers_as_tel_uris_and_still_escapes_text(client, exported):
    body = client.get("/finn-koordinator/eksport.csv").content.decode("utf-8").lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    header, row = rows[0], next(r for r in rows if "HYPERLINK" in "".join(r))
    record = dict(zip(header, row, strict=True))
    assert record["Telefon"] == "tel:+4740000000"
    assert record["Enhetens telefon"] == "tel:+4755566000"
    assert record["Koordinator"].startswith("'=") and record["Stillingstittel"] == "'+47 tittel"
    assert "'" not in record["Telefon"]


def test_xlsx_writes_phone_numbers_as_grouped_text(client, exported):
    response = client.get("/finn-koordinator/eksport.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, row = rows[0], next(r for r in rows if "HYPERLINK" in str(r))
    record = dict(zip(header, row, strict=True))
    assert record["Telefon"] == "+47 400 00 000"
    assert record["Enhetens telefon"] == "+47 55 56 60 00"


def test_open_data_page_documents_the_phone_format(client):
    for url in ("/om-slt/apne-data/", "/nn/om-slt/apne-data/", "/en/om-slt/apne-data/"):
        html = client.get(url).content.decode()
        assert "tel:+4740000000" in html and "+47 400 00 000" in html, url


def test_database_refuses_a_number_that_is_not_e164(unit_a):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CoordinatorFactory(unit=unit_a, phone="abc")
    assert not Coordinator.objects.filter(phone="abc").exists()
