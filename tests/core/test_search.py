"""core.search's SQLite fallback: the verbatim piece that lets a field skip folding must hold in
every text whose folded form holds the term (else a match would be lost)."""

import random

import pytest

from core.search import _stem, _verbatim_piece, fold, stand_in, text_search


def _sqlite_fold(text: str) -> str:
    """What the SQL fold does: LOWER (ASCII letters only), then æ → ae, ø → o, å → a."""
    text = "".join(c.lower() if c.isascii() else c for c in text)
    for letter, plain in (("æ", "ae"), ("Æ", "ae"), ("ø", "o"), ("Ø", "o"), ("å", "a"), ("Å", "a")):
        text = text.replace(letter, plain)
    return text


def _ascii_lower(text: str) -> str:  # what SQLite's LIKE ignores
    return "".join(c.lower() if c.isascii() else c for c in text)


def test_verbatim_piece_leaves_out_letters_folding_makes():
    assert _verbatim_piece("leksehjelp") == "leksehjelp"
    assert _verbatim_piece("mobbing") == "bbing"
    assert _verbatim_piece("haerverk") == "rverk"  # "hærverk": the e after an a may be æ's
    assert _verbatim_piece("oa") == ""


def test_every_folded_match_holds_the_verbatim_piece():
    rng = random.Random(14)
    for _ in range(20_000):
        text = "".join(rng.choice("aeoøæåÆØÅAEObxE ") for _ in range(rng.randint(0, 12)))
        stem = _stem(fold("".join(rng.choice("aeoæøåbxAÆ") for _ in range(rng.randint(1, 6)))))
        if stem in _sqlite_fold(text) and (piece := _verbatim_piece(stem)):
            assert piece in _ascii_lower(text), (text, stem, piece)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "q", ["leksehjelp", "trondheim skole", "Ålesund", "a_b%c", "bo", "!!!", " ", "", "skolene foreldre øy"]
)
def test_stand_in_gives_the_same_sql_as_the_query(q):
    """slt_portal's site search compiles its text searches once per shape (core.search.stand_in):
    the stand-in's SQL, with its patterns replaced, must be the query's own."""
    from documents.models import InfoPage
    from documents.selectors import INFO_PAGE_SEARCH_FIELDS

    shape, stand_in_q, patterns = stand_in(q)
    sql, params = text_search(InfoPage.objects.all(), q, INFO_PAGE_SEARCH_FIELDS).query.sql_with_params()
    stand_sql, stand_params = text_search(
        InfoPage.objects.all(), stand_in_q, INFO_PAGE_SEARCH_FIELDS
    ).query.sql_with_params()
    assert stand_sql == sql
    assert [patterns.get(p, p) if isinstance(p, str) else p for p in stand_params] == list(params)
    assert len(set(patterns)) == len(patterns)
