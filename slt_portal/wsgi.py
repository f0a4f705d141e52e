"""The WSGI application: Django's handler with page cache hits answered before it
(core.pagecache.PageCacheWSGIHandler)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slt_portal.settings")
django.setup(set_prefix=False)

from core.pagecache import PageCacheWSGIHandler  # noqa: E402  (needs the apps loaded)

application = PageCacheWSGIHandler()
