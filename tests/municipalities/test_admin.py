import pytest

pytestmark = pytest.mark.django_db


def test_django_admin_cannot_change_unit_status_or_members_around_the_service(admin_client, unit_a):
    html = admin_client.get(f"/admin/municipalities/sltunit/{unit_a.pk}/change/").content.decode()
    assert 'name="status"' not in html and 'name="name"' not in html
    assert 'name="memberships-0-municipality"' not in html
    assert admin_client.get("/admin/municipalities/sltunit/add/").status_code == 403
    response = admin_client.post(f"/admin/municipalities/sltunit/{unit_a.pk}/change/", {"name": "X", "status": "ended"})
    assert response.status_code == 403
    unit_a.refresh_from_db()
    assert unit_a.status == "active" and unit_a.name == "SLT Enhet A"
    assert unit_a.memberships.get().is_current


def test_django_admin_cannot_revert_a_unit_to_an_old_version(admin_client, unit_a):
    """django-simple-history's revert page saves on POST without asking for the change permission."""
    first = unit_a.history.earliest()
    unit_a.name = "Nytt navn"
    unit_a.save()
    url = f"/admin/municipalities/sltunit/{unit_a.pk}/history/{first.history_id}/"
    assert admin_client.get(url).status_code == 200  # the old version can be looked at
    assert admin_client.post(url, {"name": first.name, "slug": first.slug}).status_code == 403
    unit_a.refresh_from_db()
    assert unit_a.name == "Nytt navn"


def test_django_admin_cannot_link_or_end_coordinator_entries(admin_client, coordinator_a):
    entry = coordinator_a.coordinator_entries.get()
    html = admin_client.get(f"/admin/municipalities/coordinator/{entry.pk}/change/").content.decode()
    assert 'name="ended_at' not in html and 'name="user"' not in html
    assert admin_client.get("/admin/municipalities/coordinator/add/").status_code == 403
