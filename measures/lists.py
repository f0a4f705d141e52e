"""The managed lists Sfk edits: themes (core.Theme) and each kind of classification. One place that
knows which measure field holds which list, for the editor, its services and the measure form."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import CharField, Q, QuerySet, Value
from django.utils.translation import gettext_lazy as _

from core.models import LocalizedName, Theme

from .models import Classification


@dataclass(frozen=True)
class ManagedList:
    key: str  # in the URL
    title: str
    kind: str  # Classification.Kind value; "" for themes
    measure_field: str  # the Measure many-to-many field that holds the values

    @property
    def model(self):
        return Classification if self.kind else Theme

    def values(self):
        qs = self.model.objects.all()
        return (
            qs.filter(kind=self.kind).order_by("sort_order", "name", "pk")
            if self.kind
            else qs.order_by("sort_order", "name", "pk")
        )


MANAGED_LISTS = [
    ManagedList("tema", _("Temaer"), "", "themes"),
    ManagedList("arena", _("Arenaer"), Classification.Kind.ARENA, "arenas"),
    ManagedList("aldersgruppe", _("Aldersgrupper"), Classification.Kind.AGE_BAND, "age_bands"),
    ManagedList("forebyggingsniva", _("Forebyggingsnivåer"), Classification.Kind.PREVENTION_LEVEL, "prevention_levels"),
    ManagedList("samarbeidspartner", _("Samarbeidspartnere"), Classification.Kind.PARTNER_SECTOR, "partner_sectors"),
    ManagedList("risikofaktor", _("Risikofaktorer"), Classification.Kind.RISK_FACTOR, "factors"),
    ManagedList("beskyttelsesfaktor", _("Beskyttelsesfaktorer"), Classification.Kind.PROTECTIVE_FACTOR, "factors"),
]
BY_KEY = {managed.key: managed for managed in MANAGED_LISTS}


def managed_list_of(value) -> ManagedList:
    if isinstance(value, Theme):
        return BY_KEY["tema"]
    return next(managed for managed in MANAGED_LISTS if managed.kind == value.kind)


def list_values() -> tuple[list[Theme], list[Classification]]:
    """Every theme (sort order, name) and every classification (kind, sort order, name), retired
    ones included, by ONE query (a UNION ALL of the two tables)."""
    columns = ["id", "slug", "name", "name_nn", "name_en", "sort_order", "retired_at"]
    themes = Theme.objects.annotate(kind=Value("", output_field=CharField())).values_list(*columns, "kind")
    classifications = Classification.objects.values_list(*columns, "kind")
    rows = sorted(themes.order_by().union(classifications.order_by(), all=True), key=lambda r: (r[7], r[5], r[2], r[0]))
    found: tuple[list, list] = ([], [])
    plans = {}  # per model: its field names and where each is in a row
    for model in (Theme, Classification):
        names = [f.attname for f in model._meta.concrete_fields]
        where = {name: i for i, name in enumerate([*columns, "kind"])}
        plans[model] = (names, [where[name] for name in names])
    for row in rows:
        model = Classification if row[7] else Theme
        names, indexes = plans[model]
        found[model is Classification].append(model.from_db(None, names, [row[i] for i in indexes]))
    return found


@dataclass(frozen=True, slots=True)
class ListChoice:
    """A theme or classification as a form offers it: no model instance, the same label."""

    pk: int
    kind: str  # "" for a theme
    retired_at: datetime | None
    name: str
    name_nn: str
    name_en: str

    localized_name = LocalizedName.localized_name
    __str__ = LocalizedName.__str__


def list_choices() -> tuple[list[ListChoice], list[ListChoice]]:
    """list_values() as plain rows (what the measure form needs; cheaper than model instances)."""
    columns = ["id", "retired_at", "name", "name_nn", "name_en", "sort_order"]  # and the kind, last (as above)
    themes = Theme.objects.annotate(kind=Value("", output_field=CharField())).values_list(*columns, "kind")
    classifications = Classification.objects.values_list(*columns, "kind")
    rows = sorted(themes.order_by().union(classifications.order_by(), all=True), key=lambda r: (r[6], r[5], r[2], r[0]))
    found: tuple[list, list] = ([], [])
    for pk, retired_at, name, name_nn, name_en, _order, kind in rows:
        found[bool(kind)].append(ListChoice(pk, kind, retired_at, name, name_nn, name_en))
    return found


def offered(queryset, *, keep=None):
    """The values a form offers: those in use (not retired), plus `keep` (what the record already has:
    a queryset, as a subquery, so no extra query; or the primary keys, when they are at hand)."""
    if keep is None or (not isinstance(keep, QuerySet) and not keep):
        return queryset.filter(retired_at__isnull=True)
    pks = keep.values("pk") if isinstance(keep, QuerySet) else list(keep)
    return queryset.filter(Q(retired_at__isnull=True) | Q(pk__in=pks))
