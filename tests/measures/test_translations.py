import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# Catalogue completeness for every app: tests/test_i18n.py.


def test_pages_are_translated(client, published_a):
    list_url, detail_url = reverse("measures:list"), published_a.get_absolute_url()
    html = client.get("/en" + list_url).content.decode()
    assert "Measure bank" in html and "Apply filters" in html and "Violence" in html
    html = client.get("/nn" + detail_url).content.decode()
    assert "Kven andre driv dette?" in html and "Lokal praksis, ikkje evidensvurdert" in html
