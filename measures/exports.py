"""CSV and XLSX export of the current search result."""

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import exports

from .search import SearchParams, measure_export_rows


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
        _("Kunnskapsgrunnlag"),
        _("Kontaktperson"),
        _("E-post"),
        _("Nettadresse"),
    ]


def _rows(params: SearchParams):
    for m in measure_export_rows(params=params):
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
            m.evidence_label,
            m.contact_name,
            m.contact_email,
            settings.SITE_URL + m.get_absolute_url(),
        ]


def _filename(ext: str) -> str:
    return f"tiltak-{timezone.localdate():%Y-%m-%d}.{ext}"


def csv_response(*, params: SearchParams) -> HttpResponse:
    return exports.csv_response(_filename("csv"), _header(), _rows(params))


def xlsx_response(*, params: SearchParams) -> HttpResponse:
    return exports.xlsx_response(_filename("xlsx"), _header(), _rows(params), sheet_title=_("Tiltak"))
