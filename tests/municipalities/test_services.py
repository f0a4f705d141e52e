import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from municipalities.models import Coordinator
from municipalities.services import coordinator_end, unit_verify
from outbox.models import OutboxMessage
from tests.factories import CoordinatorFactory, SLTUnitFactory

pytestmark = pytest.mark.django_db


def test_ending_coordinator_deactivates_account_and_keeps_history(client, sfk_admin, unit_a, coordinator_a):
    entry = unit_a.coordinators.get()
    coordinator_end(coordinator=entry, by=sfk_admin)
    coordinator_a.refresh_from_db()
    assert not coordinator_a.is_active
    assert Coordinator.objects.filter(pk=entry.pk).exists()
    assert entry.history.first().history_user == sfk_admin
    html = client.get(f"/slt-enhet/{unit_a.slug}/").content.decode()
    assert "Stilling ledig" in html and unit_a.email in html


def test_ending_one_of_two_entries_keeps_account_active(sfk_admin, unit_a, unit_b, coordinator_a):
    second = CoordinatorFactory(unit=unit_b, user=coordinator_a)
    coordinator_end(coordinator=second, by=sfk_admin)
    coordinator_a.refresh_from_db()
    assert coordinator_a.is_active


def test_coordinator_ending_own_entry_is_logged_out(client, unit_a, coordinator_a):
    entry = unit_a.coordinators.get()
    client.force_login(coordinator_a)
    response = client.post(f"/koordinator/{entry.pk}/avslutt/", {"confirm": "on"})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_verify_sets_unit_and_own_entry(client, unit_a, coordinator_a):
    other = CoordinatorFactory(unit=unit_a)
    unit_verify(unit=unit_a, by=coordinator_a)
    unit_a.refresh_from_db()
    assert unit_a.verified_at
    assert unit_a.coordinators.get(user=coordinator_a).verified_at
    other.refresh_from_db()
    assert other.verified_at is None


def test_history_page_shows_who_changed_what(client, sfk_admin, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    client.post(f"/slt-enhet/{unit_a.slug}/rediger/", {"email": "endret@example.no"})
    client.force_login(sfk_admin)
    html = client.get(f"/slt-enhet/{unit_a.slug}/historikk/").content.decode()
    assert "endret@example.no" in html
    assert str(coordinator_a) in html


def _stale_setup():
    unit = SLTUnitFactory()
    old = CoordinatorFactory(unit=unit, email="gammel@example.no", verified_at=timezone.now() - dt.timedelta(days=400))
    CoordinatorFactory(unit=unit, email="fersk@example.no", verified_at=timezone.now())
    never = CoordinatorFactory(unit=unit, email="aldri@example.no", verified_at=None)
    CoordinatorFactory(unit=unit, email="sluttet@example.no", verified_at=None, ended_at=timezone.now())
    return old, never


def test_reminder_command_dry_run_sends_nothing():
    _stale_setup()
    out = StringIO()
    call_command("send_verification_reminders", "--dry-run", stdout=out)
    assert "gammel@example.no" in out.getvalue() and "aldri@example.no" in out.getvalue()
    assert "fersk@example.no" not in out.getvalue() and "sluttet@example.no" not in out.getvalue()
    assert "2 coordinator(s) would be reminded" in out.getvalue()
    assert not OutboxMessage.objects.exists()


def test_reminder_command_sends_to_stale_entries():
    old, never = _stale_setup()
    call_command("send_verification_reminders", stdout=StringIO())
    assert sorted(m.to[0] for m in OutboxMessage.objects.all()) == ["aldri@example.no", "gammel@example.no"]
    old.refresh_from_db()
    assert old.reminder_sent_at


def test_stale_list_page(client, sfk_admin):
    _stale_setup()
    client.force_login(sfk_admin)
    html = client.get("/sfk/ikke-bekreftet/").content.decode()
    assert "2 oppføringer" in html


def test_stale_list_rows_show_the_entry_its_unit_and_the_dates(client, sfk_admin):
    old, never = _stale_setup()
    call_command("send_verification_reminders", stdout=StringIO())
    old.refresh_from_db()
    client.force_login(sfk_admin)
    html = client.get("/sfk/ikke-bekreftet/").content.decode()

    def day(value):
        local = timezone.localtime(value)
        return f"{local.day}.{local.month}.{local.year}"

    row = html[html.index(f'href="/koordinator/{old.pk}/rediger/"') :]
    row = row[: row.index("</tr>")]
    assert f">{old.name}</a>" in row and f'href="{old.unit.get_absolute_url()}">{old.unit.name}</a>' in row
    assert f"<td>{day(old.verified_at)}</td>" in row and f"<td>{day(old.reminder_sent_at)}</td>" in row
    row = html[html.index(f'href="/koordinator/{never.pk}/rediger/"') :]
    assert "<td>aldri</td>" in row[: row.index("</tr>")]
