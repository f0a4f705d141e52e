"""Reads for the measure bank: search with facets, related measures, "who else runs this".

Full-text search runs on PostgreSQL: the `norwegian` configuration on `Measure.search_vector`
(title A, summary B, description C; GIN index; written by the service layer), queried with
`websearch_to_tsquery`, so any user input is valid syntax. On SQLite (development only) the
fallback is a plain `icontains` per word after stripping a few common Norwegian endings
(tiltakene → tiltak); it has no ranking ("relevance" sorts by newest) and no real stemming.

Performance (bench/RESULTS.md): a text search evaluates the match once and gets every facet
count, the total and the ordered result ids from ONE query (`_facet_counts`); without text each
facet is counted by its own aggregate query (`_counts`), which PostgreSQL runs index-only.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accounts.permissions import coordinator_unit_ids
from municipalities.models import Coordinator, County, District, Municipality, SLTUnit, UnitDistrict, UnitMunicipality

from .models import Classification, Measure, MeasureQuerySet, Theme
from .services import SEARCH_CONFIG

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SORTS = {
    "relevance": _("Relevans"),
    "newest": _("Nyeste"),
    "title": _("Tittel (A–Å)"),
}
EVIDENCE_NONE = "none"

# Facet parameter → (label, M2M through field name on Measure, classification kind or None).
M2M_FACETS = {
    "theme": (_("Tema"), "themes", None),
    "arena": (_("Arena"), "arenas", Classification.Kind.ARENA),
    "age": (_("Aldersgruppe"), "age_bands", Classification.Kind.AGE_BAND),
    "level": (_("Forebyggingsnivå"), "prevention_levels", Classification.Kind.PREVENTION_LEVEL),
}
FACET_ORDER = ["theme", "arena", "age", "level", "evidence", "county", "status"]


@dataclass
class SearchParams:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    truncated: bool = False

    @classmethod
    def from_querydict(cls, data) -> "SearchParams":
        q = " ".join(data.get("q", "").replace("\x00", " ").split())
        truncated = len(q) > MAX_QUERY_LENGTH
        q = q[:MAX_QUERY_LENGTH]
        filters = {}
        for name in FACET_ORDER:
            values = [v[:40] for v in data.getlist(name) if v and "\x00" not in v][:30]
            if values:
                filters[name] = values
        sort = data.get("sort", "")
        if sort not in SORTS:
            sort = "relevance" if q else "newest"
        return cls(q=q, filters=filters, sort=sort, truncated=truncated)

    @property
    def active(self) -> bool:
        return bool(self.q or self.filters)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]

    @property
    def has_selection(self) -> bool:
        return any(option.selected for option in self.options)


def _stem(term: str) -> str:
    """A crude Norwegian suffix strip for the SQLite fallback (PostgreSQL stems properly)."""
    lower = term.lower()
    for suffix in ("ene", "ane", "ers", "er", "en", "et", "a", "e"):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
            return lower[: -len(suffix)]
    return lower


def _text_filter(qs: QuerySet, q: str, *, rank: bool = True) -> QuerySet:
    if not q:
        return qs
    if connection.vendor == "postgresql":
        query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
        qs = qs.filter(search_vector=query)
        return qs.annotate(rank=SearchRank(F("search_vector"), query)) if rank else qs
    # SQLite fallback for development: every term (crudely stemmed) must occur somewhere.
    terms = [t for t in re.split(r"\W+", q) if t][:MAX_TERMS]
    for term in terms:
        stem = _stem(term)
        qs = qs.filter(Q(title__icontains=stem) | Q(summary__icontains=stem) | Q(description__icontains=stem))
    return qs


def _load_lists() -> dict:
    """The managed lists behind the facets (three small queries)."""
    return {
        "themes": list(Theme.objects.all()),
        "classifications": list(
            Classification.objects.filter(kind__in=[spec[2] for spec in M2M_FACETS.values() if spec[2]])
        ),
        "counties": list(County.objects.all()),
    }


def _resolve(params: SearchParams, lists: dict) -> dict[str, list]:
    """Facet values from the URL → database keys; unknown values are ignored.

    Filtering on ids (not on slugs through a join) gives PostgreSQL's planner true row estimates,
    so a selective full-text condition is evaluated first."""
    resolved = {}
    for name, values in params.filters.items():
        wanted = set(values)
        if name == "theme":
            keys = [t.pk for t in lists["themes"] if t.slug in wanted]
        elif name in M2M_FACETS:
            kind = M2M_FACETS[name][2]
            keys = [c.pk for c in lists["classifications"] if c.kind == kind and c.slug in wanted]
        elif name == "county":
            keys = [c.pk for c in lists["counties"] if c.number in wanted]
        elif name == "evidence":
            # ASCII only: "²".isdigit() is true but int("²") fails.
            keys = [v for v in values if v == EVIDENCE_NONE or (len(v) == 1 and v in "0123456789")]
        elif name == "status":
            keys = [v for v in values if v in Measure.Status.values]
        else:
            keys = []
        if keys:
            resolved[name] = keys
    return resolved


def _facet_filter(qs: QuerySet, name: str, keys: list) -> QuerySet:
    if name in M2M_FACETS:
        _label, attr, _kind = M2M_FACETS[name]
        through = getattr(Measure, attr).through
        key = "theme_id" if attr == "themes" else "classification_id"
        return qs.filter(pk__in=through.objects.filter(**{f"{key}__in": keys}).values("measure_id"))
    if name == "evidence":
        cond = Q(ungsinn_level__in=[int(v) for v in keys if v != EVIDENCE_NONE])
        if EVIDENCE_NONE in keys:
            cond |= Q(ungsinn_level__isnull=True)
        return qs.filter(cond)
    if name == "county":
        return qs.filter(unit_id__in=SLTUnit.objects.in_county(*keys).values("pk"))
    if name == "status":
        return qs.filter(status__in=keys)
    return qs


def _base(params: SearchParams, *, rank: bool = True) -> QuerySet:
    return _text_filter(Measure.objects.published(), params.q, rank=rank)


def _filtered(base: QuerySet, resolved: dict, *, skip: str | None = None) -> QuerySet:
    qs = base
    for name, keys in resolved.items():
        if name != skip:
            qs = _facet_filter(qs, name, keys)
    return qs


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _table(model) -> str:
    return _q(model._meta.db_table)


def _m2m(name: str) -> tuple[str, str]:
    """(through table, option key column) of an M2M facet."""
    attr = M2M_FACETS[name][1]
    return _table(getattr(Measure, attr).through), _q("theme_id" if attr == "themes" else "classification_id")


def _placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def _unit_counties_sql(*, for_counting: bool) -> str:
    """(unit_id, county_id) pairs of current units, each pair once.

    Units made of whole municipalities, plus Oslo-style units made of districts. For counting, a
    unit with both kinds of membership counts by its municipalities only (as the county page does);
    for filtering, either kind matches."""
    um, mun = _table(UnitMunicipality), _table(Municipality)
    ud, dist = _table(UnitDistrict), _table(District)
    exclude = (
        f" AND NOT EXISTS (SELECT 1 FROM {um} um2 WHERE um2.unit_id = ud.unit_id AND um2.is_current)"
        if for_counting
        else ""
    )
    return (
        f"SELECT um.unit_id, mu.county_id FROM {um} um JOIN {mun} mu ON mu.id = um.municipality_id"
        f" WHERE um.is_current"
        f" UNION SELECT ud.unit_id, mu.county_id FROM {ud} ud JOIN {dist} d ON d.id = ud.district_id"
        f" JOIN {mun} mu ON mu.id = d.municipality_id WHERE ud.is_current{exclude}"
    )


def _flag_sql(name: str, keys: list) -> tuple[str, list]:
    """SQL for "this row of `m` matches the chosen options of facet `name`", and its params."""
    if name in M2M_FACETS:
        table, key = _m2m(name)
        # OFFSET 0 keeps PostgreSQL probing the (measure_id, key) index per matching row instead
        # of hashing every through row of the chosen options (which grows with the whole bank).
        offset = " OFFSET 0" if connection.vendor == "postgresql" else ""
        return (
            f"EXISTS (SELECT 1 FROM {table} t WHERE t.measure_id = m.id"
            f" AND t.{key} IN ({_placeholders(keys)}){offset})",
            list(keys),
        )
    if name == "evidence":
        levels = [int(v) for v in keys if v != EVIDENCE_NONE]
        parts = [f"m.ungsinn_level IN ({_placeholders(levels)})"] if levels else []
        if EVIDENCE_NONE in keys:
            parts.append("m.ungsinn_level IS NULL")
        return "(" + " OR ".join(parts) + ")", levels
    if name == "status":
        return f"m.status IN ({_placeholders(keys)})", list(keys)
    if name == "county":
        return (
            f"m.unit_id IN (SELECT uf.unit_id FROM uf WHERE uf.county_id IN ({_placeholders(keys)}))",
            list(keys),
        )
    raise ValueError(name)


def _counts(qs: QuerySet, name: str, *, every_published: bool = False) -> dict:
    """One aggregate query per facet: {option key: number of matching measures}. Used when there
    is no text: then the PostgreSQL planner counts each facet best on its own (index-only scans,
    parallel workers) rather than from one materialised set of every published measure.

    `qs` carries no annotations, so grouping on its own columns is a plain GROUP BY.
    `every_published`: `qs` is every published measure (no other facet chosen), so M2M links are
    counted by leaving out the few unpublished measures (an anti-join on a small partial index)
    instead of matching every link against every published id."""
    if name in M2M_FACETS:
        _label, attr, _kind = M2M_FACETS[name]
        through = getattr(Measure, attr).through
        key = "theme_id" if attr == "themes" else "classification_id"
        if every_published:
            unpublished = Measure.objects.filter(pk=OuterRef("measure_id")).exclude(state=Measure.State.PUBLISHED)
            links = through.objects.filter(~Exists(unpublished))
        else:
            links = through.objects.filter(measure_id__in=qs.values("pk"))
        rows = links.values(key).annotate(n=Count("measure_id")).order_by()
        return {row[key]: row["n"] for row in rows}
    if name == "evidence":
        rows = qs.values("ungsinn_level").annotate(n=Count("pk")).order_by()
        return {
            (EVIDENCE_NONE if row["ungsinn_level"] is None else str(row["ungsinn_level"])): row["n"] for row in rows
        }
    if name == "status":
        rows = qs.values("status").annotate(n=Count("pk")).order_by()
        return {row["status"]: row["n"] for row in rows}
    if name == "county":
        # Count per unit (an index-only scan), then add the units up per county.
        per_unit, per_unit_params = qs.values("unit_id").annotate(n=Count("pk")).order_by().query.sql_with_params()
        sql = (
            f"WITH pu (unit_id, n) AS ({per_unit}),"
            f" uc (unit_id, county_id) AS ({_unit_counties_sql(for_counting=True)})"
            " SELECT uc.county_id, SUM(pu.n) FROM pu JOIN uc ON uc.unit_id = pu.unit_id GROUP BY uc.county_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, per_unit_params)
            return {county_id: int(n) for county_id, n in cursor.fetchall()}
    return {}


# A text search with at most this many results gets its ordered ids from the facet query, so the
# page itself is a primary-key lookup instead of a second text match.
ID_LIST_LIMIT = 1000

# Sort → (fields of the text match that the order needs, ORDER BY over them as f.s1, f.s2, …).
_SORT_SQL = {
    "relevance": (["rank", "published_at"], "f.s1 DESC, f.s2 DESC, f.id ASC"),
    "title": (["title_lower"], "f.s1 ASC, f.id ASC"),
    "newest": (["published_at"], "f.s1 DESC, f.id DESC"),
}


def _facet_counts(params: SearchParams, resolved: dict) -> tuple[dict[str, dict], int, list[int] | None]:
    """Every facet's counts, the number of results and (up to ID_LIST_LIMIT) their ordered ids, in
    ONE query.

    The text match (the GIN index scan and its heap visits) runs once, in the CTE `m`; for each
    chosen facet `f` holds one boolean per matching measure. Each facet is then counted over the
    rows matching every *other* chosen facet: M2M facets by index-only probes of the through
    table, the others by grouping `f`'s own columns. Returns ({facet: {key: count}}, total, ids or
    None when there are more results than ID_LIST_LIMIT)."""
    sort = params.sort
    if sort == "relevance" and connection.vendor != "postgresql":
        sort = "newest"  # no ranking in the SQLite fallback
    sort_fields, order_by = _SORT_SQL[sort]
    base = _base(params, rank=sort == "relevance")
    if sort == "title":
        base = base.annotate(title_lower=Lower("title"))
    inner = base.values_list("id", "status", "ungsinn_level", "unit_id", *sort_fields).order_by()
    inner_sql, inner_params = inner.query.sql_with_params()
    columns = ", ".join(
        ["id", "status", "ungsinn_level", "unit_id", *[f"s{i}" for i in range(1, len(sort_fields) + 1)]]
    )
    materialized = "MATERIALIZED " if connection.vendor == "postgresql" else ""
    flags, flag_params = [], []
    for name, keys in resolved.items():
        sql, values = _flag_sql(name, keys)
        flags.append(f"{sql} AS f_{name}")
        flag_params += values
    ctes = [f"m ({columns}) AS {materialized}({inner_sql})"]
    params_list = list(inner_params)
    if "county" in resolved:
        ctes.append(f"uf (unit_id, county_id) AS ({_unit_counties_sql(for_counting=False)})")
    ctes.append(f"uc (unit_id, county_id) AS ({_unit_counties_sql(for_counting=True)})")
    flag_columns = "".join(f", {flag}" for flag in flags)
    ctes.append(f"f AS {materialized}(SELECT m.*{flag_columns} FROM m)")
    params_list += flag_params

    def where(skip: str | None = None) -> str:
        conds = [f"f.f_{name}" for name in resolved if name != skip]
        return " WHERE " + " AND ".join(conds) if conds else ""

    branches = []
    for name in FACET_ORDER:
        if name in M2M_FACETS:
            table, key = _m2m(name)
            branches.append(
                f"SELECT '{name}', CAST(t.{key} AS TEXT), COUNT(*) FROM f JOIN {table} t ON t.measure_id = f.id"
                f"{where(name)} GROUP BY t.{key}"
            )
        elif name == "evidence":
            branches.append(
                f"SELECT '{name}', CAST(f.ungsinn_level AS TEXT), COUNT(*) FROM f{where(name)} GROUP BY f.ungsinn_level"
            )
        elif name == "status":
            branches.append(f"SELECT '{name}', f.status, COUNT(*) FROM f{where(name)} GROUP BY f.status")
        elif name == "county":
            branches.append(
                f"SELECT '{name}', CAST(uc.county_id AS TEXT), COUNT(*) FROM f JOIN uc ON uc.unit_id = f.unit_id"
                f"{where(name)} GROUP BY uc.county_id"
            )
    branches.append(f"SELECT 'total', NULL, COUNT(*) FROM f{where()}")
    branches.append(
        f"SELECT 'id', CAST(r.id AS TEXT), r.pos FROM (SELECT f.id, ROW_NUMBER() OVER (ORDER BY {order_by}) AS pos"
        f" FROM f{where()} ORDER BY {order_by} LIMIT {ID_LIST_LIMIT + 1}) r"
    )
    sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(branches)
    counts: dict[str, dict] = {name: {} for name in FACET_ORDER}
    total = 0
    positions = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params_list)
        for name, key, n in cursor.fetchall():
            if name == "id":
                positions.append((n, int(key)))
            elif name == "total":
                total = n
            elif name == "evidence":
                counts[name][EVIDENCE_NONE if key is None else key] = n
            elif name == "status":
                counts[name][key] = n
            else:
                counts[name][int(key)] = n
    ids = [pk for _pos, pk in sorted(positions)] if total <= ID_LIST_LIMIT else None
    return counts, total, ids


def _options(name: str, params: SearchParams, counts: dict, lists: dict) -> list[FacetOption]:
    selected = set(params.filters.get(name, []))
    if name == "theme":
        return [FacetOption(t.slug, t.localized_name, counts.get(t.pk, 0), t.slug in selected) for t in lists["themes"]]
    if name in M2M_FACETS:
        kind = M2M_FACETS[name][2]
        return [
            FacetOption(c.slug, c.localized_name, counts.get(c.pk, 0), c.slug in selected)
            for c in lists["classifications"]
            if c.kind == kind
        ]
    if name == "evidence":
        options = [
            FacetOption(str(value), label, counts.get(str(value), 0), str(value) in selected)
            for value, label in Measure.UngsinnLevel.choices
        ]
        options.append(
            FacetOption(
                EVIDENCE_NONE, str(_("Ikke vurdert i Ungsinn")), counts.get(EVIDENCE_NONE, 0), EVIDENCE_NONE in selected
            )
        )
        return options
    if name == "county":
        return [FacetOption(c.number, c.name, counts.get(c.pk, 0), c.number in selected) for c in lists["counties"]]
    if name == "status":
        return [
            FacetOption(value, str(label), counts.get(value, 0), value in selected)
            for value, label in Measure.Status.choices
        ]
    return []


FACET_LABELS = {
    **{name: spec[0] for name, spec in M2M_FACETS.items()},
    "evidence": _("Evidensnivå (Ungsinn)"),
    "county": _("Fylke"),
    "status": _("Status"),
}


class _OrderedResults:
    """A search result whose ordered ids the facet query already returned: what the paginator
    needs (`count()` and slicing); each page is one primary-key query (+ the card prefetches)."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0] if index >= 0 else self[len(self) + index]
        page = self.ids[index]
        if not page:
            return []
        by_id = {m.pk: m for m in Measure.objects.published().filter(pk__in=page).with_card_data()}
        return [by_id[pk] for pk in page if pk in by_id]


