"""`content_changed()`: every service that changes public content calls it, so that whatever
caches public pages (the page cache) knows to rebuild them. The version lives in the shared cache,
so all processes see the same one."""

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

#: Sent after the transaction that changed public content commits; `sender` is the model class.
content_changed_signal = Signal()

VERSION_KEY = "core:content-version"


def content_version() -> int:
    """The current content version (starts at 1)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _bump(sender, obj) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): start a new version that differs from any cached one
        cache.set(VERSION_KEY, content_version() + 1, timeout=None)
    content_changed_signal.send(sender=sender, obj=obj)


def content_changed(obj=None, *, sender=None) -> None:
    """Public content changed (publish, edit, unpublish, confirmation, registration, import).
    Takes effect when the current transaction commits; a rolled-back change bumps nothing."""
    sender = sender or (type(obj) if obj is not None else None)
    transaction.on_commit(lambda: _bump(sender, obj))
