"""The Sfk admin landing page (/sfk/) with the national picture and its CSV/XLSX export."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from accounts.permissions import is_sfk_admin, sfk_admin_required
from core.exports import csv_response, xlsx_response

from .selectors import national_picture, national_picture_rows


def admin_tools(*, superuser: bool = False) -> list[tuple[str, list[tuple[str, str]]]]:
    """Links to the admin tools of every app, grouped; Django's admin only for superusers."""
    return [
        (
            _("SLT-enheter og koordinatorer"),
            [
                (_("SLT-enheter og koordinatorer"), reverse("municipalities:admin_units")),
                (_("Ny SLT-enhet"), reverse("municipalities:unit_create")),
                (_("Oppføringer som ikke er bekreftet"), reverse("municipalities:stale")),
                (_("Invitasjoner"), reverse("municipalities:invitations")),
                (_("Last ned katalogen (CSV)"), reverse("municipalities:export")),
            ],
        ),
        (
            _("Brukere"),
            [
                (_("Brukerkontoer og roller"), reverse("accounts:user_list")),
                (_("Innloggingssperrer"), reverse("accounts:lockouts")),
            ],
        ),
        (
            _("Innhold"),
            [
                (_("Dokumenter jeg kan redigere"), reverse("documents:mine")),
                (_("Nytt dokument"), reverse("documents:create")),
                (_("Aktuelt"), reverse("documents:news_list")),
                (_("Ny nyhet"), reverse("documents:news_create")),
                (_("Rediger «Om SLT»"), reverse("documents:page_edit", args=["om-slt"])),
                (_("Rediger tilgjengelighetserklæringen"), reverse("documents:page_edit", args=["tilgjengelighet"])),
                (_("Rediger personvernerklæringen"), reverse("documents:page_edit", args=["personvern"])),
                (_("Meldinger fra kontaktskjemaet"), reverse("documents:contact_messages")),
            ],
        ),
        (
            _("Tiltak"),
            [
                (_("Tiltaksbanken"), reverse("measures:list")),
                (_("Last ned tiltak (Excel)"), reverse("measures:export_xlsx")),
                (_("Temaer og andre lister"), reverse("measures:lists")),
            ],
        ),
        (
            _("Arrangementer"),
            [
                (_("Arrangementer, påmeldinger, opptak og lysark"), reverse("events:admin_list")),
                (_("Nytt arrangement"), reverse("events:event_create")),
                (_("Opptak fra konferanser"), reverse("events:recordings")),
            ],
        ),
        (
            _("Teknisk"),
            [
                (_("Utgående e-post"), reverse("sfk_outbox")),
                *([(_("Django-administrasjon"), reverse("admin:index"))] if superuser else []),
            ],
        ),
    ]


@require_safe
@sfk_admin_required
def dashboard(request):
    context = {
        "picture": national_picture(),
        "tools": admin_tools(superuser=request.user.is_superuser),
        "crumbs": [(_("Sfk-administrasjon"), "")],
    }
    return render(request, "sfk/dashboard.html", context)


def _filename(ext: str) -> str:
    return f"slt-nasjonalt-bilde-{timezone.localdate():%Y-%m-%d}.{ext}"


def _header() -> list[str]:
    return [_("Del"), _("Punkt"), _("Antall"), _("Av totalt")]


@require_safe
@sfk_admin_required
def export_csv(request):
    return csv_response(_filename("csv"), _header(), national_picture_rows(national_picture()))


@require_safe
@sfk_admin_required
def export_xlsx(request):
    rows = national_picture_rows(national_picture())
    return xlsx_response(_filename("xlsx"), _header(), rows, sheet_title=_("Nasjonalt bilde"))


def account_links(*, user) -> list[tuple[str, str]]:
    """The account page links to the Sfk area for Sfk admins."""
    if not is_sfk_admin(user):
        return []
    return [(_("Sfk-administrasjon"), reverse("sfk_dashboard"))]