class _CountedQuerySet(MeasureQuerySet):
    """A search result whose size the facet query already counted, so the paginator's
    `count()` costs no second text match. Any chained copy counts for itself again."""

    known_count: int | None = None

    def count(self) -> int:
        if self.known_count is not None and self._result_cache is None:
            return self.known_count
        return super().count()


def measure_search(*, params: SearchParams) -> tuple[QuerySet | _OrderedResults, list[Facet]]:
    """Published measures matching the text and facets (in page order), and the facet counts.

    Facets combine with AND, values within a facet with OR; each facet's counts are computed
    with every other facet applied (so choosing one option does not hide its siblings)."""
    lists = _load_lists()
    resolved = _resolve(params, lists)
    ids = None
    if params.q:
        counts, total, ids = _facet_counts(params, resolved)
    else:
        count_base = _base(params, rank=False)
        counts = {
            name: _counts(
                _filtered(count_base, resolved, skip=name),
                name,
                every_published=not any(other != name for other in resolved),
            )
            for name in FACET_ORDER
        }
        total = None  # the paginator counts
    facets = [Facet(name, str(FACET_LABELS[name]), _options(name, params, counts[name], lists)) for name in FACET_ORDER]
    if ids is not None:
        return _OrderedResults(ids), facets
    results = _filtered(_text_filter(_CountedQuerySet(Measure).published(), params.q), resolved)
    if params.sort == "relevance" and params.q and connection.vendor == "postgresql":
        results = results.order_by("-rank", "-published_at", "pk")
    elif params.sort == "title":
        results = results.order_by(Lower("title"), "pk")
    else:
        results = results.order_by("-published_at", "-pk")
    results = results.with_card_data()
    results.known_count = total
    return results, facets


