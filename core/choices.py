"""Shared vocabulary: choice lists used by several apps."""

from functools import lru_cache

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """The language an editor wrote a text in (measures, publications, news, events)."""

    NB = "nb", _("Bokmål")
    NN = "nn", _("Nynorsk")
    EN = "en", _("Engelsk")
    SE = "se", _("Nordsamisk")


@lru_cache(maxsize=256)
def _labels(model, field_name: str) -> dict:
    return {make_hashable(value): label for value, label in model._meta.get_field(field_name).flatchoices}


def choice_label(instance, field_name: str) -> str:
    """`instance.get_<field>_display()` without rebuilding the choice list on every call (a list
    of 20 rows asks for several labels each): the labels are looked up once per process and field
    (they are lazy, so they still come out in the active language)."""
    value = getattr(instance, field_name)
    return force_str(_labels(type(instance), field_name).get(make_hashable(value), value), strings_only=True)
