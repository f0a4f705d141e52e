"""Demo SLT units and coordinators: invented people, example.no addresses. Idempotent."""

import datetime as dt

from django.utils import timezone

from accounts.demo import DEMO_COORDINATOR_EMAIL
from accounts.models import User
from core.text import slugify_nb
from core.vocabulary import STALE_AFTER_DAYS

from .models import Coordinator, District, Municipality, SLTUnit, UnitDistrict, UnitMunicipality

FIRST_NAMES = [
    "Ingrid",
    "Mats",
    "Sigrid",
    "Håkon",
    "Tuva",
    "Eirik",
    "Solveig",
    "Jonas",
    "Maren",
    "Vetle",
    "Aud",
    "Torstein",
    "Line",
    "Petter",
    "Nora",
    "Amund",
    "Hilde",
    "Sindre",
    "Ragnhild",
    "Kasper",
]
LAST_NAMES = [
    "Demostad",
    "Prøvelid",
    "Eksempelvik",
    "Testrud",
    "Fiktivsen",
    "Oppdiktnes",
    "Mønsterli",
    "Utkastbakken",
    "Skissebø",
    "Lånedal",
    "Prøvehaug",
]

# (slug, name, kommunenummer list, started year, status)
UNITS = [
    ("stavanger", "SLT Stavanger", ["1103"], 2004, "active"),
    ("haugesund", "SLT Haugesund", ["1106"], 2010, "active"),
    ("sandnes", "SLT Sandnes", ["1108"], 2009, "active"),
    ("karmoy", "SLT Karmøy", ["1149"], 2012, "active"),
    ("molde", "SLT Molde", ["1506"], 2011, "active"),
    ("alesund", "SLT Ålesund", ["1508"], 2008, "active"),
    ("bodo", "SLT Bodø", ["1804"], 2007, "active"),
    ("narvik", "SLT Narvik", ["1806"], 2015, "active"),
    ("rana", "SLT Rana", ["1833"], 2013, "active"),
    ("moss", "SLT Moss", ["3103"], 2006, "active"),
    ("sarpsborg", "SLT Sarpsborg", ["3105"], 2005, "active"),
    ("fredrikstad", "SLT Fredrikstad", ["3107"], 2003, "active"),
    ("baerum", "SLT Bærum", ["3201"], 2006, "active"),
    ("asker", "SLT Asker", ["3203"], 2010, "active"),
    ("lillestrom", "SLT Lillestrøm", ["3205"], 2020, "active"),
    ("nordre-follo", "SLT Nordre Follo", ["3207"], 2020, "active"),
    ("ullensaker", "SLT Ullensaker", ["3209"], 2014, "active"),
    ("drammen", "SLT Drammen", ["3301"], 2005, "active"),
    ("kongsberg", "SLT Kongsberg", ["3303"], 2011, "active"),
    ("ringerike", "SLT Ringerike", ["3305"], 2016, "active"),
    ("hamar", "SLT Hamar", ["3403"], 2009, "active"),
    ("lillehammer", "SLT Lillehammer", ["3405"], 2010, "active"),
    ("gjovik", "SLT Gjøvik", ["3407"], 2012, "active"),
    ("tonsberg", "SLT Tønsberg", ["3905"], 2008, "active"),
    ("sandefjord", "SLT Sandefjord", ["3907"], 2007, "active"),
    ("larvik", "SLT Larvik", ["3909"], 2009, "active"),
    ("skien", "SLT Skien", ["4003"], 2006, "active"),
    ("porsgrunn", "SLT Porsgrunn", ["4001"], 2008, "active"),
    ("arendal", "SLT Arendal", ["4203"], 2005, "active"),
    ("kristiansand", "SLT Kristiansand", ["4204"], 2002, "active"),
    ("trondheim", "SLT Trondheim", ["5001"], 2003, "active"),
    ("tromso", "SLT Tromsø", ["5501"], 2006, "active"),
    ("harstad", "SLT Harstad", ["5503"], 2013, "active"),
    ("alta", "SLT Alta", ["5601"], 2014, "active"),
    ("guovdageaidnu", "SLT Guovdageaidnu – Kautokeino", ["5612"], 2018, "active"),
    ("lindesnes", "SLT Lindesnes", ["4205"], None, "establishing"),
    # Inter-municipal units: one coordinator shared by neighbours.
    ("midt-troms", "SLT Midt-Troms", ["5520", "5524", "5526"], 2017, "active"),
    ("hallingdal", "SLT Hallingdal", ["3324", "3326", "3328", "3330"], 2019, "active"),
]
# Oslo organises SLT per district (SaLTo).
OSLO_UNITS = [
    ("salto-gamle-oslo", "SaLTo Gamle Oslo", ["030101"]),
    ("salto-grunerlokka", "SaLTo Grünerløkka", ["030102"]),
    ("salto-sondre-nordstrand", "SaLTo Søndre Nordstrand", ["030115"]),
]
POLICE = {
    "11": "Sør-Vest politidistrikt",
    "15": "Møre og Romsdal politidistrikt",
    "18": "Nordland politidistrikt",
    "31": "Øst politidistrikt",
    "32": "Øst politidistrikt",
    "33": "Sør-Øst politidistrikt",
    "34": "Innlandet politidistrikt",
    "39": "Sør-Øst politidistrikt",
    "40": "Sør-Øst politidistrikt",
    "42": "Agder politidistrikt",
    "46": "Vest politidistrikt",
    "50": "Trøndelag politidistrikt",
    "55": "Troms politidistrikt",
    "56": "Finnmark politidistrikt",
    "03": "Oslo politidistrikt",
}
VACANT = {"narvik"}  # the coordinator has left: "position vacant"
STALE = {"molde", "rana", "ringerike", "harstad"}  # not verified for more than a year


