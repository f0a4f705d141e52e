"""Reads for the SLT directory: search, places (municipality/district + its unit), coverage."""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, CharField, Count, Exists, F, Func, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Greatest, Lower, Replace
from django.urls import reverse
from django.utils.translation import gettext

from core.text import FOLD_NB
from core.vocabulary import STALE_AFTER_DAYS

from .models import (
    Coordinator,
    County,
    District,
    Municipality,
    SLTUnit,
    UnitDistrict,
    UnitMunicipality,
    status_text,
)
from .names import MUNICIPALITY_ALIASES

# Trigram word similarity (PostgreSQL) / difflib ratio (fallback) a fuzzy match must reach.
TRIGRAM_THRESHOLD = 0.45
FALLBACK_THRESHOLD = 0.78
# A county match lists the county's municipalities a little below direct name matches.
COUNTY_WEIGHT = 0.85
# Scores of a name that equals the query, starts with it, has a word starting with it, contains it;
# a fuzzy (misspelt) match scores at most FUZZY_CAP, so exact and prefix matches of a name always
# outrank a fuzzy match in another name (and a county's municipalities: 1.0 * COUNTY_WEIGHT).
EXACT, PREFIX, WORD_PREFIX, CONTAINS = 1.0, 0.95, 0.9, 0.8
FUZZY_CAP = 0.75
# Words that say what kind of place is meant but are not part of its name ("Tromsø kommune",
# "Bydel Grorud", "Romssa suohkan"): bokmål, nynorsk, English, Sami and Kven, normalised.
PLACE_WORDS = frozenset(
    {
        "kommune", "kommunen", "kommuner", "kommuna", "kommunar", "kommunane",
        "bydel", "bydelen", "bydeler", "bydelar",
        "fylke", "fylket", "fylker", "fylka", "fylkeskommune", "fylkeskommunen", "fylkeskommuna",
        "municipality", "county", "district", "borough", "council",
        "gielda", "suohkan", "suohkana", "tjielte", "fylkka", "komuuni", "kunta",
    }
)  # fmt: skip


def normalise(text: str) -> str:
    """Lower-case, æ→ae, ø→o, å/aa→a, accents dropped, punctuation to spaces."""
    text = (text or "").lower().translate(FOLD_NB)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("aa", "a")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def search_terms(query: str) -> str:
    """The normalised query without the words that only say "municipality", "district" or
    "county" ("Tromsø kommune" → "tromso"); a query of nothing but such words is kept as it is."""
    words = normalise(query).split()
    return " ".join(w for w in words if w not in PLACE_WORDS) or " ".join(words)


def uses_trigram() -> bool:
    return connection.vendor == "postgresql"


def _pg_normalised(field_name: str):
    """The database twin of normalise() for PostgreSQL (unaccent maps æ→ae, ø→o, å→a)."""
    unaccented = Func(Lower(F(field_name)), function="unaccent")
    return Replace(unaccented, Value("aa"), Value("a"))


def _name_score(query: str, text: str) -> float:
    """EXACT, PREFIX, WORD_PREFIX or CONTAINS for a name that holds the query; 0.0 otherwise."""
    if not text:
        return 0.0
    if query == text:
        return EXACT
    if text.startswith(query):
        return PREFIX
    if f" {text}".find(f" {query}") >= 0:
        return WORD_PREFIX
    return CONTAINS if query in text else 0.0


def _fuzzy_score(query: str, text: str) -> float:
    if not text:
        return 0.0
    words = text.split()
    size = len(query.split())
    candidates = {" ".join(words[i : i + size]) for i in range(len(words))} | {text}
    best = max(difflib.SequenceMatcher(None, query, c).ratio() for c in candidates)
    return min(best, FUZZY_CAP) if best >= FALLBACK_THRESHOLD else 0.0


