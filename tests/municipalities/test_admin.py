import pytest

pytestmark = pytest.mark.django_db


def test_django_admin_cannot_change_unit_status_or_members_around_the_service(client, sfk_admin, unit_a):
    client.force_login(sfk_admin)
    html = client.get(f"/admin/municipalities/sltunit/{unit_a.pk}/change/").content.decode()
    assert 'name="status"' not in html
    assert 'name="memberships-0-municipality"' not in html
    assert client.get("/admin/municipalities/sltunit/add/").status_code == 403
    client.post(f"/admin/municipalities/sltunit/{unit_a.pk}/change/", {"name": unit_a.name, "status": "ended"})
    unit_a.refresh_from_db()
    assert unit_a.status == "active"
    assert unit_a.memberships.get().is_current


def test_django_admin_cannot_link_or_end_coordinator_entries(client, sfk_admin, coordinator_a):
    client.force_login(sfk_admin)
    entry = coordinator_a.coordinator_entries.get()
    html = client.get(f"/admin/municipalities/coordinator/{entry.pk}/change/").content.decode()
    assert 'name="ended_at' not in html and 'name="user"' not in html
    assert client.get("/admin/municipalities/coordinator/add/").status_code == 403
