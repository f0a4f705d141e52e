"""Published measures, filtered exactly as the public measure bank filters them: the same
parameters go through the bank's own search (`bank_search`, the one place this module touches
it), so the API and /tiltak/ give the same results in the same order."""

import functools
from typing import Literal

from django.conf import settings
from django.db import connection
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from measures.models import Classification, Measure
from measures.search import SearchParams, measure_search
from municipalities.models import County
from municipalities.selectors import unit_counties_sql

from .base import ERROR_RESPONSES, PAGE, Term, built_response, choice, page_schema, paginate, term
from .directory import UnitRef

router = Router(tags=["measures"])

# The bank's facet parameters (repeatable), in the bank's order.
FACETS = ("theme", "arena", "age", "level", "evidence", "county", "status")
EVIDENCE_NONE = "none"
EVIDENCE_NONE_LABEL = _("Ikke vurdert i Ungsinn")


def bank_search(query: QueryDict):
    """The measure bank's search for these parameters: (its ordered results, which support count()
    and slicing; {facet: the option values it knows}). The adapter to measures' search API."""
    results, facets = measure_search(params=SearchParams.from_querydict(query), with_counts=False)
    return results, {facet.name: {option.value for option in facet.options} for facet in facets}


# --- schemas ---------------------------------------------------------------------------------


class DocumentRef(Schema):
    slug: str = Field(description=_("Publikasjonens kortnavn; oppslag under /publications/{slug}."))
    title: str = Field(description=_("Tittel."))
    url: str = Field(description=_("Publikasjonens side i portalen."))


class MeasureOut(Schema):
    id: int = Field(description=_("Tiltakets nummer; oppslag under /measures/{id}."))
    title: str = Field(description=_("Tittel."))
    summary: str = Field(description=_("Kort sammendrag."))
    description: str = Field(description=_("Beskrivelse (Markdown)."))
    language: Term = Field(description=_("Språket teksten er skrevet på."))
    unit: UnitRef = Field(description=_("SLT-enheten som driver tiltaket."))
    counties: list[str] = Field(description=_("Fylkesnumrene til enhetens kommuner (filteret county)."))
    responsible_org: str = Field(description=_("Ansvarlig virksomhet i kommunen."))
    themes: list[Term] = Field(description=_("Temaer (filteret theme)."))
    arenas: list[Term] = Field(description=_("Arenaer (filteret arena)."))
    age_bands: list[Term] = Field(description=_("Aldersgrupper (filteret age)."))
    prevention_levels: list[Term] = Field(description=_("Forebyggingsnivå (filteret level)."))
    partner_sectors: list[Term] = Field(description=_("Samarbeidspartnere."))
    risk_factors: list[Term] = Field(description=_("Risikofaktorer."))
    protective_factors: list[Term] = Field(description=_("Beskyttelsesfaktorer."))
    status: Term = Field(description=_("planned, active eller ended (filteret status)."))
    start_date: str | None = Field(description=_("Startdato (ÅÅÅÅ-MM-DD)."))
    end_date: str | None = Field(description=_("Sluttdato (ÅÅÅÅ-MM-DD)."))
    funding: str = Field(description=_("Finansiering."))
    cost_level: Term | None = Field(description=_("Kostnadsnivå: low, medium eller high."))
    reach_per_year: int | None = Field(description=_("Omtrentlig antall deltakere per år."))
    evidence: Term = Field(
        description=_("Evidensnivå i Ungsinn: 5 til 0 (0 = uvirksomt tiltak), none = ikke vurdert (filteret evidence).")
    )
    ungsinn_url: str = Field(description=_("Lenke til Ungsinn-artikkelen."))
    international_rating: Term | None = Field(description=_("Internasjonal vurdering (Blueprints, EIF)."))
    international_url: str = Field(description=_("Lenke til den internasjonale vurderingen."))
    local_evaluation: str = Field(description=_("Lokal evaluering."))
    implementation: str = Field(description=_("Hva som trengs for å drive tiltaket."))
    report_links: list[str] = Field(description=_("Lenker til rapporter."))
    documents: list[DocumentRef] = Field(description=_("Åpne publikasjoner i dokumentbiblioteket."))
    last_reviewed: str | None = Field(description=_("Sist gjennomgått (ÅÅÅÅ-MM-DD)."))
    published_at: str = Field(description=_("Publisert (ISO 8601)."))
    updated_at: str = Field(description=_("Sist endret (ISO 8601)."))
    url: str = Field(description=_("Tiltakets side i portalen."))


MeasurePage = page_schema(MeasureOut, "MeasurePage")


# --- building the answers ----------------------------------------------------------------------
#
# Lean (issue 14): a page of measures costs four queries whatever its size (the measures with their
# unit, every managed-list value of the page in one UNION, the open documents, the counties), and
# no per-row `reverse()` or translation switching: the choice terms ({slug, name: {nb, nn, en}}) are
# code, computed once per process; page addresses come from a pattern reversed once.

#: Many-to-many fields → (through table, option table, option column); one query reads them all.
TERM_FIELDS = ("themes", "arenas", "age_bands", "prevention_levels", "partner_sectors", "factors")


