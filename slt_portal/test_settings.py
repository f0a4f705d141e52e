"""Test settings: only what makes tests faster or deterministic."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdefghijkl")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Most tests change data with factories (no content_changed()) and count queries: the page cache is
# switched on by the tests that exercise it (tests/core/test_pagecache.py).
PAGE_CACHE_ENABLED = False
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
import tempfile  # noqa: E402

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="slt-test-media-"))  # noqa: F405
DEMO_MODE = False
# The API's rate limit is tested on its own (tests/slt_portal/test_api_http.py sets it low); the
# other API tests, the schema fuzz test included, make many requests from one address.
API_RATE_LIMIT = 1_000_000
# Rate limits out of the way of tests that post many forms; tests of the limits set their own values.
CONTACT_RATE_LIMIT = 1000
PASSWORD_RESET_RATE_LIMIT = 1000
PASSWORD_RESET_IP_RATE_LIMIT = 1000
EMAIL_CHANGE_RATE_LIMIT = 1000
# Registration limits are tested on their own (tests/events/test_rate_limit.py sets them low).
EVENTS_REGISTRATION_RATE_LIMIT_IP = 1_000_000
EVENTS_REGISTRATION_RATE_LIMIT_EMAIL = 1_000_000
