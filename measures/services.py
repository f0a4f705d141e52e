"""Writes for measures. Every write goes through here so the search vector stays current."""

from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import changes_between, record, record_save, snapshot, stored_snapshot
from core.content import content_changed
from core.text import slugify_nb
from municipalities.models import SLTUnit

from .lists import managed_list_of
from .models import Measure, linkable_documents

M2M_FIELDS = ("themes", "arenas", "age_bands", "prevention_levels", "partner_sectors", "factors", "documents")
SCALAR_FIELDS = (
    "title",
    "summary",
    "description",
    "language",
    "responsible_org",
    "contact_name",
    "contact_email",
    "status",
    "start_date",
    "end_date",
    "funding",
    "cost_level",
    "reach_per_year",
    "ungsinn_level",
    "ungsinn_url",
    "international_rating",
    "international_url",
    "local_evaluation",
    "report_links",
    "implementation",
    "last_reviewed",
)
SEARCH_CONFIG = "norwegian"
# What the audit log records of a measure (the search vector and bookkeeping fields are derived).
AUDIT_FIELDS = ("unit", *SCALAR_FIELDS, "state", "published_at", "based_on", *M2M_FIELDS)


def search_vector_expression():
    """Title weighs most, then the summary, then the description."""
    return (
        SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
        + SearchVector("description", weight="C", config=SEARCH_CONFIG)
    )


def measure_update_search_vector(*, measure_ids) -> None:
    """Recompute the full-text vector (PostgreSQL only; SQLite searches with a fallback)."""
    if connection.vendor != "postgresql":
        return
    Measure.objects.filter(pk__in=list(measure_ids)).update(search_vector=search_vector_expression())


def _apply(measure: Measure, data: dict) -> dict:
    for name in SCALAR_FIELDS:
        if name in data:
            value = data[name]
            if value is None and name not in (
                "start_date",
                "end_date",
                "reach_per_year",
                "ungsinn_level",
                "last_reviewed",
            ):
                value = ""
            setattr(measure, name, value)
    return {name: list(data[name]) for name in M2M_FIELDS if name in data}


def _pks(values) -> set[int]:
    return {getattr(value, "pk", value) for value in values}