@functools.cache
def _choice(choices_cls, value) -> dict | None:
    return choice(choices_cls, value)


@functools.cache
def _evidence_none() -> dict:
    return term(EVIDENCE_NONE, EVIDENCE_NONE_LABEL)


@functools.cache
def _path_pattern(name: str, **sentinels) -> str:
    """The bokmål path of URL `name` with `{field}` placeholders, reversed once per process (URL
    patterns are code)."""
    with translation.override("nb"):
        path = reverse(name, kwargs=dict(sentinels)).replace("{", "{{").replace("}", "}}")
    for field_name, sentinel in sentinels.items():
        path = path.replace(str(sentinel), "{" + field_name + "}")
    return path


def _measure_url(pk: int, slug: str) -> str:
    path = _path_pattern("measures:detail", pk=987654321, slug="slug-placeholder")
    return settings.SITE_URL + path.format(pk=pk, slug=slug or "tiltak")


def _unit_url(slug: str) -> str:
    return settings.SITE_URL + _path_pattern("municipalities:unit", slug="slug-placeholder").format(slug=slug)


def _document_url(slug: str) -> str:
    return settings.SITE_URL + _path_pattern("documents:detail", slug="slug-placeholder").format(slug=slug)


def _terms(ids: list[int]) -> dict:
    """{measure id: {field: [term, …]}} for every managed-list field, in the lists' order, by ONE
    query (a UNION ALL over the through tables); factors carry their kind."""
    qn = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    branches, params = [], []
    for name in TERM_FIELDS:
        field = Measure._meta.get_field(name)
        through, option = field.remote_field.through, field.related_model
        kind = "o.kind" if name == "factors" else "''"
        branches.append(
            f"SELECT t.measure_id, '{name}', {kind}, o.sort_order, o.name, o.slug, o.name_nn, o.name_en"
            f" FROM {qn(through._meta.db_table)} t JOIN {qn(option._meta.db_table)} o"
            f" ON o.id = t.{qn(field.m2m_reverse_name())} WHERE t.measure_id IN ({marks})"
        )
        params += ids
    found: dict = {pk: {name: [] for name in TERM_FIELDS} for pk in ids}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), params)
        rows = sorted(cursor.fetchall(), key=lambda r: (r[0], r[1], r[2], r[3], r[4]))
    for measure_id, name, kind, _order, nb, slug, nn, en in rows:
        found[measure_id][name].append((kind, {"slug": slug, "name": {"nb": nb, "nn": nn or nb, "en": en or nb}}))
    return found


def _documents(ids: list[int]) -> dict:
    """{measure id: [open documents]} ordered by title."""
    through = Measure.documents.through
    rows = (
        through.objects.filter(measure_id__in=ids, publication__is_restricted=False)
        .order_by("publication__title", "publication_id")
        .values_list("measure_id", "publication__slug", "publication__title")
    )
    found: dict = {pk: [] for pk in ids}
    for measure_id, slug, title in rows:
        found[measure_id].append({"slug": slug, "title": title, "url": _document_url(slug)})
    return found


def _counties(unit_ids: set[int]) -> dict:
    """{unit id: sorted county numbers} through the units' current municipalities and districts."""
    if not unit_ids:
        return {}
    marks = ", ".join(["%s"] * len(unit_ids))
    sql = (
        f"SELECT uc.unit_id, c.number FROM ({unit_counties_sql(for_counting=False)}) uc"
        f" JOIN {connection.ops.quote_name(County._meta.db_table)} c ON c.id = uc.county_id"
        f" WHERE uc.unit_id IN ({marks})"
    )
    found: dict = {pk: set() for pk in unit_ids}
    with connection.cursor() as cursor:
        cursor.execute(sql, list(unit_ids))
        for unit_id, number in cursor.fetchall():
            found[unit_id].add(number)
    return {pk: sorted(numbers) for pk, numbers in found.items()}


FIELDS = (
    "id", "title", "slug", "summary", "description", "language", "responsible_org", "status", "start_date",
    "end_date", "funding", "cost_level", "reach_per_year", "ungsinn_level", "ungsinn_url", "international_rating",
    "international_url", "local_evaluation", "implementation", "report_links", "last_reviewed", "published_at",
    "updated_at", "unit_id", "unit__slug", "unit__name",
)  # fmt: skip


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _measures(ids: list[int]) -> list[dict]:
    """The API records of the published measures `ids`, in that order."""
    if not ids:
        return []
    rows = {row["id"]: row for row in Measure.objects.published().filter(pk__in=ids).values(*FIELDS)}
    terms, documents = _terms(ids), _documents(ids)
    counties = _counties({row["unit_id"] for row in rows.values()})
    return [_record(rows[pk], terms[pk], documents[pk], counties[rows[pk]["unit_id"]]) for pk in ids if pk in rows]


