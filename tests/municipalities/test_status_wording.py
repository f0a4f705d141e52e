"""One wording for SLT status: the map (legend and area titles), the county list, the coverage
table, the municipality and unit pages and the CSV all say the same, in every language."""

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.utils import translation

from municipalities.models import STATUS_TEXT, District, SLTUnit, status_text
from tests.factories import SLTUnitFactory

from .factories import district_unit, unit_for

pytestmark = pytest.mark.django_db

# kommunenummer → the wording (nb) the directory must use for it everywhere.
EXPECTED_NB = {
    "4601": "SLT i drift",  # Bergen: an active unit
    "1103": "SLT under etablering",  # Stavanger: a unit being set up
    "1151": "Ingen SLT-enhet",  # Utsira: no unit
    "0301": "SLT i 1 av 15 bydeler",  # Oslo: SLT per district
}


@pytest.fixture
def statuses(municipalities):
    unit_for("4601", name="SLT Bergen", slug="bergen")
    unit_for("1103", name="SLT Stavanger", slug="stavanger", status=SLTUnit.Status.ESTABLISHING)
    district_unit(District.objects.get(name="Grünerløkka"))
    return SLTUnitFactory(name="SLT Nedlagt", slug="nedlagt", status=SLTUnit.Status.ENDED)


class _Rows(HTMLParser):
    """The cell texts of every table row, keyed by the kommunenummer its row header links to."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, list[str]] = {}
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._number = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row, self._number = [], None
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "a" and self._cell is not None:
            match = re.fullmatch(r"(?:/\w\w)?/kommune/(\d{4})/", dict(attrs).get("href", ""))
            if match:
                self._number = match[1]

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if self._number:
                self.rows[self._number] = self._row
            self._row = None


def _rows(html: str) -> dict[str, list[str]]:
    parser = _Rows()
    parser.feed(html)
    return parser.rows


def _expected(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "4601": status_text(SLTUnit.Status.ACTIVE),
            "1103": status_text(SLTUnit.Status.ESTABLISHING),
            "1151": status_text(None),
            "0301": status_text(SLTUnit.Status.ACTIVE, districts=(1, 15)),
            "ended": status_text(SLTUnit.Status.ENDED),
        }


def test_the_wording_in_bokmal():
    with translation.override("nb"):
        assert {k: v for k, v in _expected("nb").items() if k != "ended"} == EXPECTED_NB
        assert _expected("nb")["ended"] == "SLT avsluttet"


@pytest.mark.parametrize("language", ["nn", "en"])
def test_the_catalogues_translate_every_wording(language):
    path = Path(__file__).resolve().parents[2] / f"municipalities/locale/{language}/LC_MESSAGES/django.po"
    catalogue = {entry.msgid: entry.msgstr for entry in polib.pofile(str(path)) if not entry.obsolete}
    with translation.override("nb"):  # the source wording is the msgid
        msgids = [str(text) for text in STATUS_TEXT.values()]
    for msgid in (*msgids, "SLT i %(covered)s av %(total)s bydeler"):
        assert catalogue.get(msgid), (language, msgid)


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_map_tables_and_pages_say_the_same(client, statuses, language):
    expected = _expected(language)
    prefix = "" if language == "nb" else f"/{language}"

    coverage = client.get(f"{prefix}/dekningskart/").content.decode()
    county_list = client.get(f"{prefix}/fylker/").content.decode()
    coverage_rows, county_rows = _rows(coverage), _rows(county_list)
    for number in EXPECTED_NB:
        wording = expected[number]
        name = coverage_rows[number][0]
        assert f"<title>{name}: {wording}</title>" in coverage, (number, "map title")
        assert coverage_rows[number][-1] == wording, (number, "coverage table")
        assert county_rows[number][1] == wording, (number, "county list")
        page = client.get(f"{prefix}/kommune/{number}/").content.decode()
        assert f'<span class="place-status">{wording}</span>' in page, (number, "municipality page")

    # The legend names the three colours in the words of the areas' titles.
    legend = coverage.split("<figcaption", 1)[1].split("</figcaption>", 1)[0]
    for number in ("4601", "1103", "1151"):
        assert expected[number] in legend

    # A unit's tag (municipality and unit pages) says the same as its places.
    for number, slug in (("4601", "bergen"), ("1103", "stavanger")):
        tag = f'">{expected[number]}</span>'
        assert tag in client.get(f"{prefix}/kommune/{number}/").content.decode()
        assert tag in client.get(f"{prefix}/slt-enhet/{slug}/").content.decode()
    assert f'">{expected["ended"]}</span>' in client.get(f"{prefix}/slt-enhet/nedlagt/").content.decode()


def test_csv_export_uses_the_same_wording(client, statuses):
    response = client.get("/finn-koordinator/eksport.csv")
    assert response.status_code == 200, response
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    by_number = {row[0]: row[5] for row in rows[1:] if row[2] == ""}
    assert by_number["4601"] == EXPECTED_NB["4601"]
    assert by_number["1103"] == EXPECTED_NB["1103"]
