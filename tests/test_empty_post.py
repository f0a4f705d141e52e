"""An empty POST (e.g. a form submitted with nothing filled in or ticked) is bad input: 400 with
messages next to the fields, never an unbound form that silently says nothing."""

import pytest

pytestmark = pytest.mark.django_db


def test_empty_contact_form_post_is_400_with_field_messages(client):
    response = client.post("/kontakt/", {})
    assert response.status_code == 400
    html = response.content.decode()
    assert "ds-error-summary" in html
    assert 'id="id_message_error"' in html


def test_empty_measure_form_post_is_400_with_field_messages(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.post("/tiltak/ny/", {})
    assert response.status_code == 400
    assert 'id="id_title_error"' in response.content.decode()