def measure_export_rows(*, params: SearchParams, limit: int = 10_000) -> QuerySet:
    """The whole current search result for CSV/XLSX export (capped)."""
    qs = _filtered(_base(params, rank=False), _resolve(params, _load_lists())).order_by("-published_at", "-pk")
    return qs.select_related("unit").prefetch_related(
        "themes",
        "arenas",
        "age_bands",
        "prevention_levels",
        "unit__municipalities",
    )[:limit]


def measure_detail_queryset(user) -> QuerySet:
    return (
        Measure.objects.visible_to(user)
        .select_related("unit", "based_on")
        .prefetch_related(
            "themes",
            "arenas",
            "age_bands",
            "prevention_levels",
            "partner_sectors",
            "factors",
            "unit__municipalities",
        )
    )


def measure_history_rows(*, measure: Measure) -> list[dict]:
    """The measure's history records, newest first, each with the names of the fields it changed."""
    records = list(measure.history.select_related("history_user").order_by("-history_date", "-history_id"))
    rows = []
    for record, previous in zip(records, [*records[1:], None], strict=True):
        changed = []
        if previous is not None:
            changed = [
                str(Measure._meta.get_field(change.field).verbose_name)
                for change in record.diff_against(previous).changes
            ]
        rows.append({"record": record, "changed": changed})
    return rows


