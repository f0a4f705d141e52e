"""`content_changed()`: every service that changes public content calls it, so that whatever
caches public pages (the page cache) knows to rebuild them. The version lives in the shared cache,
so all processes see the same one."""

import time

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

#: Sent after the transaction that changed public content commits; `sender` is the model class.
content_changed_signal = Signal()

VERSION_KEY = "core:content-version"


def _fresh_version() -> int:
    """A starting version above any earlier one: the clock in microseconds. If the shared cache lost
    the version (a restart, an eviction), counting again from 1 could meet entries stored under a
    small version; the clock moves on faster than any run of increments since."""
    return time.time_ns() // 1000


def content_version() -> int:
    """The current content version."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _fresh_version(), timeout=None)
        version = cache.get(VERSION_KEY) or _fresh_version()
    return version


def _bump(sender, obj) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): start a new version that differs from any cached one
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)
    content_changed_signal.send(sender=sender, obj=obj)


def content_changed(obj=None, *, sender=None) -> None:
    """Public content changed (publish, edit, unpublish, confirmation, registration, import).
    Takes effect when the current transaction commits; a rolled-back change bumps nothing."""
    sender = sender or (type(obj) if obj is not None else None)
    transaction.on_commit(lambda: _bump(sender, obj))
