from django.urls import path
from django.utils.translation import gettext_lazy as _

from slt_portal.views import placeholder

app_name = "municipalities"

urlpatterns = [
    path(
        "finn-koordinator/",
        placeholder,
        {"title": _("Finn din SLT-koordinator"),
         "description": _("Søk etter SLT-koordinatoren i din kommune.")},
        name="search",
    ),
]
