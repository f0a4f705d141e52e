"""URLs of the JSON API: /api/v1/… (every view wrapped by http.api_view) and a JSON 404 for any
other path under /api/. The documentation pages (/api/, /nn/api/, /en/api/) are in the
project's i18n_patterns (slt_portal.urls).

Anonymous GET/HEAD answers are kept in the page cache (core.pagecache) like public pages: each
operation's known query parameters come from the OpenAPI schema (any other parameter bypasses the
cache), and the rate limit runs before every hit (the "api" gate)."""

import re

from django.urls import include, path, re_path

from core.pagecache import cache_public

from . import directory, event_calendar, info, library, measure_bank
from .base import api
from .http import GATE, api_view, not_found

for module in (info, directory, measure_bank, library, event_calendar):
    api.add_router("", module.router)


def _query_parameters() -> dict[str, list[str]]:
    """OpenAPI path ("/measures/{measure_id}") -> the GET operation's query parameter names."""
    schema = api.get_openapi_schema(path_prefix="")
    return {
        api_path: [param["name"] for param in operations["get"].get("parameters", []) if param["in"] == "query"]
        for api_path, operations in schema["paths"].items()
        if "get" in operations
    }


_patterns, _app_name, _namespace = api.urls
_params = _query_parameters()
for _pattern in _patterns:
    _pattern.callback = api_view(_pattern.callback)
    _api_path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(_pattern.pattern))
    if _api_path in _params:
        _pattern.callback = cache_public(*_params[_api_path], gate=GATE)(_pattern.callback)

urlpatterns = [
    path("api/v1/", include((_patterns, _app_name), namespace=_namespace)),
    re_path(r"^api/(?P<rest>.+)$", api_view(not_found)),
]
