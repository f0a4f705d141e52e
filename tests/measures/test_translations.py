from pathlib import Path

import polib
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOCALE = Path(__file__).resolve().parents[2] / "measures" / "locale"


@pytest.mark.parametrize("lang", ["nn", "en"])
def test_catalogue_is_complete(lang):
    po = polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))
    assert len(po) > 100
    assert not po.untranslated_entries()
    assert not po.fuzzy_entries()


def test_pages_are_translated(client, published_a):
    list_url, detail_url = reverse("measures:list"), published_a.get_absolute_url()
    html = client.get("/en" + list_url).content.decode()
    assert "Measure bank" in html and "Apply filters" in html and "Violence" in html
    html = client.get("/nn" + detail_url).content.decode()
    assert "Kven andre driv dette?" in html and "Lokal praksis, ikkje evidensvurdert" in html
