"""Rate limits that hold across processes: one function, `hit()`, for every limit of the portal.

Count first, then decide: every attempt is counted before the action runs, so concurrent requests
cannot all pass a check made before any of them was counted. Counters are fixed windows of
`window` seconds and live where every worker process sees them: in Redis when the default cache
is Redis (`REDIS_URL`), otherwise in the database (`core.RateCounter`, one atomic
INSERT … ON CONFLICT DO UPDATE per hit; Django's database cache is not used because its incr()
is a read followed by a write). A fixed window lets a client use up to twice the limit across a
window boundary, which is acceptable for these limits.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection

from .models import RateCounter


def _now() -> float:
    return time.time()


def _counter_key(key: str, window: int, window_start: int) -> str:
    # Keyed hash: the raw key holds IP addresses and e-mail addresses.
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:ratelimit:{key}".encode()).hexdigest()[:48]
    return f"{digest}:{window}:{window_start}"


def _shared_cache():
    cache = caches["default"]
    return cache if isinstance(cache, RedisCache) else None


def _incr_cache(cache, key: str, window: int) -> int:
    # The key names its window, so it cannot expire while the window is still being counted.
    if hasattr(cache, "count"):  # core.cache.RedisCache: one round trip
        return cache.count(key, window + 60)
    cache.add(key, 0, timeout=window + 60)
    return cache.incr(key)


def _incr_database(key: str, window_end: int, now: float) -> int:
    table, key_col, count_col, end_col = map(
        connection.ops.quote_name, [RateCounter._meta.db_table, "key", "count", "window_end"]
    )
    # One statement, atomic on PostgreSQL and SQLite alike (both support ON CONFLICT and RETURNING).
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_col}, {count_col}, {end_col}) VALUES (%s, 1, %s) "
            f"ON CONFLICT ({key_col}) DO UPDATE SET {count_col} = {table}.{count_col} + 1 RETURNING {count_col}",
            [key, window_end],
        )
        count = cursor.fetchone()[0]
    if count == 1:  # a new window for this key: a good moment to drop finished ones
        RateCounter.objects.filter(window_end__lte=int(now)).delete()
    return count


def hit(key: str, limit: int, window: int) -> tuple[bool, int]:
    """Count one attempt for `key` (e.g. "contact:ip:203.0.113.9") and decide on it: (allowed,
    retry_after). `allowed` is False once more than `limit` attempts fell in this window of
    `window` seconds; `retry_after` is then the seconds until the window ends (0 when allowed)."""
    now = _now()
    window_start = int(now // window) * window
    window_end = window_start + window
    counter_key = _counter_key(key, window, window_start)
    cache = _shared_cache()
    count = _incr_cache(cache, counter_key, window) if cache else _incr_database(counter_key, window_end, now)
    if count <= limit:
        return True, 0
    return False, max(1, math.ceil(window_end - now))
