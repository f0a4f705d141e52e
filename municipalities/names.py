"""Languages of the Sami and Kven forms in official municipality names (the reference data joins
the forms with " - " and carries no language tag). se = Northern Sami, smj = Lule Sami,
sma = Southern Sami, fkv = Kven. Forms not listed are Norwegian."""

NAME_FORM_LANGUAGES = {
    "Aarborte": "sma",
    "Fuossko": "smj",
    "Evenášši": "se",
    "Suortá": "se",
    "Hábmer": "smj",
    "Tråante": "sma",
    "Nåavmesjenjaelmie": "sma",
    "Rosse": "sma",
    "Snåase": "sma",
    "Raarvihke": "sma",
    "Hárstták": "se",
    "Dielddanuorri": "se",
    "Loabák": "se",
    "Omasvuotna": "se",
    "Omasvuono": "fkv",
    "Gáivuotna": "se",
    "Kaivuono": "fkv",
    "Ráisa": "se",
    "Raisi": "fkv",
    "Hámmerfeasta": "se",
    "Kárášjohka": "se",
    "Guovdageaidnu": "se",
    "Porsáŋgu": "se",
    "Porsanki": "fkv",
    "Deatnu": "se",
    "Unjárga": "se",
}


def name_form_language(form: str) -> str:
    return NAME_FORM_LANGUAGES.get(form, "")


# Names in common use that the official name (SSB) does not carry, matched by the directory search
# like the official forms: by kommunenummer. Tromsø's Northern Sami name is Romsa (the official
# county name "Troms - Romsa - Tromssa" has it too, but the search should find the town first).
MUNICIPALITY_ALIASES = {
    "5501": ("Romsa",),  # Tromsø
    "1804": ("Bådåddjo",),  # Bodø (Lule Sami)
    "5601": ("Áltá",),  # Alta
    "1806": ("Áhkanjárga",),  # Narvik
}
