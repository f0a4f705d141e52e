"""Issue 10, item 14: an uploaded action plan can become the unit's "Handlingsplan"."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEntry
from documents.models import Publication
from tests.documents import files

from .test_publications import form_data

pytestmark = pytest.mark.django_db


def _post(client, unit, **overrides):
    upload = SimpleUploadedFile("Handlingsplan.pdf", files.good_pdf("Handlingsplan"))
    data = {**form_data(kind="action_plan", title="Handlingsplan 2026–2029", unit=unit.pk), **overrides}
    return client.post(reverse("documents:create"), {**data, "upload": upload})


def test_upload_form_offers_to_use_an_action_plan_as_the_units_plan(client, coordinator_a):
    client.force_login(coordinator_a)
    html = client.get(reverse("documents:create")).content.decode()
    assert "Bruk som enhetens gjeldende handlingsplan" in html


def test_uploaded_action_plan_becomes_the_units_plan(client, coordinator_a, unit_a, settings):
    client.force_login(coordinator_a)
    assert _post(client, unit_a, use_as_action_plan="on").status_code == 302
    publication = Publication.objects.get()
    unit_a.refresh_from_db()
    assert unit_a.action_plan_url == settings.SITE_URL + f"/dokumenter/{publication.slug}/"
    assert AuditEntry.objects.filter(action="municipalities.sltunit.action_plan_set").exists()
    html = client.get(unit_a.get_absolute_url()).content.decode()
    assert f'href="{unit_a.action_plan_url}">Les handlingsplanen' in html


def test_without_the_box_the_units_plan_is_unchanged(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    assert _post(client, unit_a).status_code == 302
    unit_a.refresh_from_db()
    assert unit_a.action_plan_url == ""


@pytest.mark.parametrize(
    "overrides", [{"kind": "annual_report"}, {"is_restricted": "on"}], ids=["not-a-plan", "restricted"]
)
def test_only_a_public_action_plan_can_be_the_units_plan(client, coordinator_a, unit_a, overrides):
    client.force_login(coordinator_a)
    response = _post(client, unit_a, use_as_action_plan="on", **overrides)
    assert response.status_code == 400
    assert 'id="id_use_as_action_plan_error"' in response.content.decode()
    assert not Publication.objects.exists()
    unit_a.refresh_from_db()
    assert unit_a.action_plan_url == ""
