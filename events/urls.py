from django.urls import path
from django.utils.translation import gettext_lazy as _

from slt_portal.views import placeholder

app_name = "events"

urlpatterns = [
    path(
        "arrangementer/",
        placeholder,
        {"title": _("Kurs, konferanser og samlinger"),
         "description": _("SLT-konferansen, innføringskurs, digitale samlinger og nettverksmøter.")},
        name="list",
    ),
]