def _person(index: int) -> str:
    return f"{FIRST_NAMES[index % len(FIRST_NAMES)]} {LAST_NAMES[(index * 7) % len(LAST_NAMES)]}"


def _address(name: str, domain: str) -> str:
    local = slugify_nb(name).replace("-", ".")
    return f"{local}@{domain}.example.no"


def _unit(slug, name, status, started, email_domain, county_no, now, index):
    age = STALE_AFTER_DAYS + 35 + index if slug in STALE else index * 5
    verified = now - dt.timedelta(days=age)
    unit, _created = SLTUnit.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "status": status,
            "started_year": started,
            "email": f"slt@{email_domain}.example.no",
            "verified_at": verified,
            "has_steering_group": index % 3 != 0,
            "steering_group_chair": "Ordføreren" if index % 3 == 1 else "",
            "police_contact": POLICE.get(county_no, ""),
        },
    )
    return unit


def _coordinators(unit, index, now, *, email_domain, employer, assistant=False):
    if unit.coordinators.exists():
        return
    verified = unit.verified_at
    main = Coordinator.objects.create(
        unit=unit,
        name=_person(index),
        title="SLT-koordinator",
        position_percent=100 if index % 4 else 50,
        employer=employer,
        org_placement="Oppvekst, kultur og fritid",
        email=_address(_person(index), email_domain),
        phone=f"+47400{index:02d}{100 + index:03d}",  # stored as E.164
        verified_at=verified,
    )
    if unit.slug in VACANT:
        main.ended_at = now - dt.timedelta(days=30)
        main.save(update_fields=["ended_at"])
    if assistant:
        Coordinator.objects.create(
            unit=unit,
            name=_person(index + 5),
            title="Rådgiver SLT",
            position_percent=50,
            employer=main.employer,
            org_placement="Helse og velferd",
            email=_address(_person(index + 5), email_domain),
            verified_at=verified,
        )


def load(*, log):
    now = timezone.now()
    # The demo coordinator's own unit (accounts.demo.DEMO_COORDINATOR_EMAIL logs in here).
    bergen = Municipality.objects.get(number="4601")
    unit, _created = SLTUnit.objects.get_or_create(
        slug="bergen",
        defaults={
            "name": "SLT Bergen",
            "status": SLTUnit.Status.ACTIVE,
            "started_year": 2008,
            "email": "slt@bergen.example.no",
            "verified_at": now,
            "has_steering_group": True,
            "steering_group_chair": "Byrådsleder",
            "police_contact": "Vest politidistrikt, Bergen sentrum politistasjon",
        },
    )
    UnitMunicipality.objects.get_or_create(unit=unit, municipality=bergen)
    user = User.objects.get(email__iexact=DEMO_COORDINATOR_EMAIL)
    Coordinator.objects.get_or_create(
        unit=unit,
        email="koordinator@example.no",
        defaults={
            "name": "Demo Koordinator",
            "title": "SLT-koordinator",
            "position_percent": 100,
            "employer": "Bergen kommune",
            "org_placement": "Byrådsavdeling for barnehage, skole og idrett",
            "user": user,
            "verified_at": now,
        },
    )

    municipalities = {m.number: m for m in Municipality.objects.current()}
    for index, (slug, name, numbers, started, status) in enumerate(UNITS, start=1):
        unit = _unit(slug, name, status, started, slug, numbers[0][:2], now, index)
        for number in numbers:
            UnitMunicipality.objects.get_or_create(
                unit=unit, municipality=municipalities[number], defaults={"is_current": unit.is_current}
            )
        # The employer is a real municipality: an inter-municipal unit's coordinator is employed by
        # its host municipality (the first member), never by an invented "Midt-Troms kommune".
        employer = f"{municipalities[numbers[0]].name} kommune"
        _coordinators(
            unit, index, now, email_domain=slug, employer=employer, assistant=len(numbers) > 1 or index % 9 == 0
        )

    districts = {d.number: d for d in District.objects.all()}
    for offset, (slug, name, numbers) in enumerate(OSLO_UNITS, start=len(UNITS) + 1):
        unit = _unit(slug, name, "active", 2009, "oslo", "03", now, offset)
        for number in numbers:
            UnitDistrict.objects.get_or_create(unit=unit, district=districts[number])
        _coordinators(
            unit,
            offset,
            now,
            email_domain=f"bydel-{slug.removeprefix('salto-')}",
            employer=f"Oslo kommune, bydel {name.removeprefix('SaLTo ')}",
        )
    log(f"  demo units: {SLTUnit.objects.count()}, coordinators: {Coordinator.objects.active().count()}")
