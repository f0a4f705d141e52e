"""Django's cache backends, made cheaper where the page cache calls them on every request.

Redis: one client per connection pool.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` object for every cache call,
and each one copies its table of some 170 response callbacks: about a tenth of a millisecond of CPU
per call, which is most of what a page cache hit costs. A `redis.Redis` client is thread-safe and
holds no connection of its own (the pool does), so one per pool is kept and reused.
"""

import base64
import functools
import pickle

from django.core.cache.backends import db as django_db
from django.core.cache.backends import redis as django_redis
from django.db import connections, router
from django.utils.timezone import now as tz_now


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def count(self, key, timeout: int, by: int = 1) -> int:
        """Add `by` to the counter `key` and return it: created by its first count and set to
        expire `timeout` seconds later. One round trip (INCRBY and EXPIRE NX pipelined), where
        add() then incr() take three (incr() first asks whether the key exists)."""
        key = self.make_and_validate_key(key)
        pipe = self._cache.get_client(key, write=True).pipeline(transaction=False)
        pipe.incr(key, by)
        pipe.expire(key, timeout, nx=True)
        return pipe.execute()[0]


class DatabaseCache(django_db.DatabaseCache):
    """Django's database cache with a cheaper `get()` of one key, which the page cache calls on
    every request (the content version): one statement that leaves expired rows out in SQL, as
    Django's own `has_key()` does, instead of building a DateTimeField and its converters per call
    to compare the expiry in Python. Expired rows are left for the cull on the next write.

    Outside debugging (and the query counting of tests, and `execute_wrapper()` instrumentation)
    the statement goes straight to the driver's connection: Django's cursor wrapper costs more
    than this indexed read itself. Errors still pass through Django's `wrap_database_errors`, so a
    broken connection is noticed and replaced as after any other query."""

    def __init__(self, table, params):
        super().__init__(table, params)
        self._made_keys = functools.lru_cache(maxsize=4096)(self.make_and_validate_key)

    def _select(self, connection) -> str:
        quote_name = connection.ops.quote_name
        return (
            f"SELECT {quote_name('value')} FROM {quote_name(self._table)} "
            f"WHERE {quote_name('cache_key')} = %s AND {quote_name('expires')} > %s"
        )

    def get(self, key, default=None, version=None):
        key = self._made_keys(key, version)
        connection = connections[router.db_for_read(self.cache_model_class)]
        params = (key, connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0, tzinfo=None)))
        if connection.queries_logged or connection.execute_wrappers:  # counted, or watched
            with connection.cursor() as cursor:
                cursor.execute(self._select(connection), params)
                row = cursor.fetchone()
        else:
            sql = _SELECTS.get((connection.alias, self._table))
            if sql is None:
                sql = self._select(connection)
                if connection.vendor == "sqlite":
                    sql = sql.replace("%s", "?")  # the sqlite3 module's placeholder
                _SELECTS[(connection.alias, self._table)] = sql
            connection.ensure_connection()
            with connection.wrap_database_errors:
                row = connection.connection.execute(sql, params).fetchone()
        if row is None:
            return default
        value = connection.ops.process_clob(row[0])
        return pickle.loads(base64.b64decode(value.encode(), validate=True))


#: (database alias, table) -> the driver-level SELECT of `DatabaseCache.get()`.
_SELECTS: dict[tuple[str, str], str] = {}
