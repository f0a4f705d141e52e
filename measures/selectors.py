"""Reads for the measure bank: search with facets, related measures, "who else runs this".

Full-text search runs on PostgreSQL: the `norwegian` configuration on `Measure.search_vector`
(title A, summary B, description C; GIN index; written by the service layer), queried with
`websearch_to_tsquery`, so any user input is valid syntax. On SQLite (development only) the
fallback is a plain `icontains` per word after stripping a few common Norwegian endings
(tiltakene → tiltak); it has no ranking ("relevance" sorts by newest) and no real stemming.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from accounts.permissions import coordinator_unit_ids
from municipalities.models import Coordinator, County, SLTUnit

from .models import Classification, Measure, Theme
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
            keys = [v for v in values if v == EVIDENCE_NONE or (v.isdigit() and len(v) == 1)]
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
        units = SLTUnit.objects.filter(
            Q(memberships__is_current=True, memberships__municipality__county_id__in=keys)
            | Q(
                district_memberships__is_current=True,
                district_memberships__district__municipality__county_id__in=keys,
            )
        ).values("pk")
        return qs.filter(unit_id__in=units)
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


def _counts(qs: QuerySet, name: str) -> dict:
    """One aggregate query per facet: {option key: number of matching measures}.

    `qs` carries no annotations, so grouping on its own columns is a plain GROUP BY."""
    if name in M2M_FACETS:
        _label, attr, _kind = M2M_FACETS[name]
        through = getattr(Measure, attr).through
        key = "theme_id" if attr == "themes" else "classification_id"
        rows = (
            through.objects.filter(measure_id__in=qs.values("pk"))
            .values(key)
            .annotate(n=Count("measure_id"))
            .order_by()
        )
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
        # Units made of whole municipalities, then Oslo-style units made of districts only.
        by_municipality = (
            qs.filter(unit__memberships__is_current=True)
            .values(c=F("unit__memberships__municipality__county_id"))
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        by_district = (
            qs.filter(unit__district_memberships__is_current=True)
            .exclude(unit__memberships__is_current=True)
            .values(c=F("unit__district_memberships__district__municipality__county_id"))
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        counts: dict = {}
        for row in [*by_municipality, *by_district]:
            counts[row["c"]] = counts.get(row["c"], 0) + row["n"]
        return counts
    return {}


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


def measure_search(*, params: SearchParams) -> tuple[QuerySet, list[Facet]]:
    """Published measures matching the text and facets, and the facet counts.

    Facets combine with AND, values within a facet with OR; each facet's counts are computed
    with every other facet applied (so choosing one option does not hide its siblings)."""
    lists = _load_lists()
    resolved = _resolve(params, lists)
    count_base = _base(params, rank=False)
    facets = []
    for name in FACET_ORDER:
        counts = _counts(_filtered(count_base, resolved, skip=name), name)
        facets.append(Facet(name, str(FACET_LABELS[name]), _options(name, params, counts, lists)))
    results = _filtered(_base(params), resolved)
    if params.sort == "relevance" and params.q and connection.vendor == "postgresql":
        results = results.order_by("-rank", "-published_at", "pk")
    elif params.sort == "title":
        results = results.order_by(Lower("title"), "pk")
    else:
        results = results.order_by("-published_at", "-pk")
    return results.with_card_data(), facets


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
    root = measure.family_root_id or measure.pk
    cond = Q(family_root_id=root) | Q(pk=root)
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