def _check_documents(measure: Measure, documents) -> None:
    """A measure links only documents its unit may link (those it already links may stay)."""
    wanted = _pks(documents)
    allowed = set(linkable_documents(units=[measure.unit_id]).filter(pk__in=wanted).values_list("pk", flat=True))
    if measure.pk:
        allowed |= set(measure.documents.filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - allowed:
        raise ValidationError(
            {"documents": _("Du kan bare lenke til offentlige nasjonale dokumenter og enhetens egne dokumenter.")}
        )


def _save(measure: Measure, m2m: dict, *, require_theme: bool) -> Measure:
    measure.full_clean()
    if require_theme and "themes" in m2m and not m2m["themes"]:
        raise ValidationError({"themes": _("Velg minst ett tema.")})
    if m2m.get("documents"):
        _check_documents(measure, m2m["documents"])
    measure.save()
    for name, values in m2m.items():
        getattr(measure, name).set(values)
    _record_history_lists(measure, m2m)
    measure_update_search_vector(measure_ids=[measure.pk])
    return measure


def _record_history_lists(measure: Measure, m2m: dict) -> None:
    """Store the measure's lists (themes, classifications, documents) on the history record its
    save has just written, so the history page shows their old → new values too."""
    state = {name: sorted(_pks(values)) for name, values in m2m.items()}
    missing = [name for name in M2M_FIELDS if name not in state]
    if missing:
        state.update(snapshot(measure, missing))
    latest = measure.history.order_by("-history_id").values("history_id")[:1]
    Measure.history.filter(history_id=Subquery(latest)).update(m2m_state=state)


@transaction.atomic
def measure_create(*, unit: SLTUnit, by, data: dict) -> Measure:
    """Create a draft measure for the unit from validated form data (fields and M2M lists)."""
    measure = Measure(unit=unit, created_by=by if by and by.is_authenticated else None)
    m2m = _apply(measure, data)
    if not m2m.get("themes"):
        raise ValidationError({"themes": _("Velg minst ett tema.")})
    _save(measure, m2m, require_theme=True)
    record_save(by, measure, {}, AUDIT_FIELDS, created=True)  # a draft: nothing public changes
    return measure


@transaction.atomic
def measure_update(*, measure: Measure, by, data: dict) -> Measure:
    """Change a measure's content; the publication state is changed only by publish/archive."""
    before = stored_snapshot(measure, AUDIT_FIELDS)
    m2m = _apply(measure, data)
    if "unit" in data and data["unit"] is not None:
        measure.unit = data["unit"]
    _save(measure, m2m, require_theme=True)
    if record_save(by, measure, before, AUDIT_FIELDS, created=False) and measure.state == Measure.State.PUBLISHED:
        content_changed(measure)
    return measure


@transaction.atomic
def measure_publish(*, measure: Measure, by) -> Measure:
    """Draft or archived → published. A measure must be valid and have a theme to be public."""
    if measure.state == Measure.State.PUBLISHED:
        raise ValidationError(_("Tiltaket er allerede publisert."))
    if not measure.themes.exists():
        raise ValidationError({"themes": _("Velg minst ett tema.")})
    before = stored_snapshot(measure, ["state", "published_at"])
    measure.state = Measure.State.PUBLISHED
    measure.published_at = timezone.now()
    measure.full_clean()
    measure.save()
    record(by, "measures.measure.publish", measure, changes_between(before, snapshot(measure, before)))
    content_changed(measure)
    return measure


@transaction.atomic
def measure_archive(*, measure: Measure, by) -> Measure:
    """Draft or published → archived (no longer public, kept with its history)."""
    if measure.state == Measure.State.ARCHIVED:
        raise ValidationError(_("Tiltaket er allerede arkivert."))
    before = stored_snapshot(measure, ["state"])
    measure.state = Measure.State.ARCHIVED
    measure.save()
    record(by, "measures.measure.archive", measure, changes_between(before, snapshot(measure, before)))
    if before.get("state") == Measure.State.PUBLISHED:  # it leaves the public pages
        content_changed(measure)
    return measure


@transaction.atomic
def measure_copy(*, source: Measure, unit: SLTUnit, by) -> Measure:
    """Copy a measure into a unit as a new draft.

    Within the same unit it is a template (no link). From another unit only published measures
    may be copied, and the copy records `based_on` so "who else runs this" finds the family."""
    same_unit = source.unit_id == unit.pk
    if not same_unit and source.state != Measure.State.PUBLISHED:
        raise ValidationError(_("Bare publiserte tiltak kan kopieres fra en annen enhet."))
    copy = Measure(unit=unit, created_by=by if by and by.is_authenticated else None)
    for name in SCALAR_FIELDS:
        setattr(copy, name, getattr(source, name))
    if same_unit:
        copy.title = _("Kopi av %(title)s") % {"title": source.title}
        copy.title = copy.title[:200]
    else:
        copy.based_on = source
        copy.family_root_id = source.family_root_id or source.pk
        # Contact defaults to the copying coordinator's own entry, else the unit's first one.
        entries = unit.coordinators.active()
        coordinator = (entries.filter(user=by).first() if by and by.is_authenticated else None) or entries.order_by(
            "pk"
        ).first()
        if coordinator:
            copy.contact_name, copy.contact_email = coordinator.name, coordinator.email
        copy.responsible_org = ""
        copy.reach_per_year = None
        copy.local_evaluation = ""
        copy.start_date = copy.end_date = copy.last_reviewed = None
        copy.status = Measure.Status.PLANNED
    copy.state = Measure.State.DRAFT
    copy.published_at = None
    copy.search_vector = None
    m2m = {name: list(getattr(source, name).values_list("pk", flat=True)) for name in M2M_FIELDS}
    # Only the documents the new unit may link come along (not another unit's own documents).
    m2m["documents"] = list(linkable_documents(units=[unit.pk]).filter(measures=source).values_list("pk", flat=True))
    _save(copy, m2m, require_theme=False)
    record_save(by, copy, {}, AUDIT_FIELDS, created=True, verb="copy")  # a draft: nothing public changes
    return copy


# --- Managed lists (themes and classifications) ---------------------------------------------------

LIST_VALUE_FIELDS = ("name", "name_nn", "name_en", "sort_order", "retired_at")


def _list_action(value, verb: str) -> str:
    return f"{value._meta.app_label}.{value._meta.model_name}.{verb}"


def list_value_save(*, value, by):
    """Add a value to a managed list (at the end) or rename it (bokmål, nynorsk, English)."""
    managed = managed_list_of(value)
    created = value.pk is None
    before = stored_snapshot(value, LIST_VALUE_FIELDS)
    with transaction.atomic():
        if created:
            base = slugify_nb(value.name, max_length=70, fallback="verdi")
            slug, n = base, 2
            while managed.values().filter(slug=slug).exists():
                slug, n = f"{base}-{n}", n + 1
            value.slug = slug
            last = managed.values().order_by("-sort_order").values_list("sort_order", flat=True).first()
            value.sort_order = 0 if last is None else last + 1
        value.full_clean()
        value.save()
        if record_save(by, value, before, LIST_VALUE_FIELDS, created=created):
            content_changed(value)
    return value


def list_value_move(*, value, up: bool, by):
    """Move a value one place up or down in its list (the list is renumbered 0, 1, 2, ...)."""
    with transaction.atomic():
        values = list(managed_list_of(value).values().select_for_update())
        index = next(i for i, other in enumerate(values) if other.pk == value.pk)
        target = index - 1 if up else index + 1
        if not 0 <= target < len(values):
            return value
        values[index], values[target] = values[target], values[index]
        old = value.sort_order
        for position, other in enumerate(values):
            if other.sort_order != position:
                other.sort_order = position
                other.save(update_fields=["sort_order"])
        value = values[target]
        record(by, _list_action(value, "move"), value, {"sort_order": [old, value.sort_order]})
        content_changed(value)
    return value


def list_value_retire(*, value, by, now=None):
    """Take a value out of use: it stays on the measures that have it and is offered for no new ones.
    Refused while it is the only (current) value of its list on a published measure."""
    managed = managed_list_of(value)
    with transaction.atomic():
        value = type(value).objects.select_for_update().get(pk=value.pk)
        if value.is_retired:
            return value
        field = managed.measure_field
        holders = Measure.objects.published().filter(**{field: value}).values("pk")
        only = (
            Measure.objects.filter(pk__in=holders)
            .annotate(current=Count(field, filter=Q(**{f"{field}__retired_at__isnull": True})))
            .filter(current=1)
            .order_by("title")
        )
        titles = list(only.values_list("title", flat=True)[:5])
        if titles:
            raise ValidationError(
                _(
                    "«%(name)s» kan ikke tas ut av bruk fordi det er den eneste verdien i listen på disse "
                    "publiserte tiltakene: %(titles)s. Gi tiltakene en annen verdi først."
                )
                % {"name": value.name, "titles": ", ".join(titles)},
                code="only_value",
            )
        value.retired_at = now or timezone.now()
        value.save(update_fields=["retired_at"])
        record(by, _list_action(value, "retire"), value, {"retired_at": [None, value.retired_at]})
        content_changed(value)
    return value


def list_value_restore(*, value, by):
    """Put a retired value back in use."""
    with transaction.atomic():
        if not value.is_retired:
            return value
        old, value.retired_at = value.retired_at, None
        value.save(update_fields=["retired_at"])
        record(by, _list_action(value, "restore"), value, {"retired_at": [old, None]})
        content_changed(value)
    return value