def _family_q(measure: Measure) -> Q:
    root = measure.family_root_id or measure.pk
    return Q(family_root_id=root) | Q(pk=root)


def measure_related(*, measure: Measure, limit: int = 5) -> list[Measure]:
    """Up to `limit` published measures sharing a theme and an age band (then either), newest
    first. Semi-joins walk the (state, published_at) index, so this stays fast at 100 000 rows."""
    theme_ids = [t.pk for t in measure.themes.all()]
    age_ids = [a.pk for a in measure.age_bands.all()]
    if not theme_ids and not age_ids:
        return []
    by_theme = Q(pk__in=Measure.themes.through.objects.filter(theme_id__in=theme_ids).values("measure_id"))
    by_age = Q(pk__in=Measure.age_bands.through.objects.filter(classification_id__in=age_ids).values("measure_id"))
    candidates = (
        Measure.objects.published()
        .exclude(pk=measure.pk)
        .exclude(_family_q(measure))  # the family is shown under "who else runs this"
        .order_by("-published_at", "-pk")
    )
    ids = []
    if theme_ids and age_ids:
        ids = list(candidates.filter(by_theme & by_age).values_list("pk", flat=True)[:limit])
    if len(ids) < limit:
        either = candidates.filter(by_theme | by_age).exclude(pk__in=ids)
        ids += list(either.values_list("pk", flat=True)[: limit - len(ids)])
    by_id = {m.pk: m for m in Measure.objects.filter(pk__in=ids).select_related("unit")}
    return [by_id[pk] for pk in ids if pk in by_id]


def measure_peers(*, measure: Measure, user, limit: int = 50) -> list[Measure]:
    """ "Who else runs this?": the published measures of other units in the same "based on"
    family (copies of copies included) or linking the same Ungsinn article. The viewer's own
    units are left out. Each comes with its unit's municipalities and public coordinators."""
    cond = _family_q(measure)
    if measure.ungsinn_url:
        cond |= Q(ungsinn_url=measure.ungsinn_url)
    excluded_units = {measure.unit_id, *coordinator_unit_ids(user)}
    return list(
        Measure.objects.published()
        .filter(cond)
        .exclude(unit_id__in=excluded_units)
        .select_related("unit")
        .prefetch_related(
            "unit__municipalities",
            Prefetch(
                "unit__coordinators",
                queryset=Coordinator.objects.public().order_by("name"),
                to_attr="public_coordinators",
            ),
        )
        .order_by("unit__name", "pk")[:limit]
    )
