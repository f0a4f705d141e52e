import csv
import io

import pytest
from openpyxl import load_workbook

from core.exports import csv_response, escape_cell, xlsx_response


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_formula_prefixes_are_escaped(prefix):
    assert escape_cell(f"{prefix}SUM(A1)") == f"'{prefix}SUM(A1)"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), ("", ""), (42, 42), (-1.5, -1.5), (True, "True"), ("a=b", "a=b"), ("Æøå", "Æøå")],
)
def test_plain_values_stay_as_they_are(value, expected):
    assert escape_cell(value) == expected


def test_csv_response_has_bom_semicolons_and_escaped_cells():
    response = csv_response("liste.csv", ["Navn", "=Kolonne"], [["Blåbær", '=HYPERLINK("x")'], ["-1", None]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    assert rows == [["Navn", "'=Kolonne"], ["Blåbær", '\'=HYPERLINK("x")'], ["'-1", ""]]


def test_csv_response_accepts_a_generator():
    response = csv_response("x.csv", ["n"], ([str(i)] for i in range(3)))
    assert response.content.decode("utf-8").splitlines()[1:] == ["0", "1", "2"]


def test_xlsx_response_keeps_numbers_and_escapes_text():
    response = xlsx_response("liste.xlsx", ["Navn", "Tall"], [["=1+1", 7], ["Æøå", "@x"]], sheet_title="Deltakere")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="liste.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet.title == "Deltakere"
    assert list(sheet.iter_rows(values_only=True)) == [("Navn", "Tall"), ("'=1+1", 7), ("Æøå", "'@x")]
    assert sheet["A2"].data_type == "s"


def test_xlsx_sheet_title_is_cut_to_excels_limit():
    response = xlsx_response("x.xlsx", ["a"], [], sheet_title="x" * 40)
    assert load_workbook(io.BytesIO(response.content)).active.title == "x" * 31


def test_phone_numbers_are_data_not_escaped_text():
    from core.exports import Phone

    rows = [["=Navn", Phone("+4740000000"), Phone("")]]
    body = csv_response("liste.csv", ["A", "B", "C"], rows).content.decode("utf-8")
    parsed = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    assert parsed[1] == ["'=Navn", "tel:+4740000000", ""]  # RFC 3966, other text still escaped

    response = xlsx_response("liste.xlsx", ["A", "B", "C"], rows)
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet["B2"]
    assert cell.value == "+47 400 00 000" and cell.data_type == "s" and cell.number_format == "@"
    assert sheet["A2"].value == "'=Navn"
