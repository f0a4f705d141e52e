"""The one audit-entry function every service calls: actor, dotted action code, object, and the
changed fields (old → new)."""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry


def _plain(value):
    """A JSON-safe form of a field value."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(_plain(v) for v in value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict:
    """The current values of some fields (foreign keys as ids), to compare after a change."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(obj.pk and getattr(obj, name).values_list("pk", flat=True) or [])
        else:
            values[name] = _plain(getattr(obj, field.attname))
    return values


def audited_fields(model, *, exclude: Iterable[str] = ()) -> list[str]:
    """The fields worth recording for a model: editable concrete fields (foreign keys included)
    and many-to-many fields, without the primary key, automatic timestamps and `exclude`."""
    exclude = set(exclude)
    names = [f.name for f in model._meta.concrete_fields if f.editable and not f.primary_key]
    names += [f.name for f in model._meta.many_to_many]
    return [name for name in names if name not in exclude]


def stored_snapshot(obj: models.Model, fields: Iterable[str]) -> dict:
    """`snapshot` of the row as stored in the database, i.e. before any unsaved edits on `obj`
    (a bound ModelForm changes its instance before the service runs); {} for a new object."""
    if obj.pk is None:
        return {}
    stored = type(obj)._base_manager.filter(pk=obj.pk).first()
    return snapshot(stored, fields) if stored is not None else {}


def without_empty(values: dict) -> dict:
    """A snapshot without empty values (None, "", []): what a create records, so that
    `changes_between({}, without_empty(after))` lists only the fields that were filled in."""
    return {name: value for name, value in values.items() if value not in (None, "", [])}


def changes_between(before: dict, after: dict) -> dict:
    """{field: [old, new]} for each field whose value differs."""
    return {
        name: [_plain(before.get(name)), _plain(after.get(name))]
        for name in sorted(set(before) | set(after))
        if _plain(before.get(name)) != _plain(after.get(name))
    }


def record(
    actor, action: str, obj: models.Model | None = None, changes: dict | None = None, *, label: str | None = None
) -> AuditEntry:
    """Write one audit entry. `action` is a dotted code such as "measures.measure.publish";
    `changes` maps a field name to [old, new] (see `changes_between`). `label` replaces
    str(obj) as the object's label, for objects whose str() holds personal data."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    entry = AuditEntry(
        actor_id=actor.pk if authenticated else None,
        actor_label=(actor.get_username() if authenticated else "")[:254],
        action=action,
        changes={name: [_plain(old), _plain(new)] for name, (old, new) in (changes or {}).items()},
    )
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj, for_concrete_model=True)
        entry.object_id = str(obj.pk)
        entry.object_label = (str(obj) if label is None else label)[:300]
    entry.save()
    return entry


def record_save(actor, obj: models.Model, before: dict, fields: Iterable[str], *, created: bool, verb: str = ""):
    """Record a create or an update of `obj`: the changes of `fields` against `before` (the
    `stored_snapshot` taken before the save; a create lists the fields filled in). The action is
    "<app>.<model>.create|update" unless `verb` is given. Returns the entry, or None when an
    update changed nothing."""
    after = snapshot(obj, fields)
    changes = changes_between({} if created else before, without_empty(after) if created else after)
    if not (changes or created):
        return None
    verb = verb or ("create" if created else "update")
    return record(actor, f"{obj._meta.app_label}.{obj._meta.model_name}.{verb}", obj, changes)


def entries_for(obj: models.Model):
    """The audit entries of one object, newest first."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True), object_id=str(obj.pk)
    )
