from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Theme(models.Model):
    """A managed theme (rus/alkohol, vold, mobbing, ...), shared by measures and publications."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(_("navn (bokmål)"), max_length=100)
    name_nn = models.CharField(_("navn (nynorsk)"), max_length=100, blank=True)
    name_en = models.CharField(_("navn (engelsk)"), max_length=100, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("rekkefølge"), default=0)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.localized_name

    @property
    def localized_name(self) -> str:
        lang = (get_language() or "nb")[:2]
        return {"nn": self.name_nn, "en": self.name_en}.get(lang) or self.name
