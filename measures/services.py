"""Writes for measures. Every write goes through here so the search vector stays current."""

from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import changes_between, record, record_save, snapshot, stored_snapshot
from core.content import content_changed
from municipalities.models import SLTUnit

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
    measure_update_search_vector(measure_ids=[measure.pk])
    return measure


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
