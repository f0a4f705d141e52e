"""The anonymous page cache.

Public pages are the same for every visitor who is not logged in, so their rendered HTML is kept in
the shared cache (Redis, or Django's database cache: every process sees the same entries) and served
without running the view, the session, the ORM or the templates.

- A view takes part by `@cache_public("q", "page", …)`: the decorator names the query parameters the
  page understands. A request with any other parameter is rendered normally and not stored, so random
  query strings cannot flood the cache.
- Only requests that carry no cookies but the CSRF and language cookies (no session, no messages) are
  served from the cache or stored in it.
- An entry is keyed on scheme, host, path (with its language prefix), the sorted known parameters and
  the language, and carries the content version (`core.content`) it was rendered under: every
  `content_changed()` makes all entries stale at once. Entries also expire after `PAGE_CACHE_TTL`
  seconds (60 by default) for what changes with time alone (news scheduled to appear, an event passing).
- Nothing personal is stored: a response is stored only when it is a 200 for an anonymous user, sets
  no cookie (a message, a CSRF cookie), rendered no CSRF token, and is not marked private or no-store.
- Browsers get `Cache-Control: no-cache` and an `ETag` (never a max-age on HTML); a matching
  `If-None-Match` is answered with 304. HEAD and GET share one entry.

Where it runs, and what a hit costs: gunicorn's application (`slt_portal.wsgi`) is
`PageCacheWSGIHandler`, which answers hits before Django's handler (no request signals, no
middleware chain); everything else reaches the middleware, the third one (after the request id and
the health check), which serves hits too (the test client, a miss racing a store) and stores
pages. The entry therefore holds the headers the rest of the stack added when it was rendered
(security headers, CSP, `Vary`), and its body as the GZip middleware left it: the key includes
whether the client accepts gzip, so each variant has its own
entry. (Compressing without fresh random padding is safe here: a stored page holds no secret for
BREACH to find, since nothing with a CSRF token or anything personal is stored.) Each process also
keeps the entries it has served in memory (`PAGE_CACHE_LOCAL_BYTES`, least recently used out), so a
hit reads only the small shared content version (one Redis GET, or one indexed row of the database
cache) and fetches the body from the shared cache only when this process has not got it yet. An
entry is served only while its version equals the shared one and before its own expiry time, the
same in every process.

A view may also name a *gate* (`cache_public(..., gate="name")`, the function registered under that
name with `register_gate()`): it runs before a stored copy is served and may answer instead, e.g.
the open data API's per-address rate limit, which must count every request, hits included. An entry
whose gate is not registered in this process is not served from the cache (the view runs).

The CSP nonce of a cached page is the one it was rendered with, reused until the content changes or
the entry expires; the page holds no user-supplied markup that was not there when it was rendered.
"""

import functools
import hashlib
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler, get_script_name
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse, HttpResponseNotModified
from django.http.response import ResponseHeaders
from django.urls import Resolver404, resolve, set_script_prefix
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_http_date_safe

from core.content import VERSION_KEY, content_version
from core.logs import REQUEST_ID_HEADER, log_access, new_request_id, request_id_var, route_of

#: Cookies that do not change what an anonymous visitor sees.
_HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
#: Headers a cached entry does not keep (set per response by outer middleware or the server).
_DROP_HEADERS = {"set-cookie", "date", "content-length", "etag", "cache-control", "expires"}
#: What Django's GZipMiddleware looks for in Accept-Encoding.
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
#: Stored headers a 304 repeats (with the CORS ones).
_NOT_MODIFIED_KEEPS = {"vary", "content-language", "last-modified", "link"}
PARAMS_ATTR = "page_cache_params"
GATE_ATTR = "page_cache_gate"
STATUS_HEADER = "X-Page-Cache"
#: Where PageCacheWSGIHandler leaves (key, params, version) of a request it found no entry for, so
#: that the middleware does not look again (a WSGI environ key: no client header can set it).
_LOOKED_UP = "slt.page_cache.looked_up"
#: name -> callable(request) returning None (go on) or a response to send instead of the stored one.
_GATES = {}


def cache_public(*params: str, gate: str | None = None):
    """Mark a view's anonymous GET/HEAD responses as cacheable; `params` are the query parameters
    it understands (any other parameter bypasses the cache); `gate`, a name given to
    `register_gate()`, runs before every hit."""

    def decorator(view):
        setattr(view, PARAMS_ATTR, frozenset(params))
        if gate is not None:
            setattr(view, GATE_ATTR, gate)
        return view

    return decorator


def register_gate(name: str, gate) -> None:
    """Register `gate(request) -> response or None` under `name` (see the module docstring)."""
    _GATES[name] = gate


def etag_for(content: bytes) -> str:
    """A strong ETag for a response body (shared with other conditional-GET code)."""
    return f'"{hashlib.sha256(content).hexdigest()[:32]}"'


