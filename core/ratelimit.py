"""Rate limits that hold across processes: one function, `hit()`, for every limit of the portal.

Count first, then decide: every attempt is counted before the action runs, so concurrent requests
cannot all pass a check made before any of them was counted. Counters are fixed windows of
`window` seconds and live where every worker process sees them: in Redis when the default cache
is Redis (`REDIS_URL`), otherwise in the database (`core.RateCounter`, one atomic
INSERT … ON CONFLICT DO UPDATE per hit; Django's database cache is not used because its incr()
is a read followed by a write). A fixed window lets a client use up to twice the limit across a
window boundary, which is acceptable for these limits.

`hit(..., batch=N)` is for limits checked on every request of a busy endpoint (the open data API):
each process adds its counts to the shared counter N at a time while the shared count is below half
the limit, and one at a time from there on. The shared store then takes one write per N requests
instead of one per request (on SQLite every write takes the database's single write lock), and a
client spread over P processes gets at most P × (N − 1) requests past the limit in a window.
"""

import hashlib
import math
import threading
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


def _incr_cache(cache, key: str, window: int, by: int = 1) -> int:
    # The key names its window, so it cannot expire while the window is still being counted.
    if hasattr(cache, "count"):  # core.cache.RedisCache: one round trip
        return cache.count(key, window + 60, by)
    cache.add(key, 0, timeout=window + 60)
    return cache.incr(key, by)


def _incr_database(key: str, window_end: int, now: float, by: int = 1) -> int:
    table, key_col, count_col, end_col = map(
        connection.ops.quote_name, [RateCounter._meta.db_table, "key", "count", "window_end"]
    )
    # One statement, atomic on PostgreSQL and SQLite alike (both support ON CONFLICT and RETURNING).
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_col}, {count_col}, {end_col}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({key_col}) DO UPDATE SET {count_col} = {table}.{count_col} + %s RETURNING {count_col}",
            [key, by, window_end, by],
        )
        count = cursor.fetchone()[0]
    if count == by:  # a new window for this key: a good moment to drop finished ones
        RateCounter.objects.filter(window_end__lte=int(now)).delete()
    return count


class _Unsaved:
    """This process's counts not yet added to the shared counters (`batch` > 1), per counter key:
    [unsaved count, the shared count after this process's last write]."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts: dict[str, list[int]] = {}

    def add(self, key: str, limit: int, batch: int, save) -> int:
        """Count one; `save(n)` adds n to the shared counter and returns its new value."""
        with self.lock:
            if key not in self.counts and len(self.counts) > 10_000:
                self.counts.clear()  # keys name their window: old ones are of no use
            state = self.counts.setdefault(key, [0, 0])
            state[0] += 1
            if state[0] < batch and 2 * (state[1] + state[0]) <= limit:
                return state[1] + state[0]
            unsaved, state[0] = state[0], 0
        shared = save(unsaved)
        with self.lock:
            state = self.counts.setdefault(key, [0, 0])
            state[1] = max(state[1], shared)
            return state[1] + state[0]

    def clear(self) -> None:
        with self.lock:
            self.counts.clear()


_unsaved = _Unsaved()


def clear_local() -> None:
    """Forget this process's unsaved counts and its view of the shared ones (after the shared
    store was flushed, as the tests do between tests)."""
    _unsaved.clear()


def hit(key: str, limit: int, window: int, *, batch: int = 1) -> tuple[bool, int]:
    """Count one attempt for `key` (e.g. "contact:ip:203.0.113.9") and decide on it: (allowed,
    retry_after). `allowed` is False once more than `limit` attempts fell in this window of
    `window` seconds; `retry_after` is then the seconds until the window ends (0 when allowed).
    `batch` > 1: see the module docstring."""
    now = _now()
    window_start = int(now // window) * window
    window_end = window_start + window
    counter_key = _counter_key(key, window, window_start)
    cache = _shared_cache()

    def save(by: int) -> int:
        if cache:
            return _incr_cache(cache, counter_key, window, by)
        return _incr_database(counter_key, window_end, now, by)

    count = save(1) if batch <= 1 else _unsaved.add(counter_key, limit, batch, save)
    if count <= limit:
        return True, 0
    return False, max(1, math.ceil(window_end - now))
