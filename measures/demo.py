"""Demo measures: about 150 published measures spread over the demo SLT units that exist.

Everything here is invented for demonstration (titles, texts, figures, evidence levels)."""

import datetime as dt
import itertools

from django.utils import timezone

from documents.models import Publication
from municipalities.models import SLTUnit

from . import services
from .models import Classification, Measure, Theme

TARGET = 150
STATUSES = [Measure.Status.ACTIVE] * 5 + [Measure.Status.PLANNED, Measure.Status.ENDED]
DEMO_NOTE = "\n\n*Demodata: tiltaket, tallene og eventuelle evidensnivå er oppdiktet.*"

# (title, summary, themes, arenas, age bands, levels, partners, factors, ungsinn level, rating)
CONCEPTS = [
    (
        "Natteravner i sentrum",
        "Frivillige voksne går i sentrum fredag og lørdag kveld og er trygge voksne for ungdom ute.",
        ["rus-alkohol", "vold"],
        ["naermiljo"],
        ["13-15", "16-18"],
        ["universell"],
        ["frivillige", "politi"],
        ["trygg-voksen"],
        None,
        "",
    ),
    (
        "Ungdomslos",
        "En fast voksen følger opp ungdom som står i fare for å falle ut av skolen, tett på skole og hjem.",
        ["skole-frafall", "utenforskap"],
        ["skole", "hjem-familie"],
        ["13-15", "16-18"],
        ["indikert"],
        ["skole", "oppfolgingstjenesten", "nav"],
        ["tidlig-skolefrafall", "trygg-voksen"],
        2,
        "",
    ),
    (
        "Foreldremøter om rus på ungdomsskolen",
        "SLT-koordinator, politi og helsesykepleier møter foreldre på 8. trinn om rus, grenser og fester.",
        ["rus-alkohol", "narkotika"],
        ["skole", "hjem-familie"],
        ["13-15"],
        ["universell"],
        ["skole", "politi", "helsestasjon"],
        ["foreldrestotte", "tidlig-rusdebut"],
        None,
        "",
    ),
    (
        "Bekymringssamtale med politiet",
        "Politiet og foreldre snakker med ungdom etter en hendelse, for å hindre at det skjer igjen.",
        ["kriminalitet"],
        ["politi", "hjem-familie"],
        ["13-15", "16-18"],
        ["indikert"],
        ["politi", "barnevern"],
        ["atferdsproblemer", "foreldrestotte"],
        None,
        "",
    ),
    (
        "Mentorordning for elever",
        "Studenter er mentorer for elever som trenger en ekstra voksen, en ettermiddag i uka gjennom skoleåret.",
        ["skole-frafall", "utenforskap"],
        ["skole", "fritid"],
        ["6-12", "13-15"],
        ["selektiv"],
        ["skole", "frivillige"],
        ["trygg-voksen", "skoletilknytning"],
        1,
        "",
    ),
    (
        "Sommerjobb for ungdom",
        "Kommunen og lokale bedrifter gir ungdom en betalt sommerjobb med veileder.",
        ["utenforskap", "kriminalitet"],
        ["naermiljo"],
        ["16-18"],
        ["selektiv"],
        ["naeringsliv", "nav"],
        ["lavinntekt", "mestring"],
        None,
        "",
    ),
    (
        "Fritidskort for alle barn",
        "Alle barn får et kort som dekker kontingent til en organisert fritidsaktivitet.",
        ["utenforskap"],
        ["fritid"],
        ["6-12", "13-15"],
        ["universell"],
        ["fritid-kultur", "frivillige"],
        ["organisert-fritid", "lavinntekt"],
        None,
        "",
    ),
    (
        "Utekontakt på kveldstid",
        "Utekontakten oppsøker ungdom der de er på kveldstid og følger opp dem som trenger det.",
        ["rus-alkohol", "narkotika", "psykisk-helse"],
        ["naermiljo"],
        ["13-15", "16-18", "19-24"],
        ["selektiv", "indikert"],
        ["utekontakt", "politi"],
        ["svak-voksenkontakt", "trygg-voksen"],
        None,
        "",
    ),
    (
        "Nettvett på mellomtrinnet",
        "Undervisningsopplegg om deling av bilder, nettmobbing og svindel for 5.–7. trinn.",
        ["digital-kriminalitet", "mobbing"],
        ["skole", "digitalt"],
        ["6-12"],
        ["universell"],
        ["skole", "politi"],
        ["sosiale-ferdigheter"],
        None,
        "",
    ),
    (
        "Stormøter ved konflikter i klassen",
        "Konfliktrådet leder et møte der en hel klasse arbeider med en konflikt eller mobbesak.",
        ["mobbing", "vold"],
        ["skole"],
        ["6-12", "13-15"],
        ["selektiv"],
        ["konfliktrad", "skole"],
        ["sosiale-ferdigheter"],
        None,
        "",
    ),
    (
        "Trygg skolevei",
        "Foreldre, skole og kommune kartlegger skoleveien og utbedrer farlige punkter.",
        ["trafikk"],
        ["naermiljo", "skole"],
        ["6-12"],
        ["universell"],
        ["skole", "frivillige"],
        [],
        None,
        "",
    ),
    (
        "Leksehjelp på biblioteket",
        "Frivillige og lærerstudenter gir gratis leksehjelp to ettermiddager i uka.",
        ["skole-frafall"],
        ["fritid", "skole"],
        ["6-12", "13-15"],
        ["universell"],
        ["frivillige", "fritid-kultur"],
        ["skoletilknytning", "mestring"],
        None,
        "",
    ),
    (
        "Foreldreveiledning i grupper",
        "Kurs for foreldre som vil styrke samspillet med barna, ledet av helsestasjonen.",
        ["psykisk-helse", "vold"],
        ["hjem-familie", "helse"],
        ["0-5", "6-12"],
        ["universell", "selektiv"],
        ["helsestasjon", "barnevern"],
        ["foreldrestotte"],
        3,
        "",
    ),
    (
        "Ungdomsklubb med aktivitetsveileder",
        "Klubben holder åpent tre kvelder i uka med voksne som kjenner ungdommene.",
        ["utenforskap", "rus-alkohol"],
        ["fritid"],
        ["13-15", "16-18"],
        ["universell"],
        ["fritid-kultur"],
        ["organisert-fritid", "trygg-voksen"],
        None,
        "",
    ),
    (
        "Oppfølgingsteam for unge lovbrytere",
        "Tverrfaglig team følger opp ungdom etter lovbrudd med en individuell plan.",
        ["kriminalitet", "rus-alkohol"],
        ["politi", "hjem-familie"],
        ["16-18", "19-24"],
        ["indikert"],
        ["konfliktrad", "politi", "kriminalomsorgen", "barnevern"],
        ["kriminelle-venner", "atferdsproblemer"],
        None,
        "",
    ),
    (
        "Forebygging av radikalisering i skolen",
        "Kompetanseheving for lærere og et fast samarbeid om bekymringer for radikalisering.",
        ["radikalisering"],
        ["skole"],
        ["13-15", "16-18"],
        ["universell", "selektiv"],
        ["skole", "politi"],
        ["ensomhet"],
        None,
        "",
    ),
    (
        "Psykisk helse i klasserommet",
        "Opplegg der elever lærer om følelser, stress og hvor de kan få hjelp.",
        ["psykisk-helse"],
        ["skole"],
        ["13-15"],
        ["universell"],
        ["skole", "helsestasjon", "bup"],
        ["mestring", "sosiale-ferdigheter"],
        2,
        "",
    ),
    (
        "Rusfri russefeiring",
        "Kommunen, russen og politiet samarbeider om trygge og rusfrie arrangementer.",
        ["rus-alkohol", "trafikk"],
        ["naermiljo"],
        ["16-18"],
        ["universell"],
        ["politi", "frivillige", "naeringsliv"],
        ["tidlig-rusdebut"],
        None,
        "",
    ),
    (
        "Tidlig innsats i barnehagen",
        "Barnehagene bruker en felles modell for å oppdage og følge opp barn det er bekymring for.",
        ["psykisk-helse", "utenforskap"],
        ["barnehage"],
        ["0-5"],
        ["universell", "selektiv"],
        ["helsestasjon", "barnevern"],
        ["foreldrestotte"],
        None,
        "",
    ),
    (
        "Familieteam for barn med atferdsvansker",
        "Hjemmebasert behandling for familier med barn som har alvorlige atferdsvansker.",
        ["vold", "kriminalitet"],
        ["hjem-familie"],
        ["13-15", "16-18"],
        ["indikert"],
        ["barnevern", "bup"],
        ["atferdsproblemer", "foreldrestotte"],
        5,
        "blueprints_model_plus",
    ),
    (
        "Skolebasert program mot mobbing",
        "Hele skolen arbeider etter en felles plan mot mobbing, med klassemøter og tilsyn.",
        ["mobbing"],
        ["skole"],
        ["6-12", "13-15"],
        ["universell"],
        ["skole"],
        ["skoletilknytning"],
        4,
        "blueprints_promising",
    ),
    (
        "Skremselspropaganda-besøk i fengsel",
        "Tidligere praksis: ungdom besøkte fengsel for å skremmes fra kriminalitet. Avviklet.",
        ["kriminalitet"],
        ["politi"],
        ["13-15"],
        ["selektiv"],
        ["kriminalomsorgen"],
        ["kriminelle-venner"],
        0,
        "",
    ),
    (
        "Politiets skolebesøk om digital deling",
        "Nettpatruljen besøker 8. trinn om deling av bilder, lovverk og hvor man får hjelp.",
        ["digital-kriminalitet"],
        ["skole", "digitalt"],
        ["13-15"],
        ["universell"],
        ["politi", "skole"],
        [],
        None,
        "",
    ),
    (
        "Jobbsjansen for unge voksne",
        "Arbeidstrening og oppfølging for unge voksne som står utenfor skole og arbeid.",
        ["utenforskap"],
        ["naermiljo"],
        ["19-24"],
        ["indikert"],
        ["nav", "naeringsliv"],
        ["tidlig-skolefrafall", "lavinntekt"],
        None,
        "",
    ),
    (
        "Aktivitetsdager i skoleferien",
        "Gratis aktiviteter for barn som ikke reiser bort i sommerferien.",
        ["utenforskap"],
        ["fritid"],
        ["6-12"],
        ["universell"],
        ["fritid-kultur", "frivillige"],
        ["organisert-fritid"],
        None,
        "",
    ),
    (
        "Gatemegling",
        "Unge voksne lærer ungdom å løse konflikter uten vold, i skolen og i nærmiljøet.",
        ["vold", "kriminalitet"],
        ["naermiljo", "skole"],
        ["13-15", "16-18"],
        ["universell", "selektiv"],
        ["konfliktrad", "frivillige"],
        ["sosiale-ferdigheter"],
        1,
        "",
    ),
    (
        "Helsesykepleier på ungdomsklubben",
        "Helsesykepleier er på klubben én kveld i uka for samtaler uten timebestilling.",
        ["psykisk-helse", "rus-alkohol"],
        ["fritid", "helse"],
        ["13-15", "16-18"],
        ["universell"],
        ["helsestasjon", "fritid-kultur"],
        ["trygg-voksen"],
        None,
        "",
    ),
    (
        "Nabolagsvandring med politikontakten",
        "Politikontakten, SLT og beboere går sammen gjennom nabolaget og melder fra om utrygge steder.",
        ["kriminalitet", "trafikk"],
        ["naermiljo", "politi"],
        ["13-15", "16-18", "19-24"],
        ["universell"],
        ["politi", "frivillige"],
        [],
        None,
        "",
    ),
    (
        "Oppfølging etter ungdomsstraff",
        "Koordinert oppfølging fra skole, NAV og konfliktråd etter ungdomsstraff.",
        ["kriminalitet"],
        ["politi"],
        ["16-18"],
        ["indikert"],
        ["konfliktrad", "nav", "kriminalomsorgen"],
        ["kriminelle-venner"],
        None,
        "eif_nl2",
    ),
    (
        "Samtalegrupper for barn av foreldre med rusproblemer",
        "Gruppetilbud der barn møter andre i samme situasjon, ledet av familieterapeut.",
        ["rus-alkohol", "psykisk-helse"],
        ["helse", "hjem-familie"],
        ["6-12", "13-15"],
        ["selektiv"],
        ["helsestasjon", "bup"],
        ["rus-i-familien", "trygg-voksen"],
        2,
        "",
    ),
]