def _not_modified_since(request, entry) -> bool:
    """Whether the client's copy is current: If-None-Match against the entry's ETag, or (without
    it) If-Modified-Since against the Last-Modified the view gave (the open data API does)."""
    if request.META.get("HTTP_IF_NONE_MATCH"):
        return etag_matches(request, entry["etag"])
    if not request.META.get("HTTP_IF_MODIFIED_SINCE"):
        return False
    since = parse_http_date_safe(request.META["HTTP_IF_MODIFIED_SINCE"])
    modified = next((parse_http_date_safe(v) for n, v in entry["headers"] if n.lower() == "last-modified"), None)
    return since is not None and modified is not None and modified <= since


def etag_matches(request, etag: str) -> bool:
    """Whether the request's If-None-Match names `etag` (weak comparison: GZip makes ETags weak)."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    if header.strip() == "*":
        return True
    bare = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == bare for tag in header.split(","))


def _language(path: str) -> str:
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def _key(request, params) -> str:
    query = "&".join(f"{name}={value}" for name, value in params)
    gzip = "gz" if _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""
    return _key_of(request.scheme, request.get_host(), request.path, request.path_info, query, gzip)


@functools.lru_cache(maxsize=4096)
def _key_of(scheme: str, host: str, path: str, path_info: str, query: str, gzip: str) -> str:
    """The cache key of what `_key()` gathered (the host already validated by `get_host()`)."""
    raw = f"{scheme}|{host}|{path}|{query}|{_language(path_info)}|{gzip}"
    return "pagecache:" + hashlib.sha256(raw.encode()).hexdigest()


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page rendered a CSRF token
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= _HARMLESS_VARY


def _browser_headers(response, etag: str) -> None:
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"
    del response["Expires"]


class _LocalEntries:
    """This process's copies of shared entries, least recently used out beyond `max_bytes`."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[str, dict] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0

    def put(self, key: str, entry: dict) -> None:
        size = len(entry["content"])
        if size > self.max_bytes:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= len(old["content"])
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped["content"])


#: This process's copies, shared by its page cache middleware and `PageCacheWSGIHandler`.
_process_entries = _LocalEntries(getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024))


@receiver(setting_changed)
def _forget_copies(setting, **kwargs):
    """Switching the cache on or off, other URLs or languages (tests) start from empty."""
    if setting in ("PAGE_CACHE_ENABLED", "ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE"):
        _process_entries.clear()
        _key_of.cache_clear()


def _prepared_headers(entry) -> dict:
    """The internal store of a ResponseHeaders holding the entry's headers and the browser ones
    (Django checks and encodes each header when it is set; this is done once per local copy)."""
    headers = ResponseHeaders(dict(entry["headers"]))
    headers["Content-Length"] = str(len(entry["content"]))
    headers["ETag"] = entry["etag"]
    headers["Cache-Control"] = "no-cache"
    headers[STATUS_HEADER] = "hit"
    headers.pop("Expires", None)
    return headers._store


def _valid(entry, version) -> bool:
    """Current for `version` and not expired (an entry stored by an older release, without its
    own expiry time, counts as expired)."""
    return (
        isinstance(entry, dict)
        and version is not None
        and entry.get("version") == version
        and entry.get("until", 0) > time.time()
    )


