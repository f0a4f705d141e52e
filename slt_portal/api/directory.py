"""Counties, municipalities (with SLT status and unit) and SLT units with their public
coordinators. Status and coverage come from municipalities.selectors (`places`, `coverage`), the
one definition the directory's pages use; coordinators are those the public unit page shows."""

from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Query, Router, Schema

from municipalities import selectors
from municipalities.models import County, Municipality, SLTUnit, attach_details, status_text

from .base import (
    ERROR_RESPONSES,
    PAGE,
    PAGE_SIZE,
    Name,
    Term,
    built_response,
    choice,
    localized,
    page_schema,
    page_url,
    paginate,
)

router = Router(tags=["directory"])

COUNTY_NUMBER = r"^[0-9]{2}$"
MUNICIPALITY_NUMBER = r"^[0-9]{4}$"
SLUG = r"^[-a-zA-Z0-9_]{1,200}$"


# --- schemas ---------------------------------------------------------------------------------


class Coverage(Schema):
    municipalities: int = Field(description=_("Kommuner i fylket."))
    covered: int = Field(description=_("Kommuner med SLT i drift (Oslo: minst én bydel)."))
    establishing: int = Field(description=_("Kommuner der SLT er under etablering."))


class CountyOut(Schema):
    number: str = Field(description=_("Fylkesnummer (SSB), to sifre."))
    name: str = Field(description=_("Fylkets navn."))
    official_name: str = Field(description=_("Offisielt navn, med samiske og kvenske former der de finnes."))
    coverage: Coverage


class UnitRef(Schema):
    slug: str = Field(description=_("Enhetens kortnavn; oppslag under /units/{slug}."))
    name: str = Field(description=_("Enhetens navn."))
    url: str = Field(description=_("Enhetens side i portalen."))


class SltStatus(Schema):
    status: Literal["active", "establishing", "ended"] | None = Field(
        description=_("SLT-status: active (i drift), establishing (under etablering), ended (avsluttet) eller null.")
    )
    status_text: Name = Field(description=_("Statusen slik portalen skriver den."))
    unit: UnitRef | None = Field(description=_("SLT-enheten som dekker stedet, eller null."))


class DistrictOut(SltStatus):
    number: str = Field(description=_("Bydelsnummer (SSB)."))
    name: str = Field(description=_("Bydelens navn."))


class MunicipalityOut(SltStatus):
    number: str = Field(description=_("Kommunenummer (SSB), fire sifre."))
    name: str = Field(description=_("Kommunens navn."))
    official_name: str = Field(description=_("Offisielt navn, med samiske og kvenske former der de finnes."))
    county: str = Field(description=_("Fylkesnummer."))
    districts: list[DistrictOut] = Field(description=_("Bydeler med egen SLT-organisering (Oslo); ellers tom."))
    url: str = Field(description=_("Kommunens side i portalen."))


class CoordinatorOut(Schema):
    """Personal data: published so people can reach the coordinator in that role; not under
    the open licence."""

    name: str = Field(description=_("Navn (personopplysning)."))
    title: str = Field(description=_("Stillingstittel."))
    position_percent: int | None = Field(description=_("Stillingsprosent."))
    employer: str = Field(description=_("Arbeidsgiver."))
    org_placement: str = Field(description=_("Organisatorisk plassering."))
    email: str = Field(description=_("E-post på jobb (personopplysning)."))
    phone: str | None = Field(description=_("Telefon på jobb i E.164-format, f.eks. +4740000000 (personopplysning)."))


class MemberRef(Schema):
    number: str = Field(description=_("Kommune- eller bydelsnummer."))
    name: str = Field(description=_("Navn."))


