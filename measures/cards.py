"""The measure card (the measure bank's results, the unit page's measures) from plain rows:
two queries for a page of cards (the measures with their unit's name; every theme and age band of
the page in one UNION), no model instances, the address reversed once per page (issue 14)."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import get_language

from .models import Measure, evidence_color, evidence_label

_SENTINEL_PK, _SENTINEL_SLUG = 987654321, "slug-placeholder"
#: The card's tags: (Measure field, the option table's order within the field).
TAG_FIELDS = ("themes", "age_bands")


@dataclass(slots=True)
class MeasureCard:
    pk: int
    title: str
    url: str
    language: str
    summary: str
    unit_name: str
    status_label: str
    evidence_label: str
    evidence_color: str
    themes: list[str] = field(default_factory=list)
    age_bands: list[str] = field(default_factory=list)

    def get_absolute_url(self) -> str:
        return self.url


def _localized(name: str, name_nn: str, name_en: str, language: str) -> str:
    return {"nn": name_nn, "en": name_en}.get(language) or name


def _tags(ids: list[int], language: str) -> dict[int, dict[str, list[str]]]:
    """{measure id: {field: [label, …]}} in each list's order, by one query."""
    qn = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(ids))
    branches = []
    for name in TAG_FIELDS:
        field_ = Measure._meta.get_field(name)
        through, option = field_.remote_field.through, field_.related_model
        branches.append(
            f"SELECT t.measure_id, '{name}', o.sort_order, o.name, o.name_nn, o.name_en"
            f" FROM {qn(through._meta.db_table)} t JOIN {qn(option._meta.db_table)} o"
            f" ON o.id = t.{qn(field_.m2m_reverse_name())} WHERE t.measure_id IN ({marks})"
        )
    found = {pk: {name: [] for name in TAG_FIELDS} for pk in ids}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), ids * len(branches))
        rows = sorted(cursor.fetchall(), key=lambda r: (r[0], r[1], r[2], r[3]))
    for measure_id, name, _order, nb, nn, en in rows:
        found[measure_id][name].append(_localized(nb, nn, en, language))
    return found


#: What a card shows, read as plain values.
CARD_FIELDS = (
    "pk", "title", "slug", "language", "summary", "status", "ungsinn_level", "international_rating", "unit__name",
)  # fmt: skip


def measure_cards(ids: list[int]) -> list[MeasureCard]:
    """The cards of the published measures `ids`, in that order."""
    if not ids:
        return []
    by_pk = {row[0]: row for row in Measure.objects.published().filter(pk__in=ids).values_list(*CARD_FIELDS)}
    return _cards([by_pk[pk] for pk in ids if pk in by_pk])


def _cards(rows: list[tuple]) -> list[MeasureCard]:
    """Cards from CARD_FIELDS rows (one more query: their tags)."""
    if not rows:
        return []
    language = (get_language() or "nb")[:2]
    tags = _tags([row[0] for row in rows], language)
    pattern = reverse("measures:detail", kwargs={"pk": _SENTINEL_PK, "slug": _SENTINEL_SLUG})
    status_labels = {value: str(label) for value, label in Measure.Status.choices}
    return [
        MeasureCard(
            pk=pk,
            title=title,
            url=pattern.replace(str(_SENTINEL_PK), str(pk)).replace(_SENTINEL_SLUG, slug or "tiltak"),
            language=lang,
            summary=summary,
            unit_name=unit_name,
            status_label=status_labels.get(status, status),
            evidence_label=evidence_label(level, rating),
            evidence_color=evidence_color(level, rating),
            themes=tags[pk]["themes"],
            age_bands=tags[pk]["age_bands"],
        )
        for pk, title, slug, lang, summary, status, level, rating, unit_name in rows
    ]


class CardResults:
    """An ordered search result as cards, for a paginator: `count()` (known, or counted once), and
    slicing reads only that slice's ids and then its cards. Built from a queryset in page order or
    from a list of ordered ids."""

    def __init__(self, queryset: QuerySet | None = None, *, ids: list[int] | None = None, count: int | None = None):
        self.queryset, self._ids = queryset, ids
        self._count = len(ids) if ids is not None else count

    def count(self) -> int:
        if self._count is None:
            self._count = self.queryset.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def ids(self, index: slice) -> list[int]:
        if self._ids is not None:
            return self._ids[index]
        return list(self.queryset.prefetch_related(None).values_list("pk", flat=True)[index])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            found = self[index : index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        if self._ids is not None:
            return measure_cards(self._ids[index])
        # One query for the slice's rows in page order (no separate id query), one for their tags.
        return _cards(list(self.queryset.prefetch_related(None).values_list(*CARD_FIELDS)[index]))

    def __iter__(self):
        return iter(self[0 : self.count()])