class PageCacheMiddleware:
    """Serve and store anonymous public pages (see the module docstring). Place it right after
    the request id and health check middleware, before SecurityMiddleware, WhiteNoise and GZip.
    `local` is the in-memory store of copies, by default this process's (`_process_entries`)."""

    def __init__(self, get_response, local=None):
        self.get_response = get_response
        self.local = local if local is not None else _process_entries
        self.skip_prefixes = tuple(
            prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix and prefix.startswith("/")
        )
        self.harmless_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}

    def __call__(self, request):
        looked = request.META.pop(_LOOKED_UP, None)  # PageCacheWSGIHandler found nothing to serve
        key, params, version, entry = (*looked, None) if looked else self.find(request)
        if key is None:
            return self.get_response(request)
        if entry is not None:
            return self.answer(request, entry) or self._from_entry(request, entry)

        view = self._view(request)
        allowed = getattr(view, PARAMS_ATTR, None)
        if allowed is None or any(name not in allowed for name, _values in params):
            return self.get_response(request)
        if version is None:
            version = content_version()

        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # render the full page once; HEAD and GET share the entry
        response = self.get_response(request)
        if head:
            request.method = "HEAD"
        if not _storable(request, response):
            return response

        etag = etag_for(response.content)  # of the stored bytes: the gzip variant has its own
        headers = [(name, value) for name, value in response.items() if name.lower() not in _DROP_HEADERS]
        ttl = getattr(settings, "PAGE_CACHE_TTL", 60)
        entry = {
            "version": version,
            "until": time.time() + ttl,
            "headers": headers,
            "content": response.content,
            "etag": etag,
            "route": route_of(request),
            "gate": getattr(view, GATE_ATTR, None),
        }
        cache.set(key, entry, ttl)
        self._remember(key, entry)
        _browser_headers(response, etag)
        response[STATUS_HEADER] = "miss"
        if etag_matches(request, etag):
            return self._not_modified(entry)
        if head:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    def find(self, request):
        """`(key, params, version, entry)`: `key` is None for a request the cache neither serves
        nor stores; `entry` is the current stored copy (None when there is none to serve)."""
        if (
            not getattr(settings, "PAGE_CACHE_ENABLED", True)
            or request.method not in ("GET", "HEAD")
            or request.path_info.startswith(self.skip_prefixes)
            or (settings.SECURE_SSL_REDIRECT and not request.is_secure())  # redirected further in
            or set(request.COOKIES) - self.harmless_cookies  # a session or a message: personal
        ):
            return None, None, None, None
        params = sorted(request.GET.lists())
        try:
            key = _key(request, params)
        except Exception:  # a disallowed host: let CommonMiddleware answer it
            return None, None, None, None
        version = cache.get(VERSION_KEY)
        entry = self.local.get(key)
        if not _valid(entry, version):
            entry = cache.get(key)
            if _valid(entry, version):
                entry = self._remember(key, entry)
        if _valid(entry, version) and (entry.get("gate") is None or entry["gate"] in _GATES):
            return key, params, version, entry
        return key, params, version, None

    def answer(self, request, entry):
        """What a hit sends instead of the stored page, or None to send the stored page: the
        entry's gate's refusal, or a 304 when the client's copy is current."""
        request.page_cache_route = entry.get("route")
        if entry.get("gate") is not None:
            refusal = _GATES[entry["gate"]](request)
            if refusal is not None:
                return refusal
        if _not_modified_since(request, entry):
            return self._not_modified(entry)
        return None

    def _remember(self, key, entry) -> dict:
        """Keep a copy in this process, with its headers prepared for hits (`_prepared_headers`)."""
        prepared = _prepared_headers(entry)
        entry = {**entry, "prepared": prepared, "wsgi_headers": list(prepared.values())}
        self.local.put(key, entry)
        return entry

    @staticmethod
    def _view(request):
        """The view the path resolves to (None when none does)."""
        with translation.override(_language(request.path_info)):
            try:
                return resolve(request.path_info).func
            except Resolver404:
                return None

    def _from_entry(self, request, entry):
        response = HttpResponse(b"" if request.method == "HEAD" else entry["content"])
        prepared = entry.get("prepared") or _prepared_headers(entry)
        response.headers._store = dict(prepared)  # already checked and encoded (see _prepared_headers)
        return response

    @staticmethod
    def _not_modified(entry):
        response = HttpResponseNotModified()
        _browser_headers(response, entry["etag"])
        for name, value in entry["headers"]:
            if name.lower() in _NOT_MODIFIED_KEEPS or name.lower().startswith("access-control-"):
                response[name] = value
        patch_vary_headers(response, ("Cookie",))
        response[STATUS_HEADER] = "hit"
        return response


class PageCacheWSGIHandler(WSGIHandler):
    """Django's WSGI handler (`slt_portal.wsgi`), with page cache hits answered before it.

    A hit needs none of what Django's handler does around a view: the request signals (closing
    stale database connections), the middleware chain, building and closing a response. Here a hit
    is looked up and answered by the same code as in `PageCacheMiddleware` (`find()`, `answer()`,
    this process's copies), given its request id and access line as `RequestIdMiddleware` would,
    and written straight from the entry's prepared headers. Anything else (a miss, a request the
    cache does not serve, a failure while looking up, such as an unreachable cache) goes to
    Django's handler unchanged, where the middleware looks again and renders. The test client does
    not go through a WSGI handler: there the middleware serves hits (tests/core/test_pagecache_wsgi.py
    checks both give the same answers)."""

    def __init__(self):
        super().__init__()
        self.hits = PageCacheMiddleware(None)

    def __call__(self, environ, start_response):
        started = time.monotonic()
        try:
            request = self.request_class(environ)
            key, params, version, entry = self.hits.find(request)
        except Exception:  # Django's handler answers (and logs) whatever this was
            key = entry = None
        if entry is None:
            if key is not None:
                environ[_LOOKED_UP] = (key, params, version)
            return super().__call__(environ, start_response)
        if entry.get("gate") is not None:
            set_script_prefix(get_script_name(environ))  # as Django's handler does: a gate may reverse() URLs
        request.request_id = new_request_id(environ)
        token = request_id_var.set(request.request_id)
        try:
            try:
                response = self.hits.answer(request, entry)
            except Exception:
                return super().__call__(environ, start_response)
            if response is None:
                status, headers, body = "200 OK", [*entry["wsgi_headers"]], entry["content"]
            else:
                status = f"{response.status_code} {response.reason_phrase}"
                headers = [*response.items(), *(("Set-Cookie", c.output(header="")) for c in response.cookies.values())]
                body = response.content
            headers.append((REQUEST_ID_HEADER, request.request_id))
            log_access(request.method, route_of(request), int(status[:3]), started)
            start_response(status, headers)
            return [b"" if request.method == "HEAD" else body]
        finally:
            request_id_var.reset(token)
