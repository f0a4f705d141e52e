"""Queries whose SQL is built once per process (issue 14).

Building and compiling a queryset with annotations or aggregates costs 0.3–2 ms of CPU, often
more than running it. For the few queries that run on every logged-in request (the session's
user, the stamps that key fragment caches), `prepared()` compiles the queryset once per process,
database and shape, with sentinel values in place of the values, and afterwards only puts the
values into the parameter list. Values must be integers (ids) or strings (keys) compared as they
are: a lookup that rewrites its value (`__icontains`, dates) would not find its sentinel, and
`prepared()` says so.

`at_moment(key, run, now)` is for a query that depends on the time only and is not a queryset one
can compile (an aggregate, say): `run(moment)` runs it through the ORM with a marker moment once,
stopped at the database: its SQL and parameters (of its first statement) are kept, and later calls
execute that SQL with every moment derived from the marker (the marker itself, or the marker less
some days) replaced by the same moment derived from `now`. It returns the first row. The marker is
recognised by its microseconds, which no real moment in this code has.

`objects(key, build, *args, now=None)` is prepared() for a queryset of model instances (with
select_related, only() and annotations; no prefetches): compiled once, and its rows made into
instances as the ORM does; with `now`, the moment is put in as at_moment() does.
"""

import datetime as dt
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection, connections
from django.db.models import QuerySet

_SENTINEL = -987_654_000
_compiled: dict[tuple, tuple[str, list, list[int]]] = {}


def _sentinel(i: int, like):
    return f"\x00sentinel-{i}" if isinstance(like, str) else _SENTINEL - i


def _sentinels(args) -> tuple[list, list]:
    """build()'s arguments with sentinels in place of the values, and the sentinels in order."""
    out, flat = [], []
    for arg in args:
        if isinstance(arg, list | tuple | set | frozenset):
            values = sorted(arg)
            out.append([_sentinel(len(flat) + i, value) for i, value in enumerate(values)])
            flat.extend(out[-1])
        else:
            out.append(_sentinel(len(flat), arg))
            flat.append(out[-1])
    return out, flat


def _flat(args) -> list[int]:
    values = []
    for arg in args:
        values.extend(sorted(arg) if isinstance(arg, list | tuple | set | frozenset) else [arg])
    return values


def _shape(args) -> tuple:
    """What the compiled SQL depends on besides the key: each argument's type (a list: its length)."""
    return tuple(
        tuple(type(v) for v in sorted(a)) if isinstance(a, list | tuple | set | frozenset) else type(a) for a in args
    )


def _positions(caller: str, params: list, sentinels: list) -> list[int]:
    """Where each sentinel stands in the compiled parameters (each must stand there exactly once)."""
    positions = []
    for i, sentinel in enumerate(sentinels):
        if params.count(sentinel) != 1:
            raise ValueError(f"{caller}: argument value {i} is not a plain parameter of the SQL")
        positions.append(params.index(sentinel))
    return positions


def prepared(key: str, build: Callable[..., QuerySet], *args, using: str = "default") -> tuple[str, list]:
    """(sql, params) of `build(*args)` on database `using`. A list argument (for `__in`) is
    passed sorted; the SQL is compiled once for each length."""
    cache_key = (key, using, connections[using].vendor, _shape(args))
    compiled = _compiled.get(cache_key)
    if compiled is None:
        sentinels, flat = _sentinels(args)
        sql, params = build(*sentinels).using(using).query.sql_with_params()
        params = list(params)
        positions = _positions(f"prepared({key!r})", params, flat)
        compiled = _compiled[cache_key] = (sql, params, positions)
    sql, params, positions = compiled
    params = list(params)
    for position, value in zip(positions, _flat(args), strict=True):
        params[position] = value
    return sql, params


def fetchall(key: str, build: Callable[..., QuerySet], *args, using: str = "default") -> list[tuple]:
    """The prepared query's rows, as the database driver returns them (no field converters)."""
    sql, params = prepared(key, build, *args, using=using)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


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

    logged = len(connection.queries_log)
    try:
        with connection.execute_wrapper(record):
            run(MARKER)
    except _Captured:
        # The marker statement never reached the database: take it out of the debug query log
        # (tests and DEBUG count queries there), where the debug cursor put it on the way out.
        while len(connection.queries_log) > logged:
            connection.queries_log.pop()
        return captured[0]
    raise ValueError("at_moment: the query ran no statement")


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


