"""The directory's unit page lists the unit's published measures and its documents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.documents.factories import PublicationFactory
from tests.helpers import assert_pages
from tests.measures.factories import MeasureFactory, published

pytestmark = pytest.mark.django_db


def _doc(**kwargs):
    return PublicationFactory(file="", file_type="", external_url="https://example.no/plan.pdf", **kwargs)


def _url(unit):
    return f"/slt-enhet/{unit.slug}/"


def test_unit_page_lists_published_measures_and_visible_documents(client, unit_a, unit_b, coordinator_b):
    published(unit=unit_a, title="Natteravn i sentrum")
    MeasureFactory(unit=unit_a, title="Hemmelig utkast")
    published(unit=unit_b, title="Tiltak fra B")
    _doc(unit=unit_a, title="Handlingsplan 2026")
    _doc(unit=unit_a, title="Intern årsrapport", is_restricted=True)
    _doc(unit=unit_b, title="Plan fra B")
    _doc(title="Nasjonal veileder")

    html = client.get(_url(unit_a)).content.decode()
    assert "Natteravn i sentrum" in html and "Handlingsplan 2026" in html
    for hidden in ("Hemmelig utkast", "Tiltak fra B", "Intern årsrapport", "Plan fra B", "Nasjonal veileder"):
        assert hidden not in html
    # Restricted documents are for logged-in coordinators (any unit) and Sfk.
    client.force_login(coordinator_b)
    html = client.get(_url(unit_a)).content.decode()
    assert "Intern årsrapport" in html and "Hemmelig utkast" not in html


def test_unit_page_without_measures_or_documents_says_so(client, unit_a):
    html = client.get(_url(unit_a)).content.decode()
    assert "Enheten har ikke publisert tiltak i tiltaksbanken ennå." in html
    assert "Enheten har ikke delt dokumenter ennå." in html


def test_unit_page_renders_in_all_languages(client, unit_a):
    published(unit=unit_a, title="Natteravn")
    _doc(unit=unit_a, title="Handlingsplan")
    assert_pages(client, [_url(unit_a)], max_queries=10)
    html = client.get(f"/en{_url(unit_a)}").content.decode()
    assert "Measures" in html and "Documents" in html


def test_unit_page_query_count_is_constant(client, unit_a, coordinator_a):
    client.force_login(coordinator_a)
    published(unit=unit_a, classifications={"age_bands": ["13-15"]})
    _doc(unit=unit_a)
    with CaptureQueriesContext(connection) as small:
        assert client.get(_url(unit_a)).status_code == 200
    for i in range(6):
        published(unit=unit_a, themes=["vold", "mobbing"], classifications={"age_bands": ["13-15", "16-18"]})
        _doc(unit=unit_a, is_restricted=bool(i % 2))
    with CaptureQueriesContext(connection) as large:
        response = client.get(_url(unit_a))
    assert len(response.context["measures"]) == 7 and len(response.context["publications"]) == 7
    assert len(large) == len(small)
