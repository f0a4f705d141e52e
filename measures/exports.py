"""CSV and XLSX export of the current search result."""

import csv
import io

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .selectors import SearchParams, measure_export_rows

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def escape_cell(value) -> str:
    """Neutralise spreadsheet formula injection: a leading =, +, -, @ or control character is
    prefixed with an apostrophe so the cell stays text."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _header() -> list[str]:
    return [
        _("ID"),
        _("Tittel"),
        _("Sammendrag"),
        _("SLT-enhet"),
        _("Kommuner"),
        _("Temaer"),
        _("Arenaer"),
        _("Aldersgrupper"),
        _("Forebyggingsnivå"),
        _("Status"),
        _("Evidensnivå (Ungsinn)"),
        _("Kontaktperson"),
        _("E-post"),
        _("Nettadresse"),
    ]


def _rows(params: SearchParams):
    for m in measure_export_rows(params=params):
        evidence = (
            m.get_ungsinn_level_display()
            if m.ungsinn_level is not None
            else _("Lokal praksis, ikke evidensvurdert")
            if not m.is_evidence_rated
            else _("Ikke vurdert i Ungsinn")
        )
        yield [
            str(m.pk),
            m.title,
            m.summary,
            m.unit.name,
            ", ".join(x.name for x in m.unit.municipalities.all()),
            ", ".join(x.localized_name for x in m.themes.all()),
            ", ".join(x.localized_name for x in m.arenas.all()),
            ", ".join(x.localized_name for x in m.age_bands.all()),
            ", ".join(x.localized_name for x in m.prevention_levels.all()),
            m.get_status_display(),
            evidence,
            m.contact_name,
            m.contact_email,
            settings.SITE_URL + m.get_absolute_url(),
        ]


def _filename(ext: str) -> str:
    return f"tiltak-{timezone.localdate():%Y-%m-%d}.{ext}"


def csv_response(*, params: SearchParams) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("csv")}"'
    response.write("\ufeff")  # BOM: Excel then reads æøå as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(_header())
    for row in _rows(params):
        writer.writerow([escape_cell(cell) for cell in row])
    return response


def xlsx_response(*, params: SearchParams) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Tiltak"))
    sheet.append(_header())
    for row in _rows(params):
        sheet.append([escape_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("xlsx")}"'
    return response
