"""Change history (django-simple-history) of a unit, its member municipalities and districts and
its coordinators, for the unit's coordinators and Sfk; `core.history` turns the records into
old → new text."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.history import HISTORY_LIMIT, Entry, entries, newest_first, tracked_fields

from .models import Coordinator, SLTUnit, UnitDistrict, UnitMunicipality

#: Shown to Sfk only (the unit's coordinators never see Sfk's notes, here or elsewhere).
SFK_ONLY_FIELDS = {"sfk_notes"}
#: The membership flag has no label of its own (it mirrors the unit's status).
LABELS = {"is_current": _("gjeldende medlemskap")}


def _newest(queryset) -> list:
    return list(queryset.order_by("-history_date", "-history_id")[:HISTORY_LIMIT])


def _membership(model, key: str, template: str, unit: SLTUnit) -> tuple[list, list, object]:
    records = _newest(model.history.filter(unit_id=unit.pk).select_related("history_user", key))

    def subject(record):
        target = getattr(record, key)
        return template % {"name": target if target is not None else f"#{getattr(record, key + '_id')}"}

    return records, tracked_fields(model, hidden={"unit", key}), subject


def unit_history(unit: SLTUnit, *, sfk: bool) -> tuple[list[Entry], bool]:
    """Who changed what and when, newest first, from at most `HISTORY_LIMIT` records of each kind
    (a fixed number of queries), and whether older changes were left out. `sfk`: the viewer is an
    Sfk admin (who also sees the fields only Sfk sees)."""
    hidden = set() if sfk else SFK_ONLY_FIELDS
    sources = [
        (_newest(unit.history.select_related("history_user")), tracked_fields(SLTUnit, hidden=hidden), _name),
        (
            _newest(Coordinator.history.filter(unit_id=unit.pk).select_related("history_user", "user")),
            tracked_fields(Coordinator, hidden={"unit"}),
            _name,
        ),
        _membership(UnitMunicipality, "municipality", gettext("Kommune: %(name)s"), unit),
        _membership(UnitDistrict, "district", gettext("Bydel: %(name)s"), unit),
    ]
    # Where a kind has more records than were read, older entries of the other kinds are cut at
    # the same time, so that the merged list has no gaps.
    cut = max((records[-1].history_date for records, _f, _s in sources if len(records) == HISTORY_LIMIT), default=None)
    groups = [entries(records, fields=fields, subject=subject) for records, fields, subject in sources]
    merged = newest_first(*groups)
    if cut is not None:
        merged = [entry for entry in merged if entry.when >= cut]
    return merged, cut is not None


def _name(record) -> str:
    return record.name
