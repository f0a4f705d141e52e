"""The measure form's document field is bounded: the linked documents plus at most
DOCUMENT_MATCHES matches of a search, which works without JavaScript (a submit button)."""

import pytest

from measures.forms import DOCUMENT_MATCHES
from measures.models import Measure
from tests.documents.factories import PublicationFactory
from tests.measures.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def edit_url(measure):
    return f"/tiltak/{measure.pk}/rediger/"


def test_the_form_lists_a_bounded_number_of_documents(client, unit_a, coordinator_a):
    for i in range(DOCUMENT_MATCHES + 15):
        PublicationFactory(unit=unit_a, title=f"Rapport {i}")
    measure = MeasureFactory(unit=unit_a)
    client.force_login(coordinator_a)
    html = client.get(edit_url(measure)).content.decode()
    assert html.count('name="documents"') == DOCUMENT_MATCHES
    assert 'name="document_search"' in html


def test_search_shows_matches_keeps_ticked_documents_and_saves_nothing(client, unit_a, coordinator_a):
    ticked = PublicationFactory(unit=unit_a, title="Årsrapport 2024")
    for i in range(DOCUMENT_MATCHES + 5):
        PublicationFactory(unit=unit_a, title=f"Kartlegging {i}")
    wanted = PublicationFactory(unit=unit_a, title="Ungdataundersøkelsen")
    measure = MeasureFactory(unit=unit_a, title="Før")
    client.force_login(coordinator_a)
    response = client.post(
        edit_url(measure),
        {"title": "Endret", "documents": [ticked.pk], "document_query": "ungdata", "document_search": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ungdataundersøkelsen" in html and "Årsrapport 2024" in html
    assert "Kartlegging" not in html
    assert f'value="{ticked.pk}"' in html and "checked" in html
    assert "Skriv en tittel" not in html  # a search shows no validation errors
    assert Measure.objects.get(pk=measure.pk).title == "Før"
    assert wanted.pk  # found by the search, not linked until saved


def test_an_id_too_big_for_the_database_is_an_unknown_document_not_an_error_page(client, unit_a, coordinator_a):
    document = PublicationFactory(unit=unit_a, title="Årsrapport 2024")
    measure = MeasureFactory(unit=unit_a, title="Før")
    client.force_login(coordinator_a)
    huge = "9" * 25
    search = client.post(edit_url(measure), {"title": "Endret", "documents": [huge], "document_search": "1"})
    assert search.status_code == 200 and "Årsrapport 2024" in search.content.decode()
    save = client.post(edit_url(measure), {"title": "Endret", "documents": [huge, document.pk], "themes": ["x"]})
    assert save.status_code == 400
    assert 'id="id_documents_error"' in save.content.decode()
    assert Measure.objects.get(pk=measure.pk).title == "Før"