DESCRIPTION = """## Slik arbeider vi

{summary}

- Tiltaket er forankret i SLT-samarbeidet og handlingsplanen.
- Vi evaluerer arbeidet hvert år sammen med samarbeidspartnerne.

## Erfaringer

Det viktigste er faste voksne og god kontakt mellom tjenestene."""


def _contact(unit: SLTUnit) -> tuple[str, str]:
    entry = unit.coordinators.active().order_by("pk").first()
    if entry:
        return entry.name, entry.email
    return "SLT-koordinator (demo)", unit.email or f"slt@{unit.slug}.example.no"


def _data(concept, index: int, lists: dict) -> dict:
    title, summary, themes, arenas, ages, levels, partners, factors, level, rating = concept
    data = {
        "title": title,
        "summary": summary,
        "description": DESCRIPTION.format(summary=summary) + DEMO_NOTE,
        "language": "nb",  # the demo texts are bokmål; lang="nn" on them would be wrong markup
        "responsible_org": ["Oppvekst og utdanning", "Kultur og fritid", "Helse og omsorg"][index % 3],
        "status": STATUSES[index % len(STATUSES)],
        "start_date": dt.date(2018 + index % 7, 1 + index % 12, 1),
        "funding": ["Kommunalt budsjett", "SLT-tilskudd og kommunal egenandel", "Bufdir og kommunen"][index % 3],
        "cost_level": ["low", "medium", "high", ""][index % 4],
        "reach_per_year": [None, 25, 60, 120, 400][index % 5],
        "implementation": "En koordinator i 20 % stilling, to dagers opplæring og enkelt materiell.",
        "last_reviewed": timezone.localdate() - dt.timedelta(days=30 * (index % 18)),
        "themes": [lists["theme"][s] for s in themes],
        "arenas": [lists["arena"][s] for s in arenas],
        "age_bands": [lists["age_band"][s] for s in ages],
        "prevention_levels": [lists["prevention_level"][s] for s in levels],
        "partner_sectors": [lists["partner_sector"][s] for s in partners],
        "factors": [lists["factor"][s] for s in factors],
    }
    if data["status"] == Measure.Status.ENDED:
        data["end_date"] = data["start_date"] + dt.timedelta(days=700)
    if level is not None:
        data["ungsinn_level"] = level
        data["ungsinn_url"] = f"https://ungsinn.no/post_tiltak/demo-{title.lower().split()[0]}/"
    if rating:
        data["international_rating"] = rating
        data["international_url"] = (
            "https://www.blueprintsprograms.org/"
            if rating.startswith("blueprints")
            else "https://guidebook.eif.org.uk/"
        )
    return data


