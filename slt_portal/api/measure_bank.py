"""Published measures, filtered exactly as the public measure bank filters them: the same
parameters go through the bank's own search (`bank_search`, the one place this module touches
it), so the API and /tiltak/ give the same results in the same order."""

from typing import Literal

from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from measures.models import Classification, Measure
from measures.search import SearchParams, measure_search

from .base import ERROR_RESPONSES, PAGE, PAGE_SIZE, Term, choice, named, page_schema, page_url, paginate, term
from .directory import UnitRef

router = Router(tags=["measures"])

# The bank's facet parameters (repeatable), in the bank's order.
FACETS = ("theme", "arena", "age", "level", "evidence", "county", "status")
EVIDENCE_NONE = "none"
EVIDENCE_NONE_LABEL = _("Ikke vurdert i Ungsinn")


def bank_search(query: QueryDict):
    """The measure bank's search for these parameters: (its ordered results, which support count()
    and slicing; {facet: the option values it knows}). The adapter to measures' search API."""
    results, facets = measure_search(params=SearchParams.from_querydict(query))
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


def _full(queryset):
    return queryset.select_related("unit").prefetch_related(
        "themes",
        "arenas",
        "age_bands",
        "prevention_levels",
        "partner_sectors",
        "factors",
        "documents",
        "unit__memberships__municipality__county",
        "unit__district_memberships__district__municipality__county",
    )


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _measure(m: Measure) -> dict:
    counties = {x.municipality.county.number for x in m.unit.memberships.all() if x.is_current}
    counties |= {x.district.municipality.county.number for x in m.unit.district_memberships.all() if x.is_current}
    factors = list(m.factors.all())
    if m.ungsinn_level is None:
        evidence = term(EVIDENCE_NONE, EVIDENCE_NONE_LABEL)
    else:
        evidence = choice(Measure.UngsinnLevel, m.ungsinn_level)
    return {
        "id": m.pk,
        "title": m.title,
        "summary": m.summary,
        "description": m.description,
        "language": choice(Measure.Language, m.language),
        "unit": {"slug": m.unit.slug, "name": m.unit.name, "url": page_url(m.unit)},
        "counties": sorted(counties),
        "responsible_org": m.responsible_org,
        "themes": [named(t) for t in m.themes.all()],
        "arenas": [named(c) for c in m.arenas.all()],
        "age_bands": [named(c) for c in m.age_bands.all()],
        "prevention_levels": [named(c) for c in m.prevention_levels.all()],
        "partner_sectors": [named(c) for c in m.partner_sectors.all()],
        "risk_factors": [named(c) for c in factors if c.kind == Classification.Kind.RISK_FACTOR],
        "protective_factors": [named(c) for c in factors if c.kind == Classification.Kind.PROTECTIVE_FACTOR],
        "status": choice(Measure.Status, m.status),
        "start_date": _date(m.start_date),
        "end_date": _date(m.end_date),
        "funding": m.funding,
        "cost_level": choice(Measure.CostLevel, m.cost_level),
        "reach_per_year": m.reach_per_year,
        "evidence": evidence,
        "ungsinn_url": m.ungsinn_url,
        "international_rating": choice(Measure.InternationalRating, m.international_rating),
        "international_url": m.international_url,
        "local_evaluation": m.local_evaluation,
        "implementation": m.implementation,
        "report_links": m.report_link_list,
        "documents": [
            {"slug": d.slug, "title": d.title, "url": page_url(d)}
            for d in sorted(m.documents.all(), key=lambda d: (d.title, d.pk))
            if not d.is_restricted
        ],
        "last_reviewed": _date(m.last_reviewed),
        "published_at": m.published_at.isoformat(),
        "updated_at": m.updated_at.isoformat(),
        "url": page_url(m),
    }


# --- endpoints ---------------------------------------------------------------------------------


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
    page_size: int = PAGE_SIZE,
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
    chunk, meta = paginate(request, results, page=page, page_size=page_size)
    ids = [m.pk for m in chunk]
    by_pk = {m.pk: m for m in _full(Measure.objects.published().filter(pk__in=ids))}
    return {**meta, "results": [_measure(by_pk[pk]) for pk in ids if pk in by_pk]}


@router.get(
    "/measures/{measure_id}",
    response={200: MeasureOut, **ERROR_RESPONSES},
    summary=_("Ett tiltak"),
    description=_("Ett publisert tiltak, slått opp på nummer."),
)
def measure_detail(request, measure_id: int = Path(..., ge=1, le=2**31 - 1, description=_("Tiltakets nummer."))):
    return _measure(get_object_or_404(_full(Measure.objects.published()), pk=measure_id))
