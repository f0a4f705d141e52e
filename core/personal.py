"""Logged-in pages kept rendered in this process (issue 14).

A coordinator's pages are never page-cached (`core.pagecache` serves anonymous visitors only), and
rendering the full layout costs more than the rest of the request. `render_personal()` keeps the
rendered page in this process's memory under a key made of what it shows:

- `stamp`: the view's own description of its data, read fresh on every request (ids, counts and
  latest `updated_at` of the rows shown, the content version), so any change shows at once in
  every process;
- the user (id and role: the header differs for Sfk admins), the language and the full path.

What is live on every request is put in when the page is served: the CSRF token (stored as a
placeholder, so no token is ever served to another session) and messages (a request with pending
messages is rendered normally and not stored). Entries also expire after `PAGE_CACHE_TTL`
seconds, for what changes with time alone ("not verified for a year"); the memory is bounded by
`PAGE_CACHE_LOCAL_BYTES`. Like the page cache it is off when `PAGE_CACHE_ENABLED` is false.
"""

import hashlib
import re
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.translation import get_language

from core.pagecache import _LocalEntries

#: What `{% csrf_token %}` renders; user text is escaped, so it can never produce this markup.
_CSRF_INPUT = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"<>]*)">')
_CSRF_PLACEHOLDER = "\x00csrf\x00"  # a NUL never occurs in a rendered template

_entries = _LocalEntries(getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024))


def _key(request, template_name: str, stamp: str) -> str:
    user = request.user
    role = f"{user.pk}:{int(user.is_superuser)}:{int(getattr(user, 'is_sfk_admin', False))}"
    raw = f"{template_name}|{stamp}|{role}|{get_language()}|{request.get_full_path()}"
    return hashlib.sha256(raw.encode()).hexdigest()


def _storable(html: str) -> str | None:
    """The page with its CSRF tokens replaced by the placeholder, or None if a token is left."""
    tokens = set(_CSRF_INPUT.findall(html))
    stored = _CSRF_INPUT.sub(_CSRF_PLACEHOLDER, html)
    if _CSRF_PLACEHOLDER in html or any(token in stored for token in tokens if token):
        return None
    return stored


def render_personal(request, template_name: str, context: Callable[[], dict], *, stamp: str | None) -> HttpResponse:
    """`render(request, template_name, context())`, or the page this process rendered for the
    same user, language, path and `stamp` within `PAGE_CACHE_TTL` seconds (`stamp=None`: not
    stored, for requests the view does not want kept, such as unknown query parameters)."""
    if (
        stamp is None
        or not getattr(settings, "PAGE_CACHE_ENABLED", True)
        or request.method not in {"GET", "HEAD"}
        or not request.user.is_authenticated
        or len(get_messages(request))  # len() reads the messages without marking them shown
    ):
        return render(request, template_name, context())
    key = _key(request, template_name, stamp)
    entry = _entries.get(key)
    if entry is not None and entry["expires"] > time.monotonic():
        html = entry["content"]
        if _CSRF_PLACEHOLDER in html:
            csrf_input = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request))
            html = html.replace(_CSRF_PLACEHOLDER, csrf_input)
        return HttpResponse(html)
    response = render(request, template_name, context())
    if response.status_code == 200 and not response.cookies:
        stored = _storable(response.content.decode())
        if stored is not None:
            ttl = getattr(settings, "PAGE_CACHE_TTL", 60)
            _entries.put(key, {"content": stored, "expires": time.monotonic() + ttl})
    return response


def clear() -> None:
    """Forget every stored page (tests)."""
    with _entries.lock:
        _entries.entries.clear()
        _entries.size = 0
