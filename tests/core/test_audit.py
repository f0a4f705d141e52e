"""core.audit: record, snapshot, changes_between and the helpers around them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.admin.models import CHANGE, LogEntry

from accounts.selectors import user_access_history
from core import audit
from municipalities.models import Coordinator, SLTUnit
from tests.factories import CoordinatorFactory, MunicipalityFactory, SLTUnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_record_writes_actor_action_object_and_changes():
    user = UserFactory(email="sfk@example.no")
    unit = SLTUnitFactory(name="SLT Testby")
    entry = audit.record(user, "municipalities.sltunit.update", unit, {"name": ["Gammel", "SLT Testby"]})
    entry.refresh_from_db()
    assert (entry.actor_id, entry.actor_label, entry.action) == (
        user.pk,
        "sfk@example.no",
        "municipalities.sltunit.update",
    )
    assert (entry.content_type.model_class(), entry.object_id, entry.object_label) == (
        SLTUnit,
        str(unit.pk),
        "SLT Testby",
    )
    assert entry.changes == {"name": ["Gammel", "SLT Testby"]}
    assert list(audit.entries_for(unit)) == [entry]


def test_record_without_actor_object_or_changes_and_with_a_label():
    entry = audit.record(None, "documents.contactmessage.purge", changes={"deleted": [None, 3]})
    assert (entry.actor_id, entry.actor_label, entry.content_type, entry.object_id) == (None, "", None, "")
    assert entry.changes == {"deleted": [None, 3]}
    unit = SLTUnitFactory(name="Navnet")
    assert audit.record(None, "x.y.z", unit, label="#1").object_label == "#1"


def test_record_makes_values_json_safe():
    unit = SLTUnitFactory()
    when = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    entry = audit.record(
        None, "x.y.z", changes={"unit": [None, unit], "at": [when, None], "n": [Decimal("1.50"), {3, 1, 2}]}
    )
    entry.refresh_from_db()
    assert entry.changes == {"unit": [None, unit.pk], "at": [when.isoformat(), None], "n": ["1.50", [1, 2, 3]]}


def test_snapshot_reads_fields_foreign_keys_and_many_to_many():
    unit = SLTUnitFactory(name="Enhet", email="e@example.no")
    first, second = MunicipalityFactory(), MunicipalityFactory()
    unit.municipalities.add(second, first, through_defaults={"is_current": True})
    coordinator = CoordinatorFactory(unit=unit)
    assert audit.snapshot(unit, ["name", "email", "municipalities"]) == {
        "name": "Enhet",
        "email": "e@example.no",
        "municipalities": sorted([first.pk, second.pk]),
    }
    assert audit.snapshot(coordinator, ["unit"]) == {"unit": unit.pk}
    assert audit.snapshot(SLTUnit(name="Ny"), ["name", "municipalities"]) == {"name": "Ny", "municipalities": []}


def test_changes_between_lists_only_differences_in_name_order():
    before = {"name": "A", "email": "a@example.no", "is_public": True}
    after = {"name": "B", "email": "a@example.no", "is_public": False, "phone": "123"}
    assert audit.changes_between(before, after) == {
        "is_public": [True, False],
        "name": ["A", "B"],
        "phone": [None, "123"],
    }
    assert audit.changes_between(before, before) == {}
    assert audit.changes_between({"n": 1}, {}) == {"n": [1, None]}


def test_stored_snapshot_ignores_unsaved_edits_and_is_empty_for_new_objects():
    unit = SLTUnitFactory(name="Lagret")
    unit.name = "Ulagret"
    assert audit.stored_snapshot(unit, ["name"]) == {"name": "Lagret"}
    assert audit.stored_snapshot(SLTUnit(name="Ny"), ["name"]) == {}


def test_without_empty_and_audited_fields():
    assert audit.without_empty({"a": None, "b": "", "c": [], "d": False, "e": 0, "f": "x"}) == {
        "d": False,
        "e": 0,
        "f": "x",
    }
    fields = audit.audited_fields(Coordinator, exclude=["phone"])
    assert "name" in fields and "unit" in fields and "phone" not in fields
    assert not {"id", "created_at", "updated_at"} & set(fields)  # primary key and automatic timestamps
    assert "municipalities" in audit.audited_fields(SLTUnit)


# --- the access history of the Sfk user page reads the audit log --------------------------------


def test_access_history_reads_audit_entries_and_older_log_entries(sfk_admin):
    from accounts import services

    target = UserFactory()
    LogEntry.objects.log_actions(
        user_id=sfk_admin.pk, queryset=[target], action_flag=CHANGE, change_message="accounts.user.deactivated"
    )
    services.user_set_active(user=target, is_active=False, by=sfk_admin)
    history = user_access_history(user=target)
    assert [label for _t, label, _by in history] == ["Kontoen ble deaktivert", "Kontoen ble deaktivert"]
    assert all(by == sfk_admin for _t, _l, by in history)
    entry = audit.entries_for(target).get()
    assert (entry.action, entry.changes) == ("accounts.user.deactivated", {"is_active": [True, False]})


def test_record_save_records_creates_and_real_updates_only():
    unit = SLTUnitFactory(name="Enhet", email="")
    created = audit.record_save(None, unit, {}, ["name", "email", "status"], created=True)
    assert created.action == "municipalities.sltunit.create"
    assert created.changes == {"name": [None, "Enhet"], "status": [None, unit.status]}  # empty email left out
    before = audit.stored_snapshot(unit, ["name", "email"])
    assert audit.record_save(None, unit, before, ["name", "email"], created=False) is None
    unit.name = "Nytt navn"
    updated = audit.record_save(None, unit, before, ["name", "email"], created=False, verb="rename")
    assert (updated.action, updated.changes) == ("municipalities.sltunit.rename", {"name": ["Enhet", "Nytt navn"]})
