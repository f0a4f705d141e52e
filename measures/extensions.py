"""What measures adds to other apps' pages through their hooks; registered in apps.py."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.permissions import is_coordinator, is_sfk_admin
from accounts.selectors import field_labels
from core.http import PeekPage

from .cards import CardResults
from .models import Measure


def account_links(*, user):
    if is_coordinator(user) or is_sfk_admin(user):
        return [(_("Mine tiltak"), reverse("measures:mine"))]
    return []


def personal_data_labels() -> dict:
    return {
        "measures_contact": {
            "title": _("Tiltak der du er kontaktperson"),
            "fields": {"measure_id": _("Tiltakets nummer")}
            | field_labels(Measure, "title", "contact_name", "contact_email"),
        }
    }


def personal_data(*, user):
    rows = Measure.objects.filter(contact_email__iexact=user.email).values_list(
        "pk", "title", "contact_name", "contact_email"
    )
    return {
        "measures_contact": [
            {"measure_id": pk, "title": title, "contact_name": name, "contact_email": email}
            for pk, title, name, email in rows
        ]
    }


#: Measures per page on the unit page (`?tiltak=2` for the next ones).
UNIT_PAGE_SIZE = 10


def unit_page_section(*, unit, request) -> str:
    """The unit page lists the unit's published measures, a page at a time, with a link to the
    measure bank for the unit's county."""
    page = PeekPage(CardResults(Measure.objects.for_unit(unit)), request.GET.get("tiltak"), size=UNIT_PAGE_SIZE)
    members = getattr(unit, "member_list", None) or []
    county = members[0].municipality.county if members else None
    bank = reverse("measures:list") + (f"?county={county.number}" if county else "")
    return render_to_string(
        "measures/includes/unit_measures.html",
        {"measures": page, "county": county, "bank_url": bank},
        request=request,
    )
