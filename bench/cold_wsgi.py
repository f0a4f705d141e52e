"""The portal with a content change before every request, for the benchmark's "cold" mode.

Before each request is handed to the portal's WSGI application, the content version is bumped
through `core.content`, as a publish would do, so the page cache and every fragment cache keyed on
the version are stale: every page is rendered by its view in a warm process. The bump itself costs
one cache operation (a Redis INCR, or one UPDATE in the database cache).
"""

from slt_portal.wsgi import application as portal  # sets up Django


def application(environ, start_response):
    from core.content import content_changed

    content_changed()  # outside a transaction: bumps at once
    return portal(environ, start_response)
