"""Generate N realistic published measures for benchmarking the measure bank (not demo data)."""

import datetime as dt
import random
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from measures.models import Classification, Measure, Theme, measure_slug
from measures.services import measure_update_search_vector
from municipalities.models import District, Municipality, SLTUnit, UnitDistrict, UnitMunicipality

BENCH_ORG = "Benchmark"  # marks generated rows so --clear removes only these
BATCH = 2000

# 100 topic words: a text query for one of them matches about 1 % of the measures.
TOPICS = [
    "leksehjelp",
    "natteravn",
    "mentor",
    "sommerjobb",
    "fritidskort",
    "utekontakt",
    "nettvett",
    "stormøte",
    "skolevei",
    "foreldremøte",
    "bekymringssamtale",
    "ungdomsklubb",
    "russefeiring",
    "gatemegling",
    "familieteam",
    "jobbsjanse",
    "aktivitetsdag",
    "nabolagsvandring",
    "samtalegruppe",
    "ungdomsråd",
    "idrettslag",
    "kulturskole",
    "musikkverksted",
    "dataspill",
    "e-sport",
    "friluftsliv",
    "turgruppe",
    "svømmekurs",
    "matlaging",
    "jentegruppe",
    "guttegruppe",
    "foreldrekafe",
    "bydelsmor",
    "sykkelverksted",
    "skatepark",
    "ballbinge",
    "helsestasjon",
    "skolefrokost",
    "miljøarbeider",
    "overgangsprosjekt",
    "rusundervisning",
    "vaping",
    "cannabis",
    "alkoholfri",
    "festvett",
    "nettmobbing",
    "deling",
    "sextortion",
    "svindel",
    "gjeng",
    "våpen",
    "kniv",
    "hærverk",
    "tagging",
    "butikktyveri",
    "brannvern",
    "trafikkopplæring",
    "moped",
    "refleks",
    "konflikthåndtering",
    "traumebevisst",
    "selvskading",
    "ensomhet",
    "vennskap",
    "lekegruppe",
    "barnehagestart",
    "språkstimulering",
    "introduksjonsprogram",
    "flyktning",
    "minoritet",
    "religion",
    "ekstremisme",
    "dialog",
    "debattkveld",
    "ungdomspolitiker",
    "medvirkning",
    "arbeidstrening",
    "lærlingplass",
    "skolehelse",
    "søvn",
    "skjermtid",
    "gaming",
    "ungdata",
    "kartlegging",
    "handlingsplan",
    "politikontakt",
    "politiråd",
    "oppfølgingsteam",
    "ungdomsstraff",
    "konfliktråd",
    "mekling",
    "gjenopprettende",
    "tilbakeføring",
    "nattåpent",
    "helgetilbud",
    "feriejobb",
    "veiledning",
    "hjemmebesøk",
    "familieråd",
]
OPENINGS = ["Tiltak med", "Prosjekt for", "Lavterskeltilbud med", "Samarbeid om", "Tilbud om"]
GROUPS = ["ungdom", "barn", "elever", "foreldre", "unge voksne", "familier"]
FILLER = (
    "Tiltaket drives i samarbeid mellom kommunen, politiet og frivillige. Målet er å styrke "
    "tilknytningen til skole og fritid og å gi barn og unge trygge voksne å snakke med."
)


def _units(minimum: int = 60) -> list[SLTUnit]:
    """At least `minimum` units, each new one holding a municipality (a few hold Oslo districts),
    so the county facet has real rows to count."""
    if not Municipality.objects.exists():
        call_command("load_municipalities", verbosity=0, stdout=StringIO())
    units = list(SLTUnit.objects.order_by("pk"))
    if len(units) >= minimum:
        return units
    free = list(Municipality.objects.exclude(memberships__is_current=True).order_by("number")[:minimum])
    districts = list(District.objects.exclude(memberships__is_current=True).order_by("number")[:3])
    for i in range(len(units), minimum):
        unit = SLTUnit.objects.create(name=f"Bench-enhet {i}", slug=f"bench-enhet-{i}")
        if districts and i % 20 == 0:
            UnitDistrict.objects.create(unit=unit, district=districts.pop())
        elif i < len(free):
            UnitMunicipality.objects.create(unit=unit, municipality=free[i])
        units.append(unit)
    return units


class Command(BaseCommand):
    help = "Create N published measures spread over the SLT units, for the search benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--clear", action="store_true", help="Delete earlier benchmark measures first.")
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, count, clear, seed, **options):
        rng = random.Random(seed)
        if clear:
            deleted, _ = Measure.objects.filter(responsible_org=BENCH_ORG).delete()
            self.stdout.write(f"Deleted {deleted} rows of earlier benchmark data.")
        units = _units()
        themes = list(Theme.objects.values_list("pk", flat=True))
        kinds = {
            kind: list(Classification.objects.filter(kind=kind).values_list("pk", flat=True))
            for kind in Classification.Kind.values
        }
        statuses = [Measure.Status.ACTIVE] * 6 + [Measure.Status.PLANNED, Measure.Status.ENDED]
        levels = [None] * 14 + [0, 1, 2, 2, 3, 4, 5]
        now = timezone.now()
        created = 0
        while created < count:
            size = min(BATCH, count - created)
            with transaction.atomic():
                measures = []
                for _ in range(size):
                    topic = rng.choice(TOPICS)
                    other = rng.choice(TOPICS)
                    level = rng.choice(levels)
                    status = rng.choice(statuses)
                    start = now.date().replace(year=2015 + rng.randrange(11))
                    title = f"{rng.choice(OPENINGS)} {topic} for {rng.choice(GROUPS)}"
                    measures.append(
                        Measure(
                            title=title,
                            slug=measure_slug(title),
                            summary=f"Et tilbud om {topic} og {other} i kommunen.",
                            description=f"{FILLER} Vi arbeider særlig med {other}.",
                            unit=rng.choice(units),
                            responsible_org=BENCH_ORG,
                            contact_name="Bench Kontakt",
                            contact_email="bench@example.no",
                            status=status,
                            start_date=start,
                            end_date=start.replace(year=start.year + 2) if status == "ended" else None,
                            ungsinn_level=level,
                            ungsinn_url="https://ungsinn.no/post_tiltak/bench/" if level is not None else "",
                            state=Measure.State.PUBLISHED,
                            published_at=now - dt.timedelta(minutes=rng.randrange(500_000)),
                        )
                    )
                measures = Measure.objects.bulk_create(measures)
                ids = [m.pk for m in measures]
                links = {
                    "themes": (themes, 1, 3),
                    "arenas": (kinds["arena"], 1, 2),
                    "age_bands": (kinds["age_band"], 1, 3),
                    "prevention_levels": (kinds["prevention_level"], 1, 1),
                    "partner_sectors": (kinds["partner_sector"], 1, 3),
                }
                for attr, (choices, low, high) in links.items():
                    through = getattr(Measure, attr).through
                    key = "theme_id" if attr == "themes" else "classification_id"
                    through.objects.bulk_create(
                        [
                            through(measure_id=pk, **{key: choice})
                            for pk in ids
                            for choice in rng.sample(choices, rng.randint(low, high))
                        ]
                    )
                measure_update_search_vector(measure_ids=ids)
            created += size
            self.stdout.write(f"  {created}/{count}")
        if connection.vendor == "postgresql":
            # Fresh planner statistics, as autovacuum would gather them on a live site.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Created {count} benchmark measures over {len(units)} units."))
