"""URLs of the JSON API: /api/v1/… (every view wrapped by http.api_view) and a JSON 404 for any
other path under /api/. The documentation pages (/api/, /nn/api/, /en/api/) are in the
project's i18n_patterns (slt_portal.urls)."""

from django.urls import include, path, re_path

from . import directory, event_calendar, info, library, measure_bank
from .base import api
from .http import api_view, not_found

for module in (info, directory, measure_bank, library, event_calendar):
    api.add_router("", module.router)

_patterns, _app_name, _namespace = api.urls
for _pattern in _patterns:
    _pattern.callback = api_view(_pattern.callback)

urlpatterns = [
    path("api/v1/", include((_patterns, _app_name), namespace=_namespace)),
    re_path(r"^api/(?P<rest>.+)$", api_view(not_found)),
]
