import pytest
from django.core.exceptions import ValidationError

from core import phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("400 00 000", "+4740000000"),
        ("+47 400 00 000", "+4740000000"),
        ("0047 40000000", "+4740000000"),
        ("22 33 44 55", "+4722334455"),
        ("+46 8 123 456 78", "+46812345678"),
        ("", ""),
    ],
)
def test_norwegian_and_international_numbers_are_stored_as_e164(typed, stored):
    assert phone.normalise(typed) == stored


@pytest.mark.parametrize("typed", ["abc", "12", "ring meg ikke", "+47 123"])
def test_what_is_not_a_phone_number_is_rejected(typed):
    with pytest.raises(ValidationError):
        phone.normalise(typed)


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+4740000000", "+47 400 00 000"),
        ("+4791234567", "+47 912 34 567"),
        ("+4722334455", "+47 22 33 44 55"),
        ("+4780012345", "+47 800 12 345"),
        ("+46812345678", "+46 8 123 456 78"),
    ],
)
def test_numbers_are_grouped_for_reading(stored, shown):
    assert phone.grouped(stored) == shown
    assert phone.display(stored) == shown.replace(" ", "\u00a0")  # never wraps mid-number
    assert phone.tel_uri(stored) == f"tel:{stored}"
