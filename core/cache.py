"""Django's Redis cache backend, keeping one client per connection pool.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` object for every cache call,
and each one copies its table of some 170 response callbacks: about a tenth of a millisecond of CPU
per call, which is most of what a page cache hit costs. A `redis.Redis` client is thread-safe and
holds no connection of its own (the pool does), so one per pool is kept and reused.
"""

from django.core.cache.backends import redis as django_redis


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
