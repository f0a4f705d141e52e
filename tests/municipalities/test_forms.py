"""Bad input re-renders with 400, a message next to the field, and nothing saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from municipalities.models import SLTUnit
from tests.factories import CoordinatorFactory

pytestmark = pytest.mark.django_db


def test_unit_form_rejects_taken_municipality(client, sfk_admin, unit_a, unit_b):
    client.force_login(sfk_admin)
    taken = unit_a.municipalities.get()
    response = client.post(
        "/sfk/slt-enheter/ny/",
        {"name": "SLT Dobbel", "slug": "dobbel", "status": "active", "municipalities": [taken.pk]},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "ds-error-summary" in html
    assert "Kommune A er allerede med i en aktiv SLT-enhet" in html
    assert not SLTUnit.objects.filter(slug="dobbel").exists()


def test_unit_form_needs_a_member_and_a_valid_year(client, sfk_admin):
    client.force_login(sfk_admin)
    response = client.post(
        "/sfk/slt-enheter/ny/", {"name": "", "slug": "x y", "status": "active", "started_year": "1850"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_municipalities_error"' in html
    assert 'id="id_name_error"' in html
    assert 'id="id_slug_error"' in html
    assert not SLTUnit.objects.exists()


def test_coordinator_self_service_bad_input(client, coordinator_a, unit_a):
    entry = unit_a.coordinators.get()
    client.force_login(coordinator_a)
    response = client.post(
        f"/koordinator/{entry.pk}/rediger/", {"name": "", "email": "ikke-en-adresse", "position_percent": "150"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    for field in ("name", "email", "position_percent"):
        assert f'id="id_{field}_error"' in html
    entry.refresh_from_db()
    assert entry.name == "Koordinator A"


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile("bilde.png", buffer.getvalue(), content_type="image/png")


def test_photo_needs_consent(client, coordinator_a, unit_a):
    entry = unit_a.coordinators.get()
    client.force_login(coordinator_a)
    data = {"name": entry.name, "email": entry.email, "is_public": "on"}
    response = client.post(f"/koordinator/{entry.pk}/rediger/", data | {"photo": _png()})
    assert response.status_code == 400
    assert 'id="id_photo_consent_error"' in response.content.decode()
    entry.refresh_from_db()
    assert not entry.photo
    response = client.post(f"/koordinator/{entry.pk}/rediger/", data | {"photo": _png(), "photo_consent": "on"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.photo and entry.photo_consent_at
    assert entry.show_photo


def test_end_form_needs_confirmation(client, sfk_admin, unit_a):
    entry = CoordinatorFactory(unit=unit_a)
    client.force_login(sfk_admin)
    response = client.post(f"/koordinator/{entry.pk}/avslutt/", {})
    assert response.status_code == 400
    assert 'id="id_confirm_error"' in response.content.decode()
    entry.refresh_from_db()
    assert entry.ended_at is None
