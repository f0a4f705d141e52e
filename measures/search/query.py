"""The measure search: text and facets → ordered results and every facet's counts.

Performance (bench/RESULTS.md): a text search evaluates the match once and gets every facet
count, the total and the ordered result ids from ONE query (`_text_search_counts`); without text
each facet is counted by its own aggregate query (`ChoiceFacet.count`), which PostgreSQL runs
index-only.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .. import memo
from ..cards import CardResults
from ..models import Measure
from .facets import (
    FACETS,
    TEXT,
    ChoiceFacet,
    ChoiceLists,
    Facet,
    SingleChoiceFacet,
    placeholders,
    table,
    where_sql,
)

SORTS = {
    "relevance": _("Relevans"),
    "newest": _("Nyeste"),
    "title": _("Tittel (A–Å)"),
}

# A text search with at most this many results gets its ordered ids from the facet query, so the
# page itself is a primary-key lookup instead of a second text match.
ID_LIST_LIMIT = 1000

# Sort → (fields of the text match that the order needs, ORDER BY over them as f.s1, f.s2, …).
_SORT_SQL = {
    "relevance": (["rank", "published_at"], "f.s1 DESC, f.s2 DESC, f.id ASC"),
    "title": (["title_lower"], "f.s1 ASC, f.id ASC"),
    "newest": (["published_at"], "f.s1 DESC, f.id DESC"),
}


@dataclass
class SearchParams:
    """The search as the URL states it: text, raw facet values (bounded, not yet checked against
    the options) and sort."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    truncated: bool = False

    @classmethod
    def from_querydict(cls, data) -> "SearchParams":
        q, truncated = TEXT.read(data)
        filters = {facet.name: values for facet in FACETS if (values := facet.read(data))}
        sort = data.get("sort", "")
        if sort not in SORTS:
            sort = "relevance" if q else "newest"
        return cls(q=q, filters=filters, sort=sort, truncated=truncated)

    @property
    def active(self) -> bool:
        return bool(self.q or self.filters)


def _resolve(params: SearchParams, lists: ChoiceLists) -> dict[ChoiceFacet, list]:
    """The chosen facets with their database keys; facets with no known value are left out."""
    resolved = {}
    for facet in FACETS:
        if facet.name in params.filters and (keys := facet.resolve(params.filters[facet.name], lists)):
            resolved[facet] = keys
    return resolved


def _filtered(qs: QuerySet, resolved: dict, *, skip: ChoiceFacet | None = None) -> QuerySet:
    for facet, keys in resolved.items():
        if facet is not skip:
            qs = facet.filter(qs, keys)
    return qs


def _text_search_counts(
    params: SearchParams, resolved: dict, *, with_counts: bool = True
) -> tuple[dict, int, list[int] | None]:
    """Every facet's counts, the number of results and (up to ID_LIST_LIMIT) their ordered ids, in
    ONE query.

    The text match (the GIN index scan and its heap visits) runs once, in the CTE `m`; for each
    chosen facet `f` holds one boolean per matching measure. Each facet is then counted over the
    rows matching every *other* chosen facet. Returns ({facet name: {key: count}}, total, ids or
    None when there are more results than ID_LIST_LIMIT)."""
    sort = params.sort
    if sort == "relevance" and (connection.vendor != "postgresql" or not params.q):
        sort = "newest"  # nothing to rank without text, and no ranking in the SQLite fallback
    sort_fields, order_by = _SORT_SQL[sort]
    base = TEXT.published(params.q, rank=sort == "relevance")
    if sort == "title":
        base = base.annotate(title_lower=Lower("title"))
    facet_columns = list(dict.fromkeys(column for facet in FACETS for column in facet.columns))
    inner = base.values_list("id", *facet_columns, *sort_fields).order_by()
    inner_sql, sql_params = inner.query.sql_with_params()
    sql_params = list(sql_params)
    columns = ", ".join(["id", *facet_columns, *[f"s{i}" for i in range(1, len(sort_fields) + 1)]])
    materialized = "MATERIALIZED " if connection.vendor == "postgresql" else ""
    ctes = [f"m ({columns}) AS {materialized}({inner_sql})"]
    for facet in FACETS:
        ctes += facet.sql_ctes(chosen=facet in resolved)
    flags = []
    for facet, keys in resolved.items():
        sql, values = facet.sql_flag(keys)
        flags.append(f", {sql} AS f_{facet.name}")
        sql_params += values
    ctes.append(f"f AS {materialized}(SELECT m.*{''.join(flags)} FROM m)")

    def conds(skip: ChoiceFacet | None = None) -> list[str]:
        return [f"f.f_{facet.name}" for facet in resolved if facet is not skip]

    def where() -> str:
        return where_sql(conds())

    branches = [facet.sql_count(conds(facet)) for facet in FACETS] if with_counts else []
    branches.append(f"SELECT 'total', NULL, COUNT(*) FROM f{where()}")
    branches.append(
        f"SELECT 'id', CAST(r.id AS TEXT), r.pos FROM (SELECT f.id, ROW_NUMBER() OVER (ORDER BY {order_by}) AS pos"
        f" FROM f{where()} ORDER BY {order_by} LIMIT {ID_LIST_LIMIT + 1}) r"
    )
    sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(branches)
    by_name = {facet.name: facet for facet in FACETS}
    counts: dict[str, dict] = {name: {} for name in by_name}
    total = 0
    positions = []
    with connection.cursor() as cursor:
        cursor.execute(sql, sql_params)
        for name, key, n in cursor.fetchall():
            if name == "id":
                positions.append((n, int(key)))
            elif name == "total":
                total = n
            else:
                counts[name][by_name[name].sql_key(key)] = n
    ids = [pk for _pos, pk in sorted(positions)] if total <= ID_LIST_LIMIT else None
    return counts, total, ids


