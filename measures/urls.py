from django.urls import path
from django.utils.translation import gettext_lazy as _

from slt_portal.views import placeholder

app_name = "measures"

urlpatterns = [
    path(
        "tiltak/",
        placeholder,
        {"title": _("Tiltaksbanken"),
         "description": _("Forebyggende tiltak som kommunene driver, til inspirasjon og deling.")},
        name="list",
    ),
]
