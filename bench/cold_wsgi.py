"""The portal with a content change before every request, for the benchmark's "cold" mode.

At the start of each request (after Django has closed stale database connections) the content
version is bumped through `core.content`, as a publish would do, so the page cache and every
fragment cache keyed on the version are stale: every page is rendered by its view in a warm process.
The bump itself costs one cache operation (a Redis INCR, or one UPDATE in the database cache).
"""

from django.core.signals import request_started

from slt_portal.wsgi import application  # noqa: F401  (sets up Django)


def _content_changed(sender, **kwargs):
    from core.content import content_changed

    content_changed()  # outside a transaction: bumps at once


request_started.connect(_content_changed, dispatch_uid="bench-cold")
