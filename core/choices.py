"""Shared vocabulary: choice lists used by several apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """The language an editor wrote a text in (measures, publications, news, events)."""

    NB = "nb", _("Bokmål")
    NN = "nn", _("Nynorsk")
    EN = "en", _("Engelsk")
    SE = "se", _("Nordsamisk")