def _lists() -> dict:
    lists = {"theme": {t.slug: t for t in Theme.objects.all()}, "factor": {}}
    for c in Classification.objects.all():
        if c.kind in (Classification.Kind.RISK_FACTOR, Classification.Kind.PROTECTIVE_FACTOR):
            lists["factor"][c.slug] = c
        else:
            lists.setdefault(c.kind, {})[c.slug] = c
    return lists


def _link_report_to_a_measure(unit) -> None:
    """Show a measure's "reports and documents": Bergen's first measure links its annual report."""
    report = Publication.objects.filter(slug="demo-arsrapport-slt-bergen").first()
    measure = Measure.objects.published().filter(unit=unit).order_by("pk").first() if unit else None
    if report is None or measure is None or measure.documents.filter(pk=report.pk).exists():
        return
    services.measure_update(measure=measure, by=None, data={"documents": [*measure.documents.all(), report]})


def load(*, log):
    units = list(SLTUnit.objects.order_by("pk"))
    if not units:
        log("  demo measures: no SLT units exist, so no measures were created")
        return
    lists = _lists()
    per_unit = min(len(CONCEPTS), -(-TARGET // len(units)))
    originals: dict[str, Measure] = {m.title: m for m in Measure.objects.published().filter(based_on__isnull=True)}
    created = 0
    counter = itertools.count()
    for unit_index, unit in enumerate(units):
        existing = set(unit.measures.values_list("title", flat=True))
        name, email = _contact(unit)
        for offset in range(per_unit):
            index = next(counter)
            concept = CONCEPTS[(unit_index * 7 + offset) % len(CONCEPTS)]
            title = concept[0]
            if title in existing:
                continue
            data = _data(concept, index, lists)
            data.update(contact_name=name, contact_email=email)
            source = originals.get(title)
            if source is not None and source.unit_id != unit.pk:
                measure = services.measure_copy(source=source, unit=unit, by=None)
                data.pop("title")
                measure = services.measure_update(measure=measure, by=None, data=data)
            else:
                measure = services.measure_create(unit=unit, by=None, data=data)
                originals[title] = measure
            services.measure_publish(measure=measure, by=None)
            created += 1
    log(
        f"  demo measures: {created} created over {len(units)} units "
        f"({Measure.objects.published().count()} published in total)"
    )
    _link_report_to_a_measure(SLTUnit.objects.filter(slug="bergen").first())