@dataclass(frozen=True, slots=True)
class _Compiled:
    """What objects() keeps per key: the SQL and where values go into its parameters, and what
    Django's ModelIterable needs to make instances of the rows."""

    sql: str
    params: list
    positions: list[int]
    stand_ins: list[tuple[int, str]]
    compiler: object
    converters: dict
    from_db: Callable
    track_peers: bool
    span: tuple[int, int]
    init_list: list[str]
    populators: list
    annotations: dict[str, int]


_models: dict[tuple, _Compiled] = {}


def objects(
    key: str,
    build: Callable[..., QuerySet],
    *args,
    now: dt.datetime | None = None,
    patterns: dict[str, str] | None = None,
    using: str = "default",
):
    """The model instances `build(*args)` gives (select_related, only() and annotations included;
    no prefetches), with its SQL compiled once per process, database and shape as prepared() does;
    the rows are turned into instances as Django's ModelIterable does. With `now`, build gets one
    more argument, a moment, and every parameter derived from it is put in from `now`, as
    at_moment() does. With `patterns` ({stand-in parameter: value}), every parameter of the SQL
    equal to a stand-in is replaced by its value: for values a lookup rewrites (the LIKE patterns
    of a text search, core.search.stand_in), build must then put the stand-ins in itself. The key
    must name everything else the queryset depends on (a date, the patterns' shape)."""
    from django.db.models.query import _get_from_db, get_related_populators

    cache_key = (key, using, connections[using].vendor, _shape(args))
    found = _models.get(cache_key)
    if found is None:
        sentinels, flat = _sentinels(args)
        queryset = (build(*sentinels) if now is None else build(*sentinels, MARKER)).using(using)
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise ValueError(f"objects({key!r}): prefetches and related managers are not supported")
        fetch_mode = queryset._fetch_mode
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        params = list(params)
        positions = _positions(f"objects({key!r})", params, flat)
        stand_ins = [
            (i, param) for i, param in enumerate(params) if isinstance(param, str) and param in (patterns or {})
        ]
        if {param for _, param in stand_ins} != set(patterns or {}):
            raise ValueError(f"objects({key!r}): a stand-in is not a parameter of the SQL")
        select, klass_info, annotation_col_map = compiler.select, compiler.klass_info, compiler.annotation_col_map
        start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        init_list = [column[0].target.attname for column in select[start:end]]
        fields = [column[0] for column in select[: compiler.col_count]]
        if compiler.has_extra_select or compiler.has_composite_fields(fields):
            raise ValueError(f"objects({key!r}): extra or composite columns are not supported")
        converters = compiler.get_converters(fields)
        found = _models[cache_key] = _Compiled(
            sql=sql,
            params=params,
            positions=positions,
            stand_ins=stand_ins,
            compiler=compiler,
            converters=converters,
            from_db=_get_from_db(klass_info["model"], fetch_mode),
            track_peers=fetch_mode.track_peers,
            span=(start, end),
            init_list=init_list,
            populators=get_related_populators(klass_info, select, using, fetch_mode),
            annotations=dict(annotation_col_map),
        )
    start, end = found.span
    params = list(found.params)
    for position, value in zip(found.positions, _flat(args), strict=True):
        params[position] = value
    for position, stand_in in found.stand_ins:
        params[position] = patterns[stand_in]
    db = connections[using]
    if now is not None:
        for i, param in enumerate(params):
            offset = _offset(param)
            if offset is not None:
                params[i] = db.ops.adapt_datetimefield_value(now + offset)
    with db.cursor() as cursor:
        cursor.execute(found.sql, params)
        rows = cursor.fetchall()
    if found.converters:
        rows = found.compiler.apply_converters(rows, found.converters)
    out, peers = [], []
    for row in rows:
        obj = found.from_db(using, found.init_list, row[start:end])
        if found.track_peers:
            peers.append(weakref.ref(obj))
            obj._state.peers = peers
        for populator in found.populators:
            populator.populate(row, obj)
        for attr, position in found.annotations.items():
            setattr(obj, attr, row[position])
        out.append(obj)
    return out
