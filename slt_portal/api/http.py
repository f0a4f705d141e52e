"""What every answer under /api/ gets, wrapped around each URL pattern's view (`api_view`):

- a per-IP rate limit (core.ratelimit: a counter per client address and time window in Redis or
  the database, counted before deciding); over `API_RATE_LIMIT` a 429 with Retry-After. It also
  runs before an answer is served from the page cache (the page cache's "api" gate);
- only GET and HEAD (and OPTIONS for CORS preflight); anything else is 405;
- NUL characters in the path or query are refused with 400 (they are never valid data, and
  PostgreSQL rejects them);
- the answer in English (messages, schema texts), whatever the visitor's language cookie says;
- ETag/Last-Modified and 304 (core.conditional);
- CORS for everyone (`Access-Control-Allow-Origin: *`, no credentials) and a `Link` to the licence.
"""

import json
from functools import wraps

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from core.conditional import conditional_response
from core.http import client_ip
from core.pagecache import register_gate
from core.ratelimit import hit

from .base import LICENCE_URL

GATE = "api"
#: The rate limit is checked on every request, page cache hits included: each process writes its
#: counts to the shared counter ten at a time while a client is far below the limit (core.ratelimit).
RATE_BATCH = 10
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After, Link",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": ALLOWED_METHODS,
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


def json_error(status: int, detail: str, **headers) -> HttpResponse:
    response = HttpResponse(json.dumps({"detail": detail}), status=status, content_type="application/json")
    for name, value in headers.items():
        response.headers[name.replace("_", "-")] = value
    return response


def rate_limited(request) -> HttpResponse | None:
    """None when the request may go on; otherwise the 429 answer. The request is counted first,
    so concurrent requests cannot all slip under the limit."""
    allowed, wait = hit(
        f"api:ip:{client_ip(request)}", settings.API_RATE_LIMIT, settings.API_RATE_WINDOW, batch=RATE_BATCH
    )
    if allowed:
        return None
    return json_error(429, f"Too many requests: at most {settings.API_RATE_LIMIT} a minute.", Retry_After=str(wait))


def _has_nul(request) -> bool:
    if "\x00" in request.path:
        return True
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists())


def _answer(view, request, args, kwargs) -> HttpResponse:
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
        for name, value in PREFLIGHT_HEADERS.items():
            response.headers[name] = value
        return response
    if request.method not in ("GET", "HEAD"):
        return json_error(405, f"Method {request.method} is not allowed: the API is read-only.", Allow=ALLOWED_METHODS)
    refusal = rate_limited(request)
    if refusal is not None:
        return refusal
    if _has_nul(request):
        return json_error(400, "The path or query contains a NUL character.")
    head = request.method == "HEAD"
    request.method = "GET"  # the operations are declared for GET; HEAD is GET without the body
    try:
        with translation.override("en"):
            response = view(request, *args, **kwargs)
    finally:
        request.method = "HEAD" if head else "GET"
    if response.status_code == 200:
        response.headers["Cache-Control"] = "no-cache"
    response = conditional_response(request, response)
    if head and not response.streaming:
        response.content = b""
    return response


def _with_api_headers(response) -> HttpResponse:
    for name, value in CORS_HEADERS.items():
        response.headers[name] = value
    response.headers["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


def api_view(view):
    """Wrap one of the API's views with the behaviour above."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return _with_api_headers(_answer(view, request, args, kwargs))

    return wrapped


def _gate(request) -> HttpResponse | None:
    """Before an answer comes from the page cache: the same rate limit."""
    refusal = rate_limited(request)
    return None if refusal is None else _with_api_headers(refusal)


register_gate(GATE, _gate)


def not_found(request, rest=""):
    """Any other path under /api/: a JSON 404, never the HTML error page."""
    return json_error(404, "Not found: see /api/v1/openapi.json for the endpoints.")
