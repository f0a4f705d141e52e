"""Queries whose SQL the ORM builds once per process, for the pages measured cold (issue 14):
building a query with annotations, filtered aggregates and subqueries takes the ORM a few
milliseconds, often ten times what the database then takes to answer it.

`at_moment(key, run, now)` is for a query that depends on the time only: `run(moment)` runs it
through the ORM (an aggregate, say) with a marker moment once, stopped at the database: its SQL
and parameters (of its first statement) are kept,
and later calls execute that SQL with every moment derived from the marker (the marker itself, or
the marker less some days) replaced by the same moment derived from `now`. It returns the first
row. The marker is recognised by its microseconds, which no real moment in this code has.
"""

import datetime as dt
import threading

from django.db import connection

#: The moment the cached queries are built with; 987 654 microseconds mark it and what is derived from it.
MARKER = dt.datetime(2001, 2, 3, 4, 5, 6, 987654, tzinfo=dt.UTC)

_lock = threading.Lock()
_cache: dict[tuple, tuple[str, tuple]] = {}


def _offset(param) -> dt.timedelta | None:
    """How far a parameter is from MARKER, when it was derived from it (as the backend adapted it:
    an aware datetime on PostgreSQL, naive UTC text on SQLite); None for any other parameter."""
    if isinstance(param, dt.datetime):
        moment = param if param.tzinfo else param.replace(tzinfo=dt.UTC)
    elif isinstance(param, str) and param.endswith(".987654") and len(param) == 26:
        try:
            moment = dt.datetime.fromisoformat(param).replace(tzinfo=dt.UTC)
        except ValueError:
            return None
    else:
        return None
    if moment.microsecond != MARKER.microsecond:
        return None
    return moment - MARKER


class _Captured(Exception):
    """Stops the marker run at its statement: it is kept, not executed."""


def _capture(run) -> tuple[str, tuple]:
    captured = []

    def record(execute, sql, params, many, context):
        captured.append((sql, tuple(params or ())))
        raise _Captured

    try:
        with connection.execute_wrapper(record):
            run(MARKER)
    except _Captured:
        return captured[0]
    raise ValueError("sqlcache: the query ran no statement")


def at_moment(key: str, run, now: dt.datetime) -> tuple:
    """The first row of the query `run(now)` runs (see the module's docstring)."""
    cache_key = (key, connection.alias, connection.vendor)
    with _lock:
        found = _cache.get(cache_key)
    if found is None:
        found = _capture(run)
        with _lock:
            _cache[cache_key] = found
    sql, params = found
    values = []
    for param in params:
        offset = _offset(param)
        if offset is None:
            values.append(param)
        else:
            values.append(connection.ops.adapt_datetimefield_value(now + offset))  # as the ORM derives it
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchone()
