"""Reads for the SLT directory: search, places (municipality/district + its unit), coverage."""

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connection, router
from django.db.models import Count, Exists, F, FilteredRelation, Max, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from core.sql import fetchall
from core.sql import objects as sql_objects
from core.vocabulary import STALE_AFTER_DAYS

from .models import (
    Coordinator,
    County,
    District,
    Municipality,
    SLTUnit,
    UnitDistrict,
    UnitMunicipality,
    attach_details,
    status_text,
)
from .search import Hit, directory_matches
from .search import directory_hits as directory_hits  # the site search's part of the directory
from .search import normalise as normalise


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
    unit's status, else (Oslo) active when a district has an active unit.

    The own unit is a join on the current membership (at most one: `municipality_in_one_current_unit`)
    and the districts one uncorrelated IN list, which the database reads once, not once per
    municipality as correlated subqueries are (5 ms of PostgreSQL's CPU per home page render)."""
    active = SLTUnit.Status.ACTIVE
    active_district_municipalities = UnitDistrict.objects.filter(is_current=True, unit__status=active).values(
        "district__municipality_id"
    )
    totals = (
        Municipality.objects.current()
        .alias(current=FilteredRelation("memberships", condition=Q(memberships__is_current=True)))
        .aggregate(
            total=Count("pk"),
            covered=Count(
                "pk",
                filter=Q(current__unit__status=active) | Q(current__isnull=True, pk__in=active_district_municipalities),
            ),
        )
    )
    return totals["covered"], totals["total"]


def _place_municipalities(today, ids=None):
    current_unit = UnitMunicipality.objects.filter(municipality=OuterRef("pk"), is_current=True).values("unit_id")
    municipalities = (
        Municipality.objects.current(on=today)
        .select_related("county")
        .annotate(
            unit_pk=Subquery(current_unit[:1]),
            has_districts=Exists(District.objects.filter(municipality=OuterRef("pk"))),
        )
    )
    return municipalities if ids is None else municipalities.filter(pk__in=ids)


def _place_units(ids):
    return SLTUnit.objects.filter(pk__in=ids).with_member_flags()


def places(*, municipality_ids=None, district_ids=()) -> tuple[list[Place], list[Place]]:
    """(municipality places, district places) with units and public coordinators prefetched.
    municipality_ids=None means every current municipality. Four queries, up to six when
    districts (Oslo) are among them."""
    today = timezone.localdate()
    municipality_ids = None if municipality_ids is None else sorted(set(municipality_ids))
    if municipality_ids is None:
        municipalities = list(_place_municipalities(today))
    elif not municipality_ids:
        municipalities = []
    else:  # the SQL built once per process, day and number of municipalities (core.sql.objects)
        municipalities = sql_objects(f"places-{today}", lambda ids: _place_municipalities(today, ids), municipality_ids)
    muni_pks = [m.pk for m in municipalities if m.has_districts]
    district_unit = UnitDistrict.objects.filter(district=OuterRef("pk"), is_current=True).values("unit_id")
    districts = (
        list(
            District.objects.filter(Q(municipality_id__in=muni_pks) | Q(pk__in=list(district_ids)))
            .select_related("municipality__county")
            .annotate(unit_pk=Subquery(district_unit[:1]))
            .order_by("number")
        )
        if muni_pks or district_ids
        else []
    )
    unit_ids = {m.unit_pk for m in municipalities} | {d.unit_pk for d in districts}
    unit_ids.discard(None)
    units = sql_objects("places-units", _place_units, sorted(unit_ids)) if unit_ids else []
    attach_details(units)
    units = {u.pk: u for u in units}

    district_places = {
        d.pk: Place(municipality=d.municipality, district=d, unit=units.get(d.unit_pk)) for d in districts
    }
    by_muni: dict[int, list[Place]] = {}
    for place in district_places.values():
        by_muni.setdefault(place.municipality.pk, []).append(place)
    muni_places = [
        Place(municipality=m, unit=units.get(m.unit_pk), district_places=by_muni.get(m.pk, [])) for m in municipalities
    ]
    wanted_districts = [district_places[pk] for pk in district_ids if pk in district_places]
    return muni_places, wanted_districts


def unit_page_unit(*, slug: str, sfk_admin: bool) -> SLTUnit | None:
    """The unit for its page, as with_details() gives it (only the membership lists it has are
    read: three queries for most units); for Sfk also every coordinator entry (as
    `all_coordinators`), from which the public ones are taken, in the same query."""
    unit = SLTUnit.objects.with_member_flags().filter(slug=slug).first()
    if unit is None:
        return None
    attach_details([unit], all_coordinators=sfk_admin)
    if sfk_admin:
        unit.public_coordinators = [c for c in unit.all_coordinators if c.is_public and c.ended_at is None]
    return unit


class SearchResults(Sequence):
    """The places a directory search found, best first. Only the slice that is shown (a page) is
    read with its units and coordinators, in a constant number of queries (places())."""

    def __init__(self, hits: list[Hit]):
        self.hits = hits

    def __len__(self) -> int:
        return len(self.hits)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._places(self.hits[index])
        return self._places([self.hits[index]])[0]

    @staticmethod
    def _places(hits: list[Hit]) -> list[Place]:
        if not hits:
            return []
        muni_places, district_places = places(
            municipality_ids=[h.municipality_id for h in hits if h.municipality_id],
            district_ids=[h.district_id for h in hits if h.district_id],
        )
        by_muni = {p.municipality.pk: p for p in muni_places}
        by_district = {p.district.pk: p for p in district_places}
        results = []
        for hit in hits:
            place = by_district[hit.district_id] if hit.district_id else by_muni[hit.municipality_id]
            place.score = hit.score
            results.append(place)
        return results


def directory_search(*, query: str) -> SearchResults:
    """Places matching a municipality (any official name form or alias), county, district, unit or
    coordinator name (search.directory_matches: one query), best first; slicing the result reads
    the places of that slice (places(): six queries)."""
    return SearchResults(directory_matches(query=query))


@dataclass(slots=True)
class PlaceRow:
    """A current municipality and its SLT status, as the county list, the coverage map and the
    coverage figures show it: plain values, the links already made."""

    number: str
    name: str
    url: str
    county_id: int
    county_number: str
    county_name: str
    unit_name: str | None
    unit_url: str | None
    status: str | None = None
    status_text: str = ""
    districts: int = 0  # Oslo's districts
    districts_covered: int = 0  # districts in a current unit

    @property
    def has_districts(self) -> bool:
        return bool(self.districts)


def _current_membership():
    """A municipality's or district's current membership (at most one, by a constraint)."""
    return FilteredRelation("memberships", condition=Q(memberships__is_current=True))


@functools.lru_cache(maxsize=4)
def _place_rows_sql(vendor: str, today) -> tuple[str, tuple]:
    """place_rows()'s SQL and parameters: they depend on nothing but the database vendor and the
    date, so the ORM builds and compiles them once a day per process (it takes about as long as
    the query runs)."""
    active, establishing = SLTUnit.Status.ACTIVE, SLTUnit.Status.ESTABLISHING
    in_district = Q(districts__memberships__is_current=True)
    district_status = "districts__memberships__unit__status"
    queryset = (
        Municipality.objects.current(on=today)
        .annotate(
            cur=_current_membership(),
            d_total=Count("districts", distinct=True),
            d_covered=Count("districts__memberships", filter=in_district),
            d_active=Count("districts__memberships", filter=in_district & Q(**{district_status: active})),
            d_est=Count("districts__memberships", filter=in_district & Q(**{district_status: establishing})),
        )
        .order_by("number")
        .values_list(
            "number", "name", "county_id", "county__number", "county__name",
            "cur__unit__name", "cur__unit__slug", "cur__unit__status", "d_total", "d_covered", "d_active", "d_est",
        )
    )  # fmt: skip
    sql, params = queryset.query.sql_with_params()
    return sql, tuple(params)


def _place_tuples() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(*_place_rows_sql(connection.vendor, timezone.localdate()))
        return cursor.fetchall()


def place_rows() -> list[PlaceRow]:
    """Every current municipality with its SLT status (the rule of slt_status, the wording of
    Place.status_text), by name. One query (its SQL made once per process), no model instances."""
    active, establishing = SLTUnit.Status.ACTIVE, SLTUnit.Status.ESTABLISHING
    rows = _place_tuples()
    muni_url = reverse("municipalities:municipality", kwargs={"number": "0000"}).replace("0000", "{}")
    unit_url = reverse("municipalities:unit", kwargs={"slug": "-"}).replace("/-/", "/{}/")
    texts: dict[tuple, str] = {}
    result = []
    for number, name, county_id, county_number, county_name, u_name, u_slug, u_status, total, covered, *found in rows:
        status = slt_status(u_status, {s for s, n in zip((active, establishing), found, strict=True) if n})
        counts = (covered, total) if total and (u_status or covered) else None
        text = texts.get((status, counts))
        if text is None:
            text = texts[status, counts] = status_text(status, districts=counts)
        result.append(
            PlaceRow(
                number=number,
                name=name,
                url=muni_url.format(number),
                county_id=county_id,
                county_number=county_number,
                county_name=county_name,
                unit_name=u_name,
                unit_url=unit_url.format(u_slug) if u_slug else None,
                status=status,
                status_text=text,
                districts=total,
                districts_covered=covered,
            )
        )
    result.sort(key=lambda r: r.name)  # as Python orders names (Å, Æ, Ø), whatever the database's collation
    return result


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
    units_ended: int  # units no longer in operation
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


@functools.cache
def _unit_status_sql(vendor: str) -> str:
    """Units per status: plain SQL (the ORM's aggregate takes ten times as long to build as this
    runs)."""
    return f"SELECT status, COUNT(*) FROM {connection.ops.quote_name(SLTUnit._meta.db_table)} GROUP BY status"


def coverage(rows: list[PlaceRow] | None = None) -> Coverage:
    """National SLT coverage, in total and per county: the one definition, used by the public
    directory (coverage map, county list), the home page and the Sfk dashboard. From place_rows()
    (pass them when the page has them already; else only its query is run, without making the
    rows) and one aggregate query: two queries at most."""
    active, establishing = SLTUnit.Status.ACTIVE, SLTUnit.Status.ESTABLISHING
    if rows is None:
        places = []  # (county number, county name, status, districts, districts covered)
        for _n, _name, _c, county_number, county_name, _u, _s, u_status, total, covered, *found in _place_tuples():
            status = slt_status(u_status, {s for s, n in zip((active, establishing), found, strict=True) if n})
            places.append((county_number, county_name, status, total, covered))
    else:
        places = [(r.county_number, r.county_name, r.status, r.districts, r.districts_covered) for r in rows]
    counties: dict[str, CountyCoverage] = {}
    for county_number, county_name, status, _total, _covered in sorted(places, key=lambda p: p[0]):
        county = counties.get(county_number)
        if county is None:
            county = counties[county_number] = CountyCoverage(number=county_number, name=county_name)
        county.municipalities += 1
        county.covered += status == active
        county.establishing += status == establishing
    with connection.cursor() as cursor:
        cursor.execute(_unit_status_sql(connection.vendor))
        units = dict(cursor.fetchall())
    in_counties = list(counties.values())
    return Coverage(
        municipalities=len(places),
        covered=sum(c.covered for c in in_counties),
        establishing=sum(c.establishing for c in in_counties),
        units_active=units.get(active, 0),
        units_establishing=units.get(establishing, 0),
        units_ended=units.get(SLTUnit.Status.ENDED, 0),
        oslo_districts=sum(p[3] for p in places),
        oslo_districts_covered=sum(p[4] for p in places),
        counties=in_counties,
    )


@dataclass(slots=True)
class AdminUnitRow:
    """A unit as Sfk's list of units shows it: plain values, the texts already joined."""

    name: str
    url: str
    status_text: str
    places: str  # member municipalities, then districts ("A, B; Bydel C")
    coordinators: str  # active coordinators' names, "" when none
    verified: str  # "j.n.Y", local time; "" when never


def admin_unit_page(*, status: str, page_number, per_page: int = 50) -> Page:
    """One page of every unit (by name, of one status if given) for Sfk: three queries besides the
    count (units, memberships with their places' names, active coordinators' names), the columns
    shown only, and rows of plain values (issue 14: a page of 50 renders in a few milliseconds)."""
    units = SLTUnit.objects.only("name", "slug", "status", "verified_at").prefetch_related(
        Prefetch(
            "memberships",
            queryset=UnitMunicipality.objects.select_related("municipality")
            .only("unit", "municipality__name")
            .order_by("municipality__name"),
            to_attr="member_list",
        ),
        Prefetch(
            "district_memberships",
            queryset=UnitDistrict.objects.select_related("district")
            .only("unit", "district__name")
            .order_by("district__number"),
            to_attr="district_list",
        ),
        Prefetch(
            "coordinators", queryset=Coordinator.objects.active().only("unit", "name"), to_attr="active_coordinators"
        ),
    )
    if status in SLTUnit.Status.values:
        units = units.filter(status=status)
    page = Paginator(units, per_page).get_page(page_number)
    unit_url = reverse("municipalities:unit", kwargs={"slug": "-"}).replace("/-/", "/{}/")
    texts = {value: status_text(value) for value in SLTUnit.Status.values}
    rows = []
    for unit in page.object_list:
        places = ", ".join(m.municipality.name for m in unit.member_list)
        if unit.district_list:
            places += ("; " if unit.member_list else "") + ", ".join(d.district.name for d in unit.district_list)
        verified = timezone.localtime(unit.verified_at) if unit.verified_at else None
        rows.append(
            AdminUnitRow(
                name=unit.name,
                url=unit_url.format(unit.slug),
                status_text=texts.get(unit.status) or status_text(unit.status),
                places=places,
                coordinators=", ".join(c.name for c in unit.active_coordinators),
                verified=f"{verified.day}.{verified.month}.{verified.year}" if verified else "",
            )
        )
    page.object_list = rows
    return page


def counties_with_places(rows: list[PlaceRow] | None = None) -> list[tuple[County, list[PlaceRow]]]:
    """Every county with its current municipalities (and their SLT coverage), by name."""
    grouped: dict[int, list[PlaceRow]] = {}
    for row in place_rows() if rows is None else rows:
        grouped.setdefault(row.county_id, []).append(row)
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


@dataclass(slots=True)
class StaleRow:
    """A coordinator entry as Sfk's list of entries not confirmed shows it: plain values."""

    name: str
    edit_url: str
    unit_name: str
    unit_url: str
    verified: str  # "j.n.Y", local time; "" when never
    reminded: str  # "j.n.Y", local time; "" when no reminder was sent


def _day(value) -> str:
    """The date filter's "j.n.Y" in local time, "" for None."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{local.day}.{local.month}.{local.year}"


def stale_page(page_number, *, per_page: int = 50) -> Page:
    """One page of stale_coordinators() as plain rows, the links made from one reversed pattern
    each and only the columns shown read (issue 14)."""
    entries = stale_coordinators().only("name", "verified_at", "reminder_sent_at", "unit__name", "unit__slug")
    page = Paginator(entries.select_related(None).select_related("unit"), per_page).get_page(page_number)
    edit_url = reverse("municipalities:coordinator_edit", kwargs={"pk": 1}).replace("/1/", "/{}/")
    unit_url = reverse("municipalities:unit", kwargs={"slug": "-"}).replace("/-/", "/{}/")
    page.object_list = [
        StaleRow(
            name=c.name,
            edit_url=edit_url.format(c.pk),
            unit_name=c.unit.name,
            unit_url=unit_url.format(c.unit.slug),
            verified=_day(c.verified_at),
            reminded=_day(c.reminder_sent_at),
        )
        for c in page.object_list
    ]
    return page


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


def _units_stamp_query(unit_ids):
    units = SLTUnit.objects.filter(pk__in=unit_ids).order_by().values("pk", "updated_at")
    return units.annotate(n=Count("coordinators"), last=Max("coordinators__updated_at")).values_list(
        "pk", "updated_at", "n", "last"
    )


def units_stamp(*, unit_ids) -> str:
    """What changes whenever anything "my unit" shows of these units changes: each unit's
    `updated_at` and the number and latest `updated_at` of its coordinator entries (one query,
    compiled once per process)."""
    if not unit_ids:
        return ""
    using = router.db_for_read(SLTUnit)
    rows = fetchall("municipalities.units-stamp", _units_stamp_query, sorted(unit_ids), using=using)
    return ";".join(f"{pk},{updated},{n},{last}" for pk, updated, n, last in sorted(rows))
