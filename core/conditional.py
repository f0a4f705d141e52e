"""Conditional GET: `ETag` and `Last-Modified` on a response, and 304 Not Modified when the
client's copy is still current (RFC 9110 section 13; Django's `get_conditional_response` does
the comparison, If-None-Match before If-Modified-Since).

The validator is the response body itself (`body_etag`): whatever makes a representation change
(an edit, a publication, an event moving from "upcoming" to "past" as time passes) changes the
ETag, so a 304 is never stale. It saves the transfer, not the rendering. `Last-Modified` is when
this URL (path, query and language) was first seen with its current ETag, kept in the shared
cache: a changed body gets a new, later time; an evicted entry only makes the time later (a 200
where a 304 would have done, never the reverse).

Usage: `conditional_response(request, response)` after a view, or `@conditional_get` on a
function view. The open data API (`slt_portal.api`) uses it for every JSON answer; HTML pages
can use it too, as long as their body does not change on every request (a CSP nonce or a CSRF
token in the body does: such pages get no 304 from it, but nothing breaks).
"""

import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.utils import translation
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.http import http_date

SEEN_KEY_PREFIX = "core:conditional:"
SEEN_TIMEOUT = 60 * 60 * 24 * 30  # a month; an evicted entry only moves Last-Modified later


def body_etag(content: bytes) -> str:
    """A strong ETag for these exact bytes."""
    return quote_etag(hashlib.sha256(content).hexdigest()[:32])


def _representation_key(request) -> str:
    query = request.META.get("QUERY_STRING", "")
    language = translation.get_language() or ""
    raw = f"{request.path}?{query}|{language}"
    return SEEN_KEY_PREFIX + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def last_modified(request, etag: str) -> int:
    """When this URL's representation got its current ETag (seconds since the epoch)."""
    key = _representation_key(request)
    seen = cache.get(key)
    valid = isinstance(seen, tuple) and len(seen) == 2
    if valid and seen[0] == etag:
        return seen[1]
    # HTTP dates have whole seconds: a change within the second of the previous version still
    # gets a later date, so If-Modified-Since with the old date does not answer 304.
    modified = max(int(time.time()), seen[1] + 1 if valid else 0)
    cache.set(key, (etag, modified), timeout=SEEN_TIMEOUT)
    return modified


def conditional_response(request, response):
    """Add ETag and Last-Modified to a successful GET/HEAD response and answer 304 (or 412 for a
    failed If-Match) when the request's validators say the client's copy is current. Other
    responses pass through unchanged."""
    if request.method not in ("GET", "HEAD") or response.status_code != 200 or response.streaming:
        return response
    etag = body_etag(response.content)
    modified = last_modified(request, etag)
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(modified)
    return get_conditional_response(request, etag=etag, last_modified=modified, response=response)


def conditional_get(view):
    """Decorator form of `conditional_response` for a function view."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return conditional_response(request, view(request, *args, **kwargs))

    return wrapped