def _trigram_candidates(queryset, fields: list[str], query: str):
    """PostgreSQL: rows where one of `fields` contains the normalised query or is similar to it,
    annotated with `sim` (trigram word similarity of the best field)."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    annotations = {f"n_{i}": _pg_normalised(name) for i, name in enumerate(fields)}
    queryset = queryset.annotate(**annotations)
    sims = [TrigramWordSimilarity(Value(query), F(f"n_{i}")) for i in range(len(fields))]
    contains = Q()
    for i in range(len(fields)):
        contains |= Q(**{f"n_{i}__contains": query})
    queryset = queryset.annotate(sim=Greatest(*sims) if len(sims) > 1 else sims[0])
    return queryset.filter(contains | Q(sim__gte=TRIGRAM_THRESHOLD))


def _score(query: str, values, sim: float | None = None) -> float:
    """The best _name_score of the values, else a fuzzy score (the trigram similarity `sim` on
    PostgreSQL, difflib elsewhere) capped at FUZZY_CAP."""
    texts = [normalise(v) for v in values]
    exact = max(_name_score(query, t) for t in texts)
    if exact:
        return exact
    if sim is not None:
        return min(sim, FUZZY_CAP)
    return max(_fuzzy_score(query, t) for t in texts)


def _match(queryset, fields: list[str], query: str) -> dict[int, float]:
    """{pk: score} of rows where one of `fields` matches the (normalised) query: the best
    _name_score of the fields, else a fuzzy score (trigram word similarity on PostgreSQL, difflib
    elsewhere) capped at FUZZY_CAP."""
    if uses_trigram():
        rows = _trigram_candidates(queryset, fields, query).values_list("pk", "sim", *fields)
        return {pk: _score(query, values, sim) for pk, sim, *values in rows}
    scores = {pk: _score(query, values) for pk, *values in queryset.values_list("pk", *fields)}
    return {pk: score for pk, score in scores.items() if score}


def _with_aliases(queryset):
    """Municipalities annotated with `aliases`: names in use that the official name lacks
    (municipalities.names.MUNICIPALITY_ALIASES), so they are matched like the other names."""
    whens = [When(number=number, then=Value(" - ".join(forms))) for number, forms in MUNICIPALITY_ALIASES.items()]
    return queryset.annotate(aliases=Case(*whens, default=Value(""), output_field=CharField()))


def _match_objects(queryset, fields: list[str], query: str) -> list[tuple[float, object]]:
    """Like _match, but the matching rows themselves with their score, in one query."""
    if uses_trigram():
        rows = _trigram_candidates(queryset, fields, query)
        return [(_score(query, [getattr(obj, f) for f in fields], obj.sim), obj) for obj in rows]
    scored = [(_score(query, [getattr(obj, f) for f in fields]), obj) for obj in queryset]
    return [(score, obj) for score, obj in scored if score]


@dataclass
class DirectoryHit:
    """A municipality or an SLT unit whose name matches a search, for the site-wide search."""

    name: str
    url: str
    detail: str  # the county (municipality) or "SLT-enhet"
    score: float


def directory_hits(*, query: str, limit: int = 5) -> tuple[int, list[DirectoryHit]]:
    """(number of matches, best `limit`) among current municipalities (any official name form) and
    current SLT units, with the directory's typo tolerance and without place words such as
    "kommune". Two queries."""
    q = search_terms(query)
    if not q:
        return 0, []
    current_unit = UnitMunicipality.objects.filter(municipality=OuterRef("pk"), is_current=True)
    municipalities = (
        _with_aliases(Municipality.objects.current())
        .select_related("county")
        .annotate(unit_name=Subquery(current_unit.values("unit__name")[:1]))
        .only("number", "name", "official_name", "county__name")
    )
    hits = []
    for score, m in _match_objects(municipalities, ["name", "official_name", "aliases"], q):
        detail = f"{m.county.name} · {m.unit_name}" if m.unit_name else m.county.name
        url = reverse("municipalities:municipality", kwargs={"number": m.number})
        hits.append(DirectoryHit(name=m.name, url=url, detail=detail, score=score))
    units = SLTUnit.objects.current().only("name", "slug")
    for score, unit in _match_objects(units, ["name"], q):
        hits.append(DirectoryHit(name=unit.name, url=unit.get_absolute_url(), detail=gettext("SLT-enhet"), score=score))
    hits.sort(key=lambda hit: (-hit.score, hit.name))
    return len(hits), hits[:limit]


@dataclass
class Place:
    """A municipality (or an Oslo district) with the SLT unit that covers it, if any."""

    municipality: Municipality
    district: District | None = None
    unit: SLTUnit | None = None
    district_places: list["Place"] = field(default_factory=list)
    score: float = 0.0

    @property
    def name(self) -> str:
        return self.district.name if self.district else self.municipality.name

    @property
    def has_districts(self) -> bool:
        return bool(self.district_places)

    @property
    def districts_covered(self) -> int:
        return sum(1 for p in self.district_places if p.unit)

    @property
    def covered(self) -> bool:
        return bool(self.unit) or self.districts_covered > 0

    @property
    def status(self) -> str | None:
        return slt_status(
            self.unit.status if self.unit else None,
            {p.unit.status for p in self.district_places if p.unit},
        )

    @property
    def status_text(self) -> str:
        """What the map, the county list, the coverage table and CSV say about this place."""
        districts = (self.districts_covered, len(self.district_places)) if self.has_districts and self.covered else None
        return status_text(self.status, districts=districts)


def slt_status(own: str | None, district_statuses) -> str | None:
    """A municipality's SLT status, the one rule behind every coverage figure: the status of the
    current unit it belongs to; otherwise (Oslo) active if a district has an active unit, else
    establishing if a district has a unit being established; None when it has no SLT."""
    if own:
        return own
    if SLTUnit.Status.ACTIVE in district_statuses:
        return SLTUnit.Status.ACTIVE
    if SLTUnit.Status.ESTABLISHING in district_statuses:
        return SLTUnit.Status.ESTABLISHING
    return None


def covered_municipalities() -> tuple[int, int]:
    """(municipalities with SLT in operation, current municipalities): coverage()'s two national
    totals in one aggregate query, for the home page. The same rule as slt_status(): the own
    unit's status, else (Oslo) active when a district has an active unit."""
    active = SLTUnit.Status.ACTIVE
    own = UnitMunicipality.objects.filter(municipality=OuterRef("pk"), is_current=True).values("unit__status")[:1]
    district_active = Exists(
        UnitDistrict.objects.filter(district__municipality=OuterRef("pk"), is_current=True, unit__status=active)
    )
    totals = (
        Municipality.objects.current()
        .annotate(own=Subquery(own), district_active=district_active)
        .aggregate(
            total=Count("pk"),
            covered=Count("pk", filter=Q(own=active) | Q(own__isnull=True, district_active=True)),
        )
    )
    return totals["covered"], totals["total"]


