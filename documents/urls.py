from django.urls import path
from django.utils.translation import gettext_lazy as _

from slt_portal.views import placeholder

app_name = "documents"

urlpatterns = [
    path(
        "dokumenter/",
        placeholder,
        {"title": _("Dokumenter og publikasjoner"),
         "description": _("SLT-håndboken, veiledere, rapporter og lokale SLT-dokumenter.")},
        name="library",
    ),
    path(
        "aktuelt/",
        placeholder,
        {"title": _("Aktuelt"), "description": _("Nyheter fra SLT-arbeidet.")},
        name="news_list",
    ),
    path(
        "om-slt/",
        placeholder,
        {"title": _("Om SLT"), "description": _("Hva SLT-modellen er og hvordan kommuner tar den i bruk.")},
        name="about",
    ),
    path(
        "kontakt/",
        placeholder,
        {"title": _("Kontakt"), "description": _("Ta kontakt med Sekretariatet for konfliktrådene (Sfk).")},
        name="contact",
    ),
    path(
        "tilgjengelighet/",
        placeholder,
        {"title": _("Tilgjengelighetserklæring"),
         "description": _("Hvordan SLT-portalen oppfyller kravene til universell utforming.")},
        name="accessibility",
    ),
    path(
        "personvern/",
        placeholder,
        {"title": _("Personvernerklæring"),
         "description": _("Hvilke personopplysninger SLT-portalen behandler, og hvorfor.")},
        name="privacy",
    ),
]
