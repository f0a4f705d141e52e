"""core.cache.DatabaseCache: the database cache with a one-statement get() (the page cache reads the
content version with it on every request); it must answer as Django's own get() does."""

from datetime import timedelta

import pytest
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from core.cache import DatabaseCache

pytestmark = pytest.mark.django_db

CACHES = {"default": {"BACKEND": "core.cache.DatabaseCache", "LOCATION": "slt_test_fast_cache"}}


@pytest.fixture
def caches():
    with override_settings(CACHES=CACHES):
        call_command("createcachetable", verbosity=0)
        yield DatabaseCache("slt_test_fast_cache", {}), DjangoDatabaseCache("slt_test_fast_cache", {})


def test_get_reads_what_django_wrote_and_the_reverse(caches):
    fast, django = caches
    django.set("a", {"version": 7, "content": b"<p>x</p>"}, 60)
    fast.set("b", 42, 60)
    assert fast.get("a") == {"version": 7, "content": b"<p>x</p>"}
    assert django.get("b") == fast.get("b") == 42
    assert fast.get("missing") is None
    assert fast.get("missing", "default") == "default"


def test_an_expired_entry_is_missing(caches):
    fast, django = caches
    fast.set("old", 1, 60)
    fast.set("older", 2, 60)
    from django.db import connection

    past = timezone.now() - timedelta(seconds=5)
    if not connection.features.supports_timezones:
        past = past.replace(tzinfo=None)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE slt_test_fast_cache SET expires = %s WHERE cache_key LIKE %s",
            [connection.ops.adapt_datetimefield_value(past), "%older"],
        )
    assert fast.get("older", "gone") == django.get("older", "gone") == "gone"
    assert fast.get("old") == 1


def test_keys_of_another_version_are_separate(caches):
    fast, _django = caches
    fast.set("k", "v1", 60, version=1)
    fast.set("k", "v2", 60, version=2)
    assert fast.get("k", version=1) == "v1"
    assert fast.get("k", version=2) == "v2"