def places(*, municipality_ids=None, district_ids=()) -> tuple[list[Place], list[Place]]:
    """(municipality places, district places) with units and public coordinators prefetched.
    municipality_ids=None means every current municipality. Constant number of queries."""
    municipalities = Municipality.objects.current().select_related("county")
    if municipality_ids is not None:
        municipalities = municipalities.filter(pk__in=list(municipality_ids))
    municipalities = list(municipalities)
    muni_pks = [m.pk for m in municipalities]
    districts = list(
        District.objects.filter(Q(municipality_id__in=muni_pks) | Q(pk__in=list(district_ids)))
        .select_related("municipality__county")
        .order_by("number")
    )
    unit_by_muni = dict(
        UnitMunicipality.objects.filter(is_current=True, municipality_id__in=muni_pks).values_list(
            "municipality_id", "unit_id"
        )
    )
    unit_by_district = dict(
        UnitDistrict.objects.filter(is_current=True, district__in=districts).values_list("district_id", "unit_id")
    )
    unit_ids = set(unit_by_muni.values()) | set(unit_by_district.values())
    units = {u.pk: u for u in SLTUnit.objects.filter(pk__in=unit_ids).with_details()} if unit_ids else {}

    district_places = {
        d.pk: Place(municipality=d.municipality, district=d, unit=units.get(unit_by_district.get(d.pk)))
        for d in districts
    }
    by_muni: dict[int, list[Place]] = {}
    for place in district_places.values():
        by_muni.setdefault(place.municipality.pk, []).append(place)
    muni_places = [
        Place(municipality=m, unit=units.get(unit_by_muni.get(m.pk)), district_places=by_muni.get(m.pk, []))
        for m in municipalities
    ]
    wanted_districts = [district_places[pk] for pk in district_ids if pk in district_places]
    return muni_places, wanted_districts