def _all_counts() -> tuple[dict, int]:
    """Every facet's counts over all published measures and their number, in ONE query that reads
    indexes only: each many-to-many facet counts its whole through table and takes off the rows of
    the few unpublished measures; the single-choice facets (and the total) come from one scan of
    the (state, status, ungsinn_level) index; the counties add up per-unit counts. The same on
    SQLite and PostgreSQL, and independent of the text-search machinery."""
    if connection.vendor == "postgresql":
        # Matches the partial index measure_unpublished (migration 0006).
        unpublished_states, unpublished = [Measure.State.PUBLISHED], "m.state <> %s"
    else:  # SQLite finds the few rows through the (state, …) index
        unpublished_states = [state for state in Measure.State.values if state != Measure.State.PUBLISHED]
        unpublished = f"m.state IN ({placeholders(unpublished_states)})"
    singles = [facet for facet in FACETS if isinstance(facet, SingleChoiceFacet)]
    columns = [f"m.{facet.field}" for facet in singles]
    branches, sql_params = [], []
    for facet in FACETS:
        for branch in facet.sql_count_all(unpublished):
            branches.append(branch)
            sql_params += unpublished_states * branch.count(unpublished)
    # The single-choice columns as one key: each value as text, NULL as an empty marker, joined by '|'.
    key = " || '|' || ".join(f"COALESCE(CAST({column} AS TEXT), '~')" for column in columns)
    branches.append(
        f"SELECT 'single', {key}, COUNT(*) FROM {table(Measure)} m WHERE m.state = %s GROUP BY {', '.join(columns)}"
    )
    sql_params.append(Measure.State.PUBLISHED)
    by_name = {facet.name: facet for facet in FACETS}
    counts: dict[str, dict] = {name: {} for name in by_name}
    total = 0
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), sql_params)
        for name, text, n in cursor.fetchall():
            n = int(n)
            if name == "single":
                total += n
                for facet, value in zip(singles, text.split("|"), strict=True):
                    facet_key = facet.sql_key(None if value == "~" else value)
                    counts[facet.name][facet_key] = counts[facet.name].get(facet_key, 0) + n
            else:
                facet_key = by_name[name].sql_key(text)
                counts[name][facet_key] = counts[name].get(facet_key, 0) + n
    return {name: {k: n for k, n in c.items() if n} for name, c in counts.items()}, total


def measure_search(*, params: SearchParams, with_counts: bool = True) -> tuple[CardResults, list[Facet]]:
    """Published measures matching the text and facets (in page order, as cards: see
    `measures.cards.CardResults`), and the facet counts.

    Facets combine with AND, values within a facet with OR; each facet's counts are computed
    with every other facet applied (so choosing one option does not hide its siblings).
    `with_counts=False`: the facets' options only (every count 0), for a caller that needs the
    results alone (the API); the search then counts nothing but its results."""
    lists = ChoiceLists(FACETS)
    resolved = _resolve(params, lists)
    if not params.q and not resolved and not with_counts:
        counts, total, ids = {facet.name: {} for facet in FACETS}, None, None
    elif not params.q and not resolved:
        # The unfiltered bank (the most visited page, in every sort and page): its counts are kept
        # until the content changes (measures.memo), and computed by an index-only query.
        counts, total = memo.versioned("measures:facet-counts", _all_counts)
        ids = None
    else:
        # One query for every facet's counts, the total and the ordered ids, with or without text:
        # a constant number of queries per page (issue 14) on PostgreSQL and SQLite alike.
        counts, total, ids = _text_search_counts(params, resolved, with_counts=with_counts)
    facets = [
        Facet(f.name, str(f.label), f.options(params.filters.get(f.name, []), counts[f.name], lists)) for f in FACETS
    ]
    if ids is not None:
        return CardResults(ids=ids), facets
    results = _filtered(TEXT.published(params.q), resolved)
    if params.sort == "relevance" and params.q and connection.vendor == "postgresql":
        results = results.order_by("-rank", "-published_at", "pk")
    elif params.sort == "title":
        results = results.order_by(Lower("title"), "pk")
    else:
        results = results.order_by("-published_at", "-pk")
    return CardResults(results, count=total), facets


def measure_export_rows(*, params: SearchParams, limit: int = 10_000) -> QuerySet:
    """The whole current search result for CSV/XLSX export (capped)."""
    base = TEXT.published(params.q, rank=False)
    qs = _filtered(base, _resolve(params, ChoiceLists(FACETS))).order_by("-published_at", "-pk")
    return qs.select_related("unit").prefetch_related(
        "themes",
        "arenas",
        "age_bands",
        "prevention_levels",
        "unit__municipalities",
    )[:limit]
