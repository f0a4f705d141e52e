"""Content-dependent reads kept in this process until the public content changes (issue 14).

`versioned(key, compute)` returns `compute()` remembered under the current content version
(`core.content.content_version()`, which lives in the shared cache and which every service bumps
through `content_changed()`): when any process publishes or edits something, every process sees
the new version at its next read and computes afresh. Only the latest version's values are kept,
so the memory is bounded by the few keys in use (the unfiltered facet counts, the choice lists,
the first page of the measure bank).

The version starts again at 1 when the shared cache is flushed or loses the key, so the memo is
also keyed on an epoch: a random token kept next to the version in the shared cache (both read
in one round trip). A flush removes it, the next reader writes a new one, and nothing computed
before the flush is served again. Like the page cache's entries, a value is also recomputed
after `PAGE_CACHE_TTL` seconds, which bounds any staleness the version cannot see.

It follows `PAGE_CACHE_ENABLED`: the tests that change data with factories (which call no
service, so bump no version) switch it off together with the page cache.
"""

import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache

from core.content import VERSION_KEY, content_version

EPOCH_KEY = "measures:memo-epoch"

_lock = threading.Lock()
_state: dict = {"version": None, "values": {}, "since": 0.0}


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def current_version() -> tuple:
    """(content version, epoch), in one cache round trip when both are there."""
    found = cache.get_many([VERSION_KEY, EPOCH_KEY])
    version = found.get(VERSION_KEY)
    if version is None:
        version = content_version()
    epoch = found.get(EPOCH_KEY)
    if epoch is None:
        cache.add(EPOCH_KEY, uuid.uuid4().hex, timeout=None)
        epoch = cache.get(EPOCH_KEY)
    return version, epoch


def versioned(key, compute, *, version: tuple | None = None):
    """`compute()`, or what it returned under the current content version in this process
    (`version`: current_version() as the caller already read it in this request)."""
    if not enabled():
        return compute()
    version = version or current_version()
    now = time.monotonic()
    with _lock:
        if _state["version"] != version or now - _state["since"] > getattr(settings, "PAGE_CACHE_TTL", 60):
            _state.update(version=version, values={}, since=now)
        values = _state["values"]
        if key in values:
            return values[key]
    value = compute()
    with _lock:
        if _state["version"] == version:
            _state["values"][key] = value
    return value


def clear() -> None:
    with _lock:
        _state.update(version=None, values={}, since=0.0)
