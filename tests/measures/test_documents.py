"""Measures link to documents in the library (issue 5)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures import services
from measures.models import Measure, Theme
from tests.documents.factories import PublicationFactory
from tests.factories import SLTUnitFactory

from .factories import MeasureFactory, published

pytestmark = pytest.mark.django_db


def _doc(**kwargs):
    """A library entry with an external link (no file to store)."""
    return PublicationFactory(file="", file_type="", external_url="https://example.no/rapport.pdf", **kwargs)


@pytest.fixture
def docs(unit_a, unit_b):
    return {
        "national": _doc(title="Nasjonal veileder"),
        "national_restricted": _doc(title="Nasjonalt internt notat", is_restricted=True),
        "own": _doc(title="Evaluering av natteravn", unit=unit_a, kind="report"),
        "own_restricted": _doc(title="Intern evaluering A", unit=unit_a, is_restricted=True),
        "other": _doc(title="Rapport fra B", unit=unit_b),
        "other_restricted": _doc(title="Intern rapport B", unit=unit_b, is_restricted=True),
    }


def _form_data(unit, **overrides):
    data = {
        "unit": unit.pk,
        "title": "Natteravn",
        "summary": "Voksne på tur.",
        "language": "nb",
        "contact_name": "Kari",
        "contact_email": "kari@example.no",
        "status": "active",
        "themes": [Theme.objects.get(slug="vold").pk],
        "ungsinn_level": "",
    }
    data.update(overrides)
    return data


def test_form_offers_public_national_and_own_documents_only(client, coordinator_a, docs):
    client.force_login(coordinator_a)
    form = client.get(reverse("measures:create")).context["form"]
    offered = set(form.fields["documents"].queryset.values_list("title", flat=True))
    assert offered == {"Nasjonal veileder", "Evaluering av natteravn", "Intern evaluering A"}


def test_replaced_editions_are_not_offered(client, coordinator_a, unit_a):
    old = _doc(title="Evaluering 2023", unit=unit_a)
    _doc(title="Evaluering 2024", unit=unit_a, replaces=old)
    client.force_login(coordinator_a)
    form = client.get(reverse("measures:create")).context["form"]
    assert list(form.fields["documents"].queryset.values_list("title", flat=True)) == ["Evaluering 2024"]


def test_no_documents_field_when_nothing_can_be_linked(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    response = client.get(reverse("measures:create"))
    assert "documents" not in response.context["form"].fields
    assert response.status_code == 200


def test_coordinator_links_documents_through_the_form(client, coordinator_a, unit_a, docs):
    client.force_login(coordinator_a)
    response = client.post(
        reverse("measures:create"), _form_data(unit_a, documents=[docs["national"].pk, docs["own"].pk])
    )
    assert response.status_code == 302
    measure = Measure.objects.get()
    assert set(measure.documents.all()) == {docs["national"], docs["own"]}
    response = client.post(reverse("measures:edit", args=[measure.pk]), _form_data(unit_a, documents=[]))
    assert response.status_code == 302
    assert not measure.documents.exists()


@pytest.mark.parametrize("key", ["other_restricted", "other", "national_restricted"])
def test_other_units_or_restricted_national_document_cannot_be_linked(client, coordinator_a, unit_a, docs, key):
    client.force_login(coordinator_a)
    response = client.post(reverse("measures:create"), _form_data(unit_a, documents=[docs[key].pk]))
    assert response.status_code == 400
    assert "documents" in response.context["form"].errors
    assert 'id="id_documents_error"' in response.content.decode()
    assert not Measure.objects.exists()


def test_sfk_admin_cannot_link_another_units_document_either(client, sfk_admin, unit_a, docs):
    client.force_login(sfk_admin)
    response = client.post(reverse("measures:create"), _form_data(unit_a, documents=[docs["other_restricted"].pk]))
    assert response.status_code == 400
    assert "offentlige nasjonale dokumenter" in response.context["form"].errors["documents"][0]
    assert not Measure.objects.exists()


def test_service_refuses_documents_the_unit_may_not_link(coordinator_a, unit_a, docs):
    measure = MeasureFactory(unit=unit_a)
    with pytest.raises(ValidationError) as exc:
        services.measure_update(measure=measure, by=coordinator_a, data={"documents": [docs["other_restricted"]]})
    assert "documents" in exc.value.error_dict
    assert not measure.documents.exists()


def test_detail_lists_only_documents_the_viewer_may_see(client, coordinator_a, unit_a, docs):
    measure = published(unit=unit_a, title="Natteravn")
    measure.documents.set([docs["national"], docs["own"], docs["own_restricted"]])
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "Rapporter og dokumenter" in html
    assert "Evaluering av natteravn" in html and "Nasjonal veileder" in html
    assert "Intern evaluering A" not in html
    assert docs["own"].get_absolute_url() in html
    client.force_login(coordinator_a)
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "Intern evaluering A" in html and "bare for innloggede" in html


def test_detail_without_documents_has_no_section(client, unit_a):
    measure = published(unit=unit_a)
    assert "Rapporter og dokumenter" not in client.get(measure.get_absolute_url()).content.decode()


def test_copy_brings_along_the_documents_the_new_unit_may_link(coordinator_a, coordinator_b, unit_a, unit_b, docs):
    source = published(unit=unit_a, title="Natteravn")
    source.documents.set([docs["national"], docs["own"], docs["own_restricted"]])
    template = services.measure_copy(source=source, unit=unit_a, by=coordinator_a)
    assert set(template.documents.all()) == {docs["national"], docs["own"], docs["own_restricted"]}
    copy = services.measure_copy(source=source, unit=unit_b, by=coordinator_b)
    assert list(copy.documents.all()) == [docs["national"]]


def test_edit_keeps_a_linked_document_that_is_no_longer_offered(client, coordinator_a, unit_a, docs):
    measure = MeasureFactory(unit=unit_a)
    measure.documents.set([docs["national"]])
    docs["national"].is_restricted = True
    docs["national"].save()
    client.force_login(coordinator_a)
    response = client.post(
        reverse("measures:edit", args=[measure.pk]), _form_data(unit_a, documents=[docs["national"].pk])
    )
    assert response.status_code == 302
    assert list(measure.documents.all()) == [docs["national"]]


def test_detail_query_count_does_not_grow_with_documents(client, unit_a):
    measure = published(unit=unit_a)
    measure.documents.set([_doc(unit=unit_a)])
    with CaptureQueriesContext(connection) as small:
        client.get(measure.get_absolute_url())
    measure.documents.add(*[_doc(unit=unit_a) for _ in range(5)], _doc(unit=SLTUnitFactory(), is_restricted=False))
    with CaptureQueriesContext(connection) as large:
        client.get(measure.get_absolute_url())
    assert len(large) == len(small)