class UnitOut(Schema):
    slug: str = Field(description=_("Enhetens kortnavn."))
    name: str = Field(description=_("Enhetens navn."))
    status: Term = Field(description=_("active, establishing eller ended."))
    status_text: Name = Field(description=_("Statusen slik portalen skriver den."))
    municipalities: list[MemberRef] = Field(description=_("Kommunene enheten dekker."))
    districts: list[MemberRef] = Field(description=_("Bydelene enheten dekker (Oslo)."))
    started_year: int | None = Field(description=_("Året SLT startet."))
    has_steering_group: bool = Field(description=_("Har politiråd eller styringsgruppe."))
    steering_group_chair: str = Field(description=_("Hvem som leder politirådet eller styringsgruppen (rolle)."))
    police_contact: str = Field(description=_("Politikontakt (politidistrikt eller stasjon)."))
    action_plan_url: str = Field(description=_("Lenke til handlingsplanen."))
    email: str = Field(description=_("Enhetens felles e-post."))
    verified_at: str | None = Field(description=_("Når enheten sist bekreftet at opplysningene stemmer (ISO 8601)."))
    coordinators: list[CoordinatorOut] = Field(
        description=_("Aktive, offentlige koordinatorer; tom liste betyr stilling ledig. Personopplysninger.")
    )
    url: str = Field(description=_("Enhetens side i portalen."))


CountyPage = page_schema(CountyOut, "CountyPage")
MunicipalityPage = page_schema(MunicipalityOut, "MunicipalityPage")
UnitPage = page_schema(UnitOut, "UnitPage")


# --- building the answers ----------------------------------------------------------------------


def _unit_ref(unit) -> dict | None:
    return {"slug": unit.slug, "name": unit.name, "url": page_url(unit)} if unit else None


def _place(place) -> dict:
    districts = (place.districts_covered, len(place.district_places)) if place.has_districts and place.covered else None
    return {
        "status": place.status,
        "status_text": localized(lambda: status_text(place.status, districts=districts)),
        "unit": _unit_ref(place.unit),
    }


def _municipality(place) -> dict:
    m = place.municipality
    return {
        **_place(place),
        "number": m.number,
        "name": m.name,
        "official_name": m.official_name,
        "county": m.county.number,
        "districts": [
            {**_place(d), "number": d.district.number, "name": d.district.name} for d in place.district_places
        ],
        "url": page_url("municipalities:municipality", m.number),
    }


def _county(county, coverage_by_number) -> dict:
    row = coverage_by_number.get(county.number)
    return {
        "number": county.number,
        "name": county.name,
        "official_name": county.official_name,
        "coverage": {
            "municipalities": row.municipalities if row else 0,
            "covered": row.covered if row else 0,
            "establishing": row.establishing if row else 0,
        },
    }


class _UnitWriter:
    """Writes units for one answer: what is the same for many units (the status in three
    languages, the address pattern) is worked out once, not per unit."""

    def __init__(self):
        self.statuses = {}
        self.url = page_url("municipalities:unit", "-").replace("/-/", "/{}/")

    def status(self, value: str) -> tuple[dict, dict]:
        if value not in self.statuses:
            self.statuses[value] = (choice(SLTUnit.Status, value), localized(lambda: status_text(value)))
        return self.statuses[value]

    def __call__(self, unit) -> dict:
        status, text = self.status(unit.status)
        return {
            "slug": unit.slug,
            "name": unit.name,
            "status": status,
            "status_text": text,
            "municipalities": [
                {"number": m.municipality.number, "name": m.municipality.name} for m in unit.member_list
            ],
            "districts": [{"number": d.district.number, "name": d.district.name} for d in unit.district_list],
            "started_year": unit.started_year,
            "has_steering_group": unit.has_steering_group,
            "steering_group_chair": unit.steering_group_chair,
            "police_contact": unit.police_contact,
            "action_plan_url": unit.action_plan_url,
            "email": unit.email,
            "verified_at": unit.verified_at.isoformat() if unit.verified_at else None,
            "coordinators": [
                {
                    "name": c.name,
                    "title": c.title,
                    "position_percent": c.position_percent,
                    "employer": c.employer,
                    "org_placement": c.org_placement,
                    "email": c.email,
                    "phone": c.phone or None,  # stored as E.164 (core.phone)
                }
                for c in unit.public_coordinators
            ],
            "url": self.url.format(unit.slug),
        }


def _unit(unit) -> dict:
    return _UnitWriter()(unit)


# --- endpoints ---------------------------------------------------------------------------------


