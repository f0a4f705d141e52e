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