def directory_search(*, query: str) -> list[Place]:
    """Places matching a municipality (any official name form or alias), county, district, unit or
    coordinator name; tolerant of case, æ/ø/å spellings and small typos, and of words such as
    "kommune" or "bydel" around the name. Best match first: exact, then prefix, then fuzzy."""
    q = search_terms(query)
    if not q:
        return []
    muni_scores = _match(_with_aliases(Municipality.objects.current()), ["name", "official_name", "aliases"], q)
    county_scores = _match(County.objects.all(), ["name", "official_name"], q)
    if county_scores:
        in_counties = Municipality.objects.current().filter(county_id__in=list(county_scores))
        for pk, county_id in in_counties.values_list("pk", "county_id"):
            muni_scores[pk] = max(muni_scores.get(pk, 0), county_scores[county_id] * COUNTY_WEIGHT)
    district_scores = _match(District.objects.all(), ["name"], q)

    unit_scores = _match(SLTUnit.objects.current(), ["name"], q)
    coordinator_units: dict[int, float] = {}
    coordinators = Coordinator.objects.public().filter(unit__status__in=SLTUnit.CURRENT_STATUSES)
    matched = _match(coordinators, ["name"], q)
    for pk, unit_id in coordinators.filter(pk__in=list(matched)).values_list("pk", "unit_id"):
        coordinator_units[unit_id] = max(coordinator_units.get(unit_id, 0), matched[pk])
    for unit_id, score in coordinator_units.items():
        unit_scores[unit_id] = max(unit_scores.get(unit_id, 0), score)
    if unit_scores:
        for unit_id, pk in UnitMunicipality.objects.filter(unit_id__in=list(unit_scores)).values_list(
            "unit_id", "municipality_id"
        ):
            muni_scores[pk] = max(muni_scores.get(pk, 0), unit_scores[unit_id])
        for unit_id, pk in UnitDistrict.objects.filter(unit_id__in=list(unit_scores)).values_list(
            "unit_id", "district_id"
        ):
            district_scores[pk] = max(district_scores.get(pk, 0), unit_scores[unit_id])

    muni_places, district_places = places(municipality_ids=muni_scores, district_ids=list(district_scores))
    for place in muni_places:
        place.score = muni_scores[place.municipality.pk]
    for place in district_places:
        place.score = district_scores[place.district.pk]
    results = muni_places + district_places
    results.sort(key=lambda p: (-p.score, p.name))
    return results


@dataclass
class CountyCoverage:
    number: str
    name: str
    municipalities: int = 0
    covered: int = 0
    establishing: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.covered / self.municipalities) if self.municipalities else 0


@dataclass
class Coverage:
    municipalities: int  # current municipalities, counted in the database
    covered: int  # with an active unit (Oslo: at least one district)
    establishing: int  # with a unit being established only
    units_active: int  # units in operation
    units_establishing: int  # units being set up
    oslo_districts: int
    oslo_districts_covered: int  # districts in a current unit
    counties: list[CountyCoverage] = field(default_factory=list)  # counties with municipalities

    @property
    def percent(self) -> int:
        return round(100 * self.covered / self.municipalities) if self.municipalities else 0

    @property
    def units(self) -> int:
        """Current units: in operation or being set up."""
        return self.units_active + self.units_establishing


