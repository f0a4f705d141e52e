"""Change history (django-simple-history) of a unit, its members and coordinators, for Sfk."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Coordinator, SLTUnit, UnitDistrict, UnitMunicipality

HIDDEN_FIELDS = {"id", "created_at", "updated_at", "unit", "photo_consent_at", "reminder_sent_at"}
ACTIONS = {"+": _("opprettet"), "~": _("endret"), "-": _("slettet")}


@dataclass
class HistoryEntry:
    when: object
    who: object
    subject: str
    action: str
    changes: list[tuple[str, object, object]]


def _field_changes(model, records):
    fields = [f for f in model._meta.concrete_fields if f.name not in HIDDEN_FIELDS]
    last = {}
    out = []
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        previous = last.get(record.id)
        changes = []
        if previous is not None:
            for f in fields:
                old, new = getattr(previous, f.attname), getattr(record, f.attname)
                if old != new:
                    changes.append((str(f.verbose_name), old, new))
        last[record.id] = record
        if previous is not None and not changes and record.history_type == "~":
            continue
        out.append((record, changes))
    return out


def unit_history(unit: SLTUnit, limit: int = 200) -> list[HistoryEntry]:
    """Who changed what and when, newest first (a fixed number of queries)."""
    entries = []
    for record, changes in _field_changes(SLTUnit, unit.history.select_related("history_user")):
        entries.append(
            HistoryEntry(record.history_date, record.history_user, record.name, ACTIONS[record.history_type], changes)
        )
    coordinators = Coordinator.history.filter(unit_id=unit.pk).select_related("history_user")
    for record, changes in _field_changes(Coordinator, coordinators):
        entries.append(
            HistoryEntry(record.history_date, record.history_user, record.name, ACTIONS[record.history_type], changes)
        )
    for model, key in ((UnitMunicipality, "municipality"), (UnitDistrict, "district")):
        records = model.history.filter(unit_id=unit.pk).select_related("history_user", key)
        for record in records:
            target = getattr(record, key)
            entries.append(
                HistoryEntry(record.history_date, record.history_user, str(target), ACTIONS[record.history_type], [])
            )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries[:limit]
