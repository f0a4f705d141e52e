"""Text helpers shared by every app."""

import unicodedata

from django.utils.text import slugify

# Letters Unicode does not decompose into ASCII + accent, folded by hand before Django's slugify
# (which drops what NFKD cannot turn into ASCII). Accented letters such as á, č, š, ž and å
# decompose by themselves (á → a); these do not.
FOLD_NB = str.maketrans(
    {
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "đ": "d",  # Northern Sami
        "Đ": "d",
        "ŋ": "n",
        "Ŋ": "n",
        "ŧ": "t",
        "Ŧ": "t",
    }
)


def slugify_nb(value, *, max_length: int | None = None, fallback: str = "") -> str:
    """An ASCII slug that keeps Norwegian and Sami names readable.

    æ → ae, ø → o, å → a, and Sami letters folded to their base letter (á → a, č → c, đ → d,
    ŋ → n, š → s, ŧ → t, ž → z); then Django's slugify. `max_length` cuts the slug without leaving
    a hyphen at the end; `fallback` is returned when nothing is left (e.g. a title of only emoji).
    """
    slug = slugify(str(value).translate(FOLD_NB))
    if max_length is not None:
        slug = slug[:max_length].strip("-")
    return slug or fallback


def normalize_email(value: str) -> str:
    """The one form of an e-mail address used to store, find and rate-limit accounts.

    NFKC turns compatibility characters into the letters they stand for (U+017F long s → s,
    the Kelvin sign → K, full-width letters → ASCII), casefold then removes case (ß → ss), and
    a final NFKC keeps the result stable. Stored addresses are in this form and compared exactly,
    so the login, the lockout key, rate limits and uniqueness all see one address, whatever a
    user typed. (Matching with the database's UPPER()/LOWER() instead gave every confusable
    spelling its own lockout counter.)"""
    folded = unicodedata.normalize("NFKC", str(value)).strip().casefold()
    return unicodedata.normalize("NFKC", folded)
