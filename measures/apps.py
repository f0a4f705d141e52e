from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _account_links(*, user):
    from django.urls import reverse

    from accounts.permissions import is_coordinator, is_sfk_admin

    if is_coordinator(user) or is_sfk_admin(user):
        return [(_("Mine tiltak"), reverse("measures:mine"))]
    return []


def _personal_data(*, user):
    from .models import Measure

    rows = Measure.objects.filter(contact_email__iexact=user.email).values_list(
        "pk", "title", "contact_name", "contact_email"
    )
    return {
        "measures_contact": [
            {"measure_id": pk, "title": title, "contact_name": name, "contact_email": email}
            for pk, title, name, email in rows
        ]
    }


def _unit_page_section(*, unit, request) -> str:
    from django.template.loader import render_to_string

    from .models import Measure

    return render_to_string(
        "measures/includes/unit_measures.html", {"measures": Measure.objects.for_unit(unit)}, request=request
    )


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = _("Tiltak")

    def ready(self):
        from accounts.selectors import ACCOUNT_LINK_PROVIDERS, PERSONAL_DATA_PROVIDERS
        from municipalities.hooks import UNIT_PAGE_SECTIONS

        ACCOUNT_LINK_PROVIDERS.append(_account_links)
        PERSONAL_DATA_PROVIDERS.append(_personal_data)
        UNIT_PAGE_SECTIONS.append((10, _unit_page_section))
