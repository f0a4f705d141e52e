"""Spreadsheet downloads (CSV and XLSX) shared by every app, safe against formula injection."""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse

from . import phone

# A cell starting with one of these is read as a formula (or may become one) by spreadsheet programs.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Phone(str):
    """A stored (E.164) phone number in an export row. It is data, not text to protect: CSV writes it
    as an RFC 3966 URI (`tel:+4740000000`), XLSX as a text cell `+47 400 00 000`; neither can be
    read as a formula, so it gets no apostrophe."""


def escape_cell(value):
    """Numbers stay numbers; anything else becomes text, and a leading =, +, -, @, tab, CR or LF
    gets an apostrophe so it stays text."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename: str, header: Sequence, rows: Iterable[Sequence]) -> HttpResponse:
    """A semicolon-separated UTF-8 CSV download with a BOM (so Excel reads æøå), every cell escaped."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([escape_cell(cell) for cell in header])
    writer.writerows([_csv_cell(cell) for cell in row] for row in rows)
    return _attachment(HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8"), filename)


def xlsx_response(filename: str, header: Sequence, rows: Iterable[Sequence], *, sheet_title: str = "") -> HttpResponse:
    """An XLSX download (one sheet; numbers stay numbers, text is escaped like the CSV)."""
    from openpyxl import Workbook  # imported here: only export views need it

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(sheet_title)[:31] or None)
    sheet.append([escape_cell(cell) for cell in header])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE), filename)


def _csv_cell(value):
    if isinstance(value, Phone):
        return phone.tel_uri(value)
    return escape_cell(value)


def _xlsx_cell(sheet, value):
    if isinstance(value, Phone):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=phone.grouped(value))
        cell.number_format = "@"  # text, so no spreadsheet turns it into a number or a formula
        return cell
    return escape_cell(value)
