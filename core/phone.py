"""Phone numbers: parsed and validated with `phonenumbers`, stored as E.164 ("+4740000000"),
shown grouped the Norwegian way ("+47 400 00 000"), exported as RFC 3966 ("tel:+4740000000")."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "NO"  # a number written without a country code is Norwegian
NBSP = "\u00a0"
INVALID = _("Skriv et gyldig telefonnummer, for eksempel 400 00 000 eller +46 8 123 456 78.")
# What the database accepts (the same rule as `normalise`, in the shape E.164 allows).
E164_REGEX = r"^\+[1-9][0-9]{6,14}$"


def normalise(text: str) -> str:
    """'400 00 000', '0047 40000000', '+47 400 00 000' → '+4740000000'; '' stays ''.
    Raises ValidationError when the text is not a valid phone number."""
    text = (text or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(INVALID, code="invalid_phone") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def grouped(e164: str, *, sep: str = " ") -> str:
    """'+4740000000' → '+47 400 00 000' (Norwegian mobiles 3-2-3, other Norwegian numbers 2-2-2-2,
    service numbers and other countries as `phonenumbers` groups them); `sep` joins the groups."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    national = str(number.national_number)
    if number.country_code == 47 and len(national) == 8 and national[0] in "2345679":
        groups = [national[:3], national[3:5], national[5:]] if national[0] in "49" else _pairs(national)
        return sep.join(["+47", *groups])
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return text.replace(" ", sep)


def _pairs(digits: str) -> list[str]:
    return [digits[i : i + 2] for i in range(0, len(digits), 2)]


def display(e164: str) -> str:
    """Grouped with non-breaking spaces, so a number never wraps across lines."""
    return grouped(e164, sep=NBSP)


def tel_uri(e164: str) -> str:
    """RFC 3966 global number: 'tel:+4740000000'."""
    return f"tel:{e164}" if e164 else ""


class PhoneNumberField(models.CharField):
    """A phone number, normalised to E.164 on full_clean(); a form shows a bad number next to the field."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)

    def clean(self, value, model_instance):
        # Here rather than in to_python(), which also runs on lookups and saves.
        value = self.to_python(value)
        return super().clean(normalise(value) if value else value, model_instance)

    def formfield(self, **kwargs):
        # What people type ("0047 400 00 000") is longer than what is stored.
        field = super().formfield(**{"max_length": 40, **kwargs})
        field.widget.input_type = "tel"
        return field