@router.get(
    "/counties",
    response={200: CountyPage, **ERROR_RESPONSES},
    summary=_("Fylker"),
    description=_("Alle fylker med SLT-dekning (antall kommuner, med SLT i drift og under etablering)."),
)
def county_list(request, page: int = PAGE, page_size: int = PAGE_SIZE):
    coverage = {row.number: row for row in selectors.coverage().counties}
    counties, meta = paginate(request, County.objects.order_by("number"), page=page, page_size=page_size)
    return {**meta, "results": [_county(c, coverage) for c in counties]}


@router.get(
    "/counties/{number}",
    response={200: CountyOut, **ERROR_RESPONSES},
    summary=_("Ett fylke"),
    description=_("Ett fylke, slått opp på fylkesnummer."),
)
def county_detail(request, number: str = Path(..., pattern=COUNTY_NUMBER, description=_("Fylkesnummer."))):
    county = get_object_or_404(County, number=number)
    return _county(county, {row.number: row for row in selectors.coverage().counties})


@router.get(
    "/municipalities",
    response={200: MunicipalityPage, **ERROR_RESPONSES},
    summary=_("Kommuner"),
    description=_("Dagens kommuner med SLT-status og SLT-enhet, sortert etter kommunenummer."),
)
def municipality_list(
    request,
    county: str | None = Query(
        None, pattern=COUNTY_NUMBER, description=_("Bare kommuner i dette fylket (fylkesnummer).")
    ),
    page: int = PAGE,
    page_size: int = PAGE_SIZE,
):
    municipalities = Municipality.objects.current().order_by("number", "pk")
    if county:
        municipalities = municipalities.filter(county__number=county)
    chunk, meta = paginate(request, municipalities.values_list("pk", flat=True), page=page, page_size=page_size)
    places, _districts = selectors.places(municipality_ids=chunk)
    places.sort(key=lambda p: (p.municipality.number, p.municipality.pk))
    return {**meta, "results": [_municipality(p) for p in places]}


@router.get(
    "/municipalities/{number}",
    response={200: MunicipalityOut, **ERROR_RESPONSES},
    summary=_("Én kommune"),
    description=_("Én kommune, slått opp på kommunenummer."),
)
def municipality_detail(request, number: str = Path(..., pattern=MUNICIPALITY_NUMBER, description=_("Kommunenummer."))):
    municipality = get_object_or_404(Municipality.objects.current(), number=number)
    places, _districts = selectors.places(municipality_ids=[municipality.pk])
    return _municipality(places[0])


@router.get(
    "/units",
    response={200: UnitPage, **ERROR_RESPONSES},
    summary=_("SLT-enheter"),
    description=_("SLT-enheter med offentlige koordinatorer, sortert etter navn."),
)
def unit_list(
    request,
    status: Literal["active", "establishing", "ended"] | None = Query(
        None, description=_("Bare enheter med denne statusen.")
    ),
    county: str | None = Query(
        None, pattern=COUNTY_NUMBER, description=_("Bare enheter i dette fylket (fylkesnummer).")
    ),
    page: int = PAGE,
    page_size: int = PAGE_SIZE,
):
    units = SLTUnit.objects.order_by("name", "pk")
    if status:
        units = units.filter(status=status)
    if county:
        county_ids = County.objects.filter(number=county).values_list("pk", flat=True)
        units = units.filter(pk__in=SLTUnit.objects.in_county(*county_ids).values("pk"))
    chunk, meta = paginate(request, units.values_list("pk", flat=True), page=page, page_size=page_size)
    units = list(SLTUnit.objects.filter(pk__in=chunk).with_member_flags())
    attach_details(units)
    by_pk = {u.pk: u for u in units}
    write = _UnitWriter()
    return built_response(request, {**meta, "results": [write(by_pk[pk]) for pk in chunk]})


@router.get(
    "/units/{slug}",
    response={200: UnitOut, **ERROR_RESPONSES},
    summary=_("Én SLT-enhet"),
    description=_("Én SLT-enhet, slått opp på kortnavn."),
)
def unit_detail(request, slug: str = Path(..., pattern=SLUG, description=_("Enhetens kortnavn."))):
    return _unit(get_object_or_404(SLTUnit.objects.with_details(), slug=slug))
