import pytest

from core.text import slugify_nb


@pytest.mark.parametrize(
    ("value", "slug"),
    [
        ("Bærum", "baerum"),
        ("Tromsø", "tromso"),
        ("Ålesund", "alesund"),
        ("ÆØÅ æøå", "aeoa-aeoa"),
        ("Østre Toten", "ostre-toten"),
        ("Kárášjohka", "karasjohka"),
        ("Čáhcesuolu", "cahcesuolu"),
        ("Unjárga – Nesseby", "unjarga-nesseby"),
        ("Porsáŋgu", "porsangu"),
        ("Deatnu Đ ŧ ž", "deatnu-d-t-z"),
        ("Grünerløkka", "grunerlokka"),
        ("St. Hanshaugen", "st-hanshaugen"),
        ("  Handlingsplan 2024–2027!  ", "handlingsplan-20242027"),
    ],
)
def test_slugify_nb_folds_norwegian_and_sami_letters(value, slug):
    assert slugify_nb(value) == slug


def test_slugify_nb_cuts_without_a_trailing_hyphen():
    assert slugify_nb("Trygg i Tromsø", max_length=8) == "trygg-i"
    assert len(slugify_nb("a" * 300, max_length=200)) == 200


def test_slugify_nb_fallback_when_nothing_is_left():
    assert slugify_nb("🙂", fallback="tiltak") == "tiltak"
    assert slugify_nb("") == ""


@pytest.mark.django_db
def test_every_slug_maker_uses_it():
    from documents.models import Publication
    from documents.services import unique_slug
    from measures.models import measure_slug
    from municipalities.services import place_slug

    title = "Årsrapport Bærum og Østre Toten"
    assert measure_slug(title) == slugify_nb(title) == "arsrapport-baerum-og-ostre-toten"
    assert measure_slug("🙂") == "tiltak"
    assert place_slug("Bærum og Tromsø") == slugify_nb("Bærum og Tromsø")
    assert unique_slug(Publication, title) == "arsrapport-baerum-og-ostre-toten"
    assert unique_slug(Publication, "🙂") == "dokument"
