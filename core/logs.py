"""Logging: a request id on every line, and JSON lines in production.

The standard library is enough for this (a formatter of ~30 lines); python-json-logger would add a
dependency for the same output. Lines carry only what the README's "Logs and privacy" section
lists: no e-mail addresses, no IP addresses, no query strings; a request is identified by its id and
its URL pattern (`/påmelding/<token>/`, never the token itself).
"""

import contextvars
import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
REQUEST_ID_HEADER = "X-Request-ID"

access_log = logging.getLogger("slt.request")

# What no formatter here (nor gunicorn's) writes is not gathered for every record: the thread's and
# the asyncio task's names, the multiprocessing process name (switches the logging HOWTO lists under
# "Optimization"). The process id and the caller's file and line (pytest shows them) stay.
logging.logThreads = False
logging.logMultiprocessing = False
logging.logAsyncioTasks = False
_json = json.JSONEncoder(ensure_ascii=False, default=str)


def route_of(request) -> str:
    """The URL pattern that matched (no personal data in it), or '-' when none did. A page cache
    hit resolves no URL: it carries the route the page was stored under (`page_cache_route`)."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.route:
        return "/" + match.route
    return getattr(request, "page_cache_route", None) or "-"


class RequestIdMiddleware:
    """First middleware: give every request an id (a proxy's well-formed X-Request-ID is kept, so
    lines join up across both), put it on every log line of the request, send it back in the
    X-Request-ID header, and write one access line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = new_request_id(request.META)
        token = request_id_var.set(request.request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request.request_id
            log_access(request.method, route_of(request), response.status_code, started, _user_id(request))
            return response
        finally:
            request_id_var.reset(token)


def new_request_id(meta) -> str:
    """The request's id: a proxy's well-formed X-Request-ID, or a new one."""
    incoming = meta.get("HTTP_X_REQUEST_ID", "")
    return incoming if _INCOMING_ID.match(incoming) else uuid.uuid4().hex


def log_access(method: str, route: str, status: int, started: float, user_id: int | None = None) -> None:
    """The access line of a request (also written for page cache hits served before Django's
    handler, `core.pagecache.PageCacheWSGIHandler`). `started` is a `time.monotonic()` reading."""
    if not access_log.isEnabledFor(logging.INFO):  # LOG_ACCESS=0
        return
    access_log.info(
        "%s %s %s",
        method,
        route,
        status,
        extra={
            "http": {
                "method": method,
                "route": route,
                "status": status,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
                "user_id": user_id,
            }
        },
    )


def _user_id(request) -> int | None:
    """The account's number only (never the e-mail address). The two-factor middleware has already
    loaded the user, so this costs no query; a log line must never break a response."""
    user = getattr(request, "user", None)
    try:
        return user.pk if user is not None and user.is_authenticated else None
    except Exception:  # e.g. the database went away during the request
        return None


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (also lines from libraries and from outside requests)."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request_id, and `http` /
    `exc` when present. Only these fields: a record's other attributes (Django attaches the whole
    request to django.request records) are never written."""

    def format(self, record):
        message = record.getMessage()
        request = getattr(record, "request", None)
        if request is not None and getattr(request, "path", None):
            message = message.replace(request.path, route_of(request))  # "Internal Server Error: /påmelding/<token>/"
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": message,
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        if hasattr(record, "http"):
            line["http"] = record.http
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return _json.encode(line)


class StderrHandler(logging.StreamHandler):
    """The console handler: lines to stderr (file descriptor 2) through a buffer, written out when a
    record of WARNING or above arrives, when FLUSH_SECONDS have passed since the last write, and at
    exit, instead of one write per line. Busy workers then write their access lines in batches (as
    nginx's `access_log … buffer= flush=`); a warning or error is never held back. A worker killed
    outright (SIGKILL) loses at most the last FLUSH_SECONDS of INFO lines."""

    FLUSH_SECONDS = 1.0

    def __init__(self):
        stream = open(sys.stderr.fileno(), "w", buffering=64 * 1024, encoding="utf-8", closefd=False)  # noqa: SIM115
        super().__init__(stream)
        self._written = time.monotonic()
        self._urgent = False

    def emit(self, record):
        self._urgent = record.levelno >= logging.WARNING
        super().emit(record)

    def flush(self):
        now = time.monotonic()
        if self._urgent or now - self._written >= self.FLUSH_SECONDS:
            self._written = now
            super().flush()

    def close(self):
        with self.lock:
            self.stream.close()  # writes out the buffer; file descriptor 2 itself stays open
        super().close()
