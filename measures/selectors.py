"""Reads for the measure bank besides the search (`measures.search`): the detail page, its
history, related measures and "who else runs this"."""

from django.db.models import Prefetch, Q, QuerySet, Value

from accounts.permissions import coordinator_unit_ids
from core.history import HISTORY_LIMIT, Entry, entries, newest_first, tracked_fields
from municipalities.models import Coordinator

from .models import Classification, Measure


def measure_detail_queryset(user) -> QuerySet:
    return (
        Measure.objects.visible_to(user)
        .select_related("unit", "based_on")
        .prefetch_related("themes", "unit__municipalities")
    )


#: A measure's classification fields (all to Classification); the detail page reads them in one query.
CLASSIFICATION_FIELDS = ("arenas", "age_bands", "prevention_levels", "partner_sectors", "factors")


def prefetch_classifications(measure: Measure) -> Measure:
    """Fill `measure.<field>.all()` for every classification field with ONE query (a UNION of the
    through tables) instead of one prefetch query per field."""
    parts = [
        Classification.objects.filter(
            pk__in=getattr(Measure, name).through.objects.filter(measure_id=measure.pk).values("classification_id")
        )
        .annotate(field=Value(name))
        .order_by()
        for name in CLASSIFICATION_FIELDS
    ]
    rows = list(parts[0].union(*parts[1:], all=True).order_by("kind", "sort_order", "name"))
    cache = getattr(measure, "_prefetched_objects_cache", None)
    if cache is None:
        cache = measure._prefetched_objects_cache = {}
    for name in CLASSIFICATION_FIELDS:
        qs = getattr(measure, name).all()
        qs._result_cache = [row for row in rows if row.field == name]
        qs._prefetch_done = True
        cache[name] = qs
    return measure


def measure_history_entries(*, measure: Measure) -> tuple[list[Entry], bool]:
    """The measure's changes, newest first, each with every changed field old → new (its lists
    too, where the save recorded them), from at most `HISTORY_LIMIT` records; and whether older
    ones were left out. One query; `core.history.resolve` names the other related objects per page."""
    records = list(
        measure.history.select_related("history_user", "unit").order_by("-history_date", "-history_id")[:HISTORY_LIMIT]
    )
    found = entries(
        records,
        fields=tracked_fields(Measure),
        subject=lambda record: record.title,
        m2m_fields=Measure._meta.many_to_many,
        m2m_state=lambda record: record.m2m_state,
    )
    return newest_first(found), len(records) == HISTORY_LIMIT


def _family_q(measure: Measure) -> Q:
    root = measure.family_root_id or measure.pk
    return Q(family_root_id=root) | Q(pk=root)


def measure_related(*, measure: Measure, limit: int = 5) -> list[Measure]:
    """Up to `limit` published measures sharing a theme and an age band (then either), newest
    first. Semi-joins walk the (state, published_at) index, so this stays fast at 100 000 rows."""
    theme_ids = [t.pk for t in measure.themes.all()]
    age_ids = [a.pk for a in measure.age_bands.all()]
    if not theme_ids and not age_ids:
        return []
    by_theme = Q(pk__in=Measure.themes.through.objects.filter(theme_id__in=theme_ids).values("measure_id"))
    by_age = Q(pk__in=Measure.age_bands.through.objects.filter(classification_id__in=age_ids).values("measure_id"))
    candidates = (
        Measure.objects.published()
        .exclude(pk=measure.pk)
        .exclude(_family_q(measure))  # the family is shown under "who else runs this"
        .order_by("-published_at", "-pk")
    )
    found = []
    if theme_ids and age_ids:
        found = list(candidates.filter(by_theme & by_age).select_related("unit")[:limit])
    if len(found) < limit:
        either = candidates.filter(by_theme | by_age).exclude(pk__in=[m.pk for m in found])
        found += list(either.select_related("unit")[: limit - len(found)])
    return found


def measure_peers(*, measure: Measure, user, limit: int = 50) -> list[Measure]:
    """ "Who else runs this?": the published measures of other units in the same "based on"
    family (copies of copies included) or linking the same Ungsinn article. The viewer's own
    units are left out. Each comes with its unit's municipalities and public coordinators."""
    cond = _family_q(measure)
    if measure.ungsinn_url:
        cond |= Q(ungsinn_url=measure.ungsinn_url)
    excluded_units = {measure.unit_id, *coordinator_unit_ids(user)}
    return list(
        Measure.objects.published()
        .filter(cond)
        .exclude(unit_id__in=excluded_units)
        .select_related("unit")
        .prefetch_related(
            "unit__municipalities",
            Prefetch(
                "unit__coordinators",
                queryset=Coordinator.objects.public().order_by("name"),
                to_attr="public_coordinators",
            ),
        )
        .order_by("unit__name", "pk")[:limit]
    )