def _record(m: dict, terms: dict, documents: list, counties: list) -> dict:
    factors = terms["factors"]
    evidence = _evidence_none() if m["ungsinn_level"] is None else _choice(Measure.UngsinnLevel, m["ungsinn_level"])
    return {
        "id": m["id"],
        "title": m["title"],
        "summary": m["summary"],
        "description": m["description"],
        "language": _choice(Measure.Language, m["language"]),
        "unit": {"slug": m["unit__slug"], "name": m["unit__name"], "url": _unit_url(m["unit__slug"])},
        "counties": counties,
        "responsible_org": m["responsible_org"],
        **{name: [t for _kind, t in terms[name]] for name in TERM_FIELDS[:-1]},
        "risk_factors": [t for kind, t in factors if kind == Classification.Kind.RISK_FACTOR],
        "protective_factors": [t for kind, t in factors if kind == Classification.Kind.PROTECTIVE_FACTOR],
        "status": _choice(Measure.Status, m["status"]),
        "start_date": _date(m["start_date"]),
        "end_date": _date(m["end_date"]),
        "funding": m["funding"],
        "cost_level": _choice(Measure.CostLevel, m["cost_level"]),
        "reach_per_year": m["reach_per_year"],
        "evidence": evidence,
        "ungsinn_url": m["ungsinn_url"],
        "international_rating": _choice(Measure.InternationalRating, m["international_rating"]),
        "international_url": m["international_url"],
        "local_evaluation": m["local_evaluation"],
        "implementation": m["implementation"],
        "report_links": [line.strip() for line in m["report_links"].splitlines() if line.strip()],
        "documents": documents,
        "last_reviewed": _date(m["last_reviewed"]),
        "published_at": m["published_at"].isoformat(),
        "updated_at": m["updated_at"].isoformat(),
        "url": _measure_url(m["id"], m["slug"]),
    }


class _Ids:
    """The bank's results as ids, for `paginate`: count() from the search, a slice of ids without
    building the cards."""

    def __init__(self, results):
        self.results = results

    def count(self) -> int:
        return self.results.count()

    def __getitem__(self, index: slice) -> list[int]:
        return self.results.ids(index)


# --- endpoints ---------------------------------------------------------------------------------


#: A page of measures is 20 by default (the measure bank's page; each record carries its full texts).
MEASURE_PAGE_SIZE = Query(
    20, ge=1, le=settings.API_MAX_PAGE_SIZE, description=_("Største antall elementer per side (høyst 100).")
)
THEME = Query([], description=_("Tema (slug); kan gjentas."))
ARENA = Query([], description=_("Arena (slug); kan gjentas."))
AGE = Query([], description=_("Aldersgruppe (slug); kan gjentas."))
LEVEL = Query([], description=_("Forebyggingsnivå (slug); kan gjentas."))
EVIDENCE = Query([], description=_("Evidensnivå: 0–5 eller none; kan gjentas."))
COUNTY = Query([], description=_("Fylkesnummer; kan gjentas."))
STATUS = Query([], description=_("planned, active eller ended; kan gjentas."))


@router.get(
    "/measures",
    response={200: MeasurePage, **ERROR_RESPONSES},
    summary=_("Tiltak"),
    description=_(
        "Publiserte tiltak, søkt og filtrert som i tiltaksbanken (/tiltak/): samme parametere gir samme treff i "
        "samme rekkefølge. Flere verdier i ett filter betyr «eller», flere filtre betyr «og»."
    ),
)
def measure_list(
    request,
    q: str = Query("", max_length=200, description=_("Fritekst (tittel, sammendrag, beskrivelse).")),
    theme: list[str] = THEME,
    arena: list[str] = ARENA,
    age: list[str] = AGE,
    level: list[str] = LEVEL,
    evidence: list[str] = EVIDENCE,
    county: list[str] = COUNTY,
    status: list[str] = STATUS,
    sort: Literal["relevance", "newest", "title"] | None = Query(
        None, description=_("Sortering: relevance (standard med fritekst), newest (standard ellers) eller title.")
    ),
    page: int = PAGE,
    page_size: int = MEASURE_PAGE_SIZE,
):
    chosen = {"theme": theme, "arena": arena, "age": age, "level": level, "evidence": evidence}
    chosen |= {"county": county, "status": status}
    query = QueryDict(mutable=True)
    if q:
        query["q"] = q
    if sort:
        query["sort"] = sort
    for name in FACETS:
        query.setlist(name, [value for value in chosen[name] if value])
    results, known = bank_search(query)
    unknown = [f"{name}={value}" for name in FACETS for value in chosen[name] if value and value not in known[name]]
    if unknown:
        raise HttpError(422, f"Unknown filter values: {', '.join(unknown[:10])}.")
    ids, meta = paginate(request, _Ids(results), page=page, page_size=page_size)
    return built_response(request, {**meta, "results": _measures(ids)})


@router.get(
    "/measures/{measure_id}",
    response={200: MeasureOut, **ERROR_RESPONSES},
    summary=_("Ett tiltak"),
    description=_("Ett publisert tiltak, slått opp på nummer."),
)
def measure_detail(request, measure_id: int = Path(..., ge=1, le=2**31 - 1, description=_("Tiltakets nummer."))):
    found = _measures([measure_id])
    if not found:
        raise Http404
    return found[0]
