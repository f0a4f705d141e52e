"""The managed lists (themes and classifications), loaded by a data migration so every
database has them. Tuples: (slug, bokmål, nynorsk, English)."""

THEMES = [
    ("rus-alkohol", "Rus og alkohol", "Rus og alkohol", "Substance use and alcohol"),
    ("narkotika", "Narkotika", "Narkotika", "Drugs"),
    ("vold", "Vold", "Vald", "Violence"),
    ("kriminalitet", "Kriminalitet", "Kriminalitet", "Crime"),
    ("digital-kriminalitet", "Digital kriminalitet", "Digital kriminalitet", "Digital crime"),
    ("mobbing", "Mobbing", "Mobbing", "Bullying"),
    ("radikalisering", "Radikalisering", "Radikalisering", "Radicalisation"),
    ("psykisk-helse", "Psykisk helse", "Psykisk helse", "Mental health"),
    ("utenforskap", "Utenforskap", "Utanforskap", "Social exclusion"),
    ("trafikk", "Trafikk", "Trafikk", "Traffic"),
    ("skole-frafall", "Skole og frafall", "Skule og fråfall", "School and dropout"),
]

CLASSIFICATIONS = {
    "arena": [
        ("skole", "Skole", "Skule", "School"),
        ("barnehage", "Barnehage", "Barnehage", "Kindergarten"),
        ("fritid", "Fritid og ungdomsklubb", "Fritid og ungdomsklubb", "Leisure and youth club"),
        ("hjem-familie", "Hjem og familie", "Heim og familie", "Home and family"),
        ("naermiljo", "Nærmiljø", "Nærmiljø", "Neighbourhood"),
        ("digitalt", "Digitalt", "Digitalt", "Online"),
        ("helse", "Helse", "Helse", "Health"),
        ("politi", "Politi", "Politi", "Police"),
    ],
    "age_band": [
        ("0-5", "0–5 år", "0–5 år", "0–5 years"),
        ("6-12", "6–12 år", "6–12 år", "6–12 years"),
        ("13-15", "13–15 år", "13–15 år", "13–15 years"),
        ("16-18", "16–18 år", "16–18 år", "16–18 years"),
        ("19-24", "19–24 år", "19–24 år", "19–24 years"),
    ],
    "prevention_level": [
        ("universell", "Universell", "Universell", "Universal"),
        ("selektiv", "Selektiv", "Selektiv", "Selective"),
        ("indikert", "Indikert", "Indikert", "Indicated"),
    ],
    "partner_sector": [
        ("politi", "Politi", "Politi", "Police"),
        ("skole", "Skole", "Skule", "School"),
        ("barnevern", "Barnevern", "Barnevern", "Child welfare"),
        (
            "helsestasjon",
            "Helsestasjon og skolehelsetjeneste",
            "Helsestasjon og skulehelseteneste",
            "Health clinic and school health service",
        ),
        ("nav", "NAV", "NAV", "NAV (labour and welfare)"),
        ("fritid-kultur", "Fritid og kultur", "Fritid og kultur", "Leisure and culture"),
        ("frivillige", "Frivillige organisasjoner", "Frivillige organisasjonar", "Voluntary organisations"),
        ("naeringsliv", "Næringsliv", "Næringsliv", "Business"),
        ("konfliktrad", "Konfliktråd", "Konfliktråd", "Mediation service"),
        ("bup", "BUP og psykisk helse", "BUP og psykisk helse", "Child and adolescent mental health"),
        ("utekontakt", "Utekontakt", "Utekontakt", "Outreach youth work"),
        ("oppfolgingstjenesten", "Oppfølgingstjenesten", "Oppfølgingstenesta", "Follow-up service (school dropout)"),
        ("kriminalomsorgen", "Kriminalomsorgen", "Kriminalomsorga", "Correctional service"),
        ("andre", "Andre", "Andre", "Others"),
    ],
    "risk_factor": [
        ("tidlig-skolefrafall", "Tidlig skolefrafall", "Tidleg skulefråfall", "Early school dropout"),
        ("rus-i-familien", "Rusbruk i familien", "Rusbruk i familien", "Substance use in the family"),
        ("svak-voksenkontakt", "Svak kontakt med voksne", "Svak kontakt med vaksne", "Weak contact with adults"),
        ("tidlig-rusdebut", "Tidlig rusdebut", "Tidleg rusdebut", "Early onset of substance use"),
        ("atferdsproblemer", "Atferdsproblemer", "Åtferdsproblem", "Behavioural problems"),
        ("kriminelle-venner", "Venner som begår lovbrudd", "Vener som gjer lovbrot", "Friends who offend"),
        ("lavinntekt", "Lav inntekt i familien", "Låg inntekt i familien", "Low family income"),
        ("ensomhet", "Ensomhet og utenforskap", "Einsemd og utanforskap", "Loneliness and exclusion"),
    ],
    "protective_factor": [
        ("trygg-voksen", "En trygg voksen", "Ein trygg vaksen", "A trusted adult"),
        ("skoletilknytning", "Tilknytning til skolen", "Tilknyting til skulen", "School attachment"),
        ("organisert-fritid", "Organisert fritid", "Organisert fritid", "Organised leisure"),
        ("foreldrestotte", "Støttende foreldre", "Støttande foreldre", "Supportive parents"),
        ("sosiale-ferdigheter", "Sosiale ferdigheter", "Sosiale ferdigheiter", "Social skills"),
        ("mestring", "Mestring og tro på egne evner", "Meistring og tru på eigne evner", "Coping and self-efficacy"),
    ],
}


def load_managed_lists(Theme, Classification) -> None:
    """Create or update the managed rows (used by the data migration and by tests that truncate)."""
    for order, (slug, nb, nn, en) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug, defaults={"name": nb, "name_nn": nn, "name_en": en, "sort_order": order}
        )
    for kind, rows in CLASSIFICATIONS.items():
        for order, (slug, nb, nn, en) in enumerate(rows):
            Classification.objects.update_or_create(
                kind=kind,
                slug=slug,
                defaults={"name": nb, "name_nn": nn, "name_en": en, "sort_order": order},
            )
