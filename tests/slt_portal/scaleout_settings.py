"""The production settings (slt_portal.settings, DEBUG=0, everything from the environment) for the
two-process test (test_scale_out.py), with one change: static files are served unhashed, so the test
needs no `collectstatic` (about 15 s) before gunicorn starts."""

from slt_portal.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
