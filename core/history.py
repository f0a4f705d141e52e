"""Readable change history from django-simple-history records (units, coordinators, measures):
who changed what and when, with each changed field's label and its old → new value as people read
them (choices as their labels, related objects by name, Ja/Nei, "(tom)", long text around the change).

Knows no app: callers pass the records and the model's fields. Reads are bounded: a page of history
is built from at most `HISTORY_LIMIT` records per source, and the names of related objects are
looked up for the page shown only, one query per related model (`resolve`)."""

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

#: Newest records read per source (table) for one history page.
HISTORY_LIMIT = 500
#: Characters of a text value shown; longer ones are shown around their first difference.
TEXT_LIMIT = 160
ACTIONS = {"+": _("Opprettet"), "~": _("Endret"), "-": _("Slettet")}
UNKNOWN = object()  # a value the record does not hold (a list not recorded before it was tracked)


@dataclass
class Change:
    field: models.Field
    old: Any
    new: Any
    label: str = ""
    old_text: str = ""
    new_text: str = ""


@dataclass
class Entry:
    when: datetime
    who: Any  # the user, or None for the system (a command, a scheduled task)
    subject: str
    kind: str  # "+", "~" or "-"
    changes: list[Change] = field(default_factory=list)
    baseline: bool = True  # False: the previous values are older than what was read
    names: dict = field(default_factory=dict)  # {model: {pk: name}} of related objects the records carried

    @property
    def action(self) -> str:
        return str(ACTIONS[self.kind])

    @property
    def created(self) -> bool:
        return self.kind == "+"


def tracked_fields(model, *, hidden=()) -> list[models.Field]:
    """The fields a history shows: editable concrete fields without the primary key, automatic
    timestamps and `hidden`."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.editable
        and not f.primary_key
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
        and f.name not in hidden
    ]


def _is_empty(value) -> bool:
    return value is None or value == "" or value == []


def entries(records, *, fields, subject=str, m2m_fields=(), m2m_state=None) -> list[Entry]:
    """One entry per record, oldest first, each compared with the previous record of the same
    object (`record.id`) among `records`. A change that touched no shown field is left out.
    `m2m_fields` are many-to-many fields whose lists `m2m_state(record)` gives ({name: [ids]}),
    or None where the record holds none (then the lists are taken as unchanged)."""
    records = sorted(records, key=lambda r: (r.history_date, r.history_id))
    previous, lists, out = {}, {}, []
    for record in records:
        state = m2m_state(record) if m2m_state else None
        known = lists.get(record.id, {})
        current = {**known, **{f.name: state[f.name] for f in m2m_fields if state and f.name in state}}
        lists[record.id] = current
        before = previous.get(record.id)
        previous[record.id] = record
        entry = Entry(record.history_date, record.history_user, subject(record), record.history_type)
        if record.history_type == "-":
            out.append(entry)
            continue
        if before is None and record.history_type == "~":
            entry.baseline = False  # its previous record is older than what was read
            out.append(entry)
            continue
        for f in fields:
            old = None if before is None else getattr(before, f.attname)
            new = getattr(record, f.attname)
            if old != new and not (before is None and _is_empty(new)):
                entry.changes.append(Change(f, old, new))
                if f.is_relation:
                    _carried_names(entry, f, before, record)
        for f in m2m_fields:
            old = [] if before is None else known.get(f.name, UNKNOWN)
            new = current.get(f.name, UNKNOWN)
            if UNKNOWN not in (old, new) and sorted(old) != sorted(new):
                entry.changes.append(Change(f, old, new))
        if entry.changes or record.history_type == "+":
            out.append(entry)
    return out


def _carried_names(entry: Entry, f: models.Field, *records) -> None:
    """Names of a foreign key's objects that the records already hold (`select_related`), so that
    `resolve` need not look them up."""
    for record in records:
        obj = record._state.fields_cache.get(f.name) if record is not None else None
        if obj is not None:
            entry.names.setdefault(f.related_model, {})[obj.pk] = str(obj)


def newest_first(*groups) -> list[Entry]:
    """Entries of several sources (each read newest-first up to a limit, then `entries`), merged
    newest first."""
    merged = [entry for group in groups for entry in group]
    merged.sort(key=lambda e: e.when, reverse=True)
    return merged


# --- Turning the values into text (for one page) -------------------------------------------------


def resolve(page_entries: list[Entry], *, labels: dict | None = None) -> list[Entry]:
    """Fill label, old_text and new_text of every change on the page: one query per related model
    whose objects are named there and were not carried by the records. `labels`: {field name:
    label} for fields without a good one."""
    wanted: dict[type, set] = {}
    for entry in page_entries:
        for change in entry.changes:
            if change.field.is_relation:
                ids = wanted.setdefault(change.field.related_model, set())
                for value in (change.old, change.new):
                    if change.field.many_to_many:
                        ids.update(value or [])
                    elif value is not None:
                        ids.add(value)
    names = {model: {} for model in wanted}
    for entry in page_entries:
        for model, known in entry.names.items():
            names.setdefault(model, {}).update(known)
    for model, ids in wanted.items():
        if missing := ids - set(names[model]):
            names[model].update((obj.pk, str(obj)) for obj in model._base_manager.filter(pk__in=missing))
    for entry in page_entries:
        for change in entry.changes:
            known = names.get(change.field.related_model, {}) if change.field.is_relation else {}
            change.label = capfirst(str((labels or {}).get(change.field.name, change.field.verbose_name)))
            old, new = display(change.field, change.old, known), display(change.field, change.new, known)
            if isinstance(change.field, models.TextField | models.CharField) and not change.field.choices:
                old, new = excerpts(old, new)
            change.old_text, change.new_text = old, new
    return page_entries


def display(f: models.Field, value, names: dict) -> str:
    """A field value as people read it."""
    if _is_empty(value):
        return gettext("(tom)")
    if f.many_to_many:
        return ", ".join(sorted((names.get(pk) or f"#{pk}" for pk in value), key=str.casefold))
    if f.is_relation:
        return names.get(value) or f"#{value}"
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.BooleanField):
        return gettext("Ja") if value else gettext("Nei")
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(f, models.FileField):
        return os.path.basename(str(value))
    return str(value)


def excerpts(old: str, new: str, limit: int = TEXT_LIMIT) -> tuple[str, str]:
    """Two long texts shortened to `limit` characters each, both starting a little before the
    first character where they differ, so the change itself is what is shown."""
    if len(old) <= limit and len(new) <= limit:
        return old, new
    common = 0
    for a, b in zip(old, new, strict=False):
        if a != b:
            break
        common += 1
    start = max(0, common - 40)
    if start:  # start at a word
        space = old.rfind(" ", 0, start + 1)
        start = space + 1 if space > start - 20 else start

    def cut(text):
        part = text[start:]
        if len(part) > limit:
            part = part[: limit - 1].rstrip() + "…"
        return ("…" if start else "") + part

    return cut(old), cut(new)
