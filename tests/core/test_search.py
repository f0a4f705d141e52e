"""core.search's SQLite fallback: the verbatim piece that lets a field skip folding must hold in
every text whose folded form holds the term (else a match would be lost)."""

import random

from core.search import _stem, _verbatim_piece, fold


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