def coverage() -> Coverage:
    """National SLT coverage, in total and per county: the one definition, used by the public
    directory (coverage map, county list) and the Sfk dashboard. Aggregate queries, constant count."""
    active, establishing = SLTUnit.Status.ACTIVE, SLTUnit.Status.ESTABLISHING
    own = UnitMunicipality.objects.filter(municipality=OuterRef("pk"), is_current=True).values("unit__status")[:1]

    def district_unit(status):
        return Exists(
            UnitDistrict.objects.filter(district__municipality=OuterRef("pk"), is_current=True, unit__status=status)
        )

    rows = (
        Municipality.objects.current()
        .annotate(own=Subquery(own), district_active=district_unit(active), district_est=district_unit(establishing))
        .values_list("county_id", "own", "district_active", "district_est")
    )
    counties = {c.pk: CountyCoverage(number=c.number, name=c.name) for c in County.objects.all()}
    for county_id, own_status, district_active, district_est in rows:
        in_districts = {s for s, found in ((active, district_active), (establishing, district_est)) if found}
        status = slt_status(own_status, in_districts)
        row = counties[county_id]
        row.municipalities += 1
        row.covered += status == active
        row.establishing += status == establishing
    districts = District.objects.filter(municipality__in=Municipality.objects.current()).aggregate(
        total=Count("pk"), covered=Count("pk", filter=Q(memberships__is_current=True), distinct=True)
    )
    in_counties = [c for c in counties.values() if c.municipalities]
    units = SLTUnit.objects.aggregate(
        active=Count("pk", filter=Q(status=active)), establishing=Count("pk", filter=Q(status=establishing))
    )
    return Coverage(
        municipalities=sum(c.municipalities for c in in_counties),
        covered=sum(c.covered for c in in_counties),
        establishing=sum(c.establishing for c in in_counties),
        units_active=units["active"],
        units_establishing=units["establishing"],
        oslo_districts=districts["total"],
        oslo_districts_covered=districts["covered"],
        counties=in_counties,
    )


def counties_with_places() -> list[tuple[County, list[Place]]]:
    """Every county with its current municipalities (and their SLT coverage)."""
    muni_places, _ = places()
    grouped: dict[int, list[Place]] = {}
    for place in sorted(muni_places, key=lambda p: p.municipality.name):
        grouped.setdefault(place.municipality.county_id, []).append(place)
    return [(c, grouped.get(c.pk, [])) for c in County.objects.all()]


def contact_prefill(user, *, units=None) -> dict:
    """Initial values for a form that asks a logged-in user for contact details: the contact
    form, event registration and a measure's contact person all take them from here.

    `name` and `email` from the account; when the user has an active coordinator entry (in one of
    `units`, if given; the oldest one), also its `unit` (id), `organisation` (the employer, else the
    unit's name), `role` (job title) and the entry's work `coordinator_name` and `coordinator_email`.
    Empty for anonymous users. Forms ignore the keys they have no field for."""
    if not getattr(user, "is_authenticated", False):
        return {}
    initial = {"name": user.full_name, "email": user.email}
    entries = Coordinator.objects.active().filter(user=user)
    if units is not None:
        entries = entries.filter(unit__in=units)
    entry = entries.select_related("unit").order_by("pk").first()
    if entry is not None:
        initial.update(
            unit=entry.unit_id,
            organisation=entry.employer or entry.unit.name,
            role=entry.title,
            coordinator_name=entry.name,
            coordinator_email=entry.email,
        )
    return initial


def stale_coordinators(*, days: int = STALE_AFTER_DAYS):
    return (
        Coordinator.objects.stale(days=days)
        .select_related("unit", "user")
        .order_by(F("verified_at").asc(nulls_first=True), "name")
    )


def unit_counties_sql(*, for_counting: bool) -> str:
    """(unit_id, county_id) pairs of current units, each pair once: `SLTUnit.objects.in_county` in SQL,
    for the measure bank's one-query facet counts (tests/municipalities/test_selectors.py checks they agree).

    Units made of whole municipalities, plus Oslo-style units made of districts. For counting, a
    unit with both kinds of membership counts by its municipalities only (as the county page does);
    for filtering, either kind matches."""
    qn = connection.ops.quote_name
    um, mun = qn(UnitMunicipality._meta.db_table), qn(Municipality._meta.db_table)
    ud, dist = qn(UnitDistrict._meta.db_table), qn(District._meta.db_table)
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
