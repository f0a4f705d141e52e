"""The long measure form is grouped in fieldsets with legends."""

import re

import pytest
from django.urls import reverse

from measures.forms import FIELDSETS, MeasureForm
from measures.models import Measure
from municipalities.models import SLTUnit

pytestmark = pytest.mark.django_db

LEGENDS = ["Beskrivelse", "Klassifisering", "Periode og status", "Kunnskapsgrunnlag", "Gjennomføring", "Kontakt"]


def _group_legends(html: str) -> list[str]:
    form = html.split('class="measure-form"', 1)[1].split("</form>", 1)[0]
    # The groups are the fieldsets without the per-field "form-field" class (checkbox groups have it).
    return re.findall(r'<fieldset class="ds-fieldset"\s*>\s*<legend class="ds-label">([^<]+)</legend>', form)


def test_every_form_field_is_in_exactly_one_group(unit_a):
    grouped = [name for _legend, names in FIELDSETS for name in names]
    assert len(grouped) == len(set(grouped))
    assert set(grouped) == set(MeasureForm(units=SLTUnit.objects.all()).Meta.fields)


def test_create_form_shows_the_groups_in_order(client, coordinator_a):
    client.force_login(coordinator_a)
    html = client.get(reverse("measures:create")).content.decode()
    assert _group_legends(html) == LEGENDS
    form = html.split('class="measure-form"', 1)[1].split("</form>", 1)[0]
    assert form.count('name="csrfmiddlewaretoken"') == 1


@pytest.mark.parametrize(("lang", "legends"), [("nn", "Skildring"), ("en", "Period and status")])
def test_group_legends_are_translated(client, coordinator_a, lang, legends):
    client.force_login(coordinator_a)
    html = client.get(f"/{lang}{reverse('measures:create')}").content.decode()
    assert legends in _group_legends(html)


def test_bad_input_keeps_groups_and_shows_errors(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    response = client.post(reverse("measures:create"), {"unit": unit_a.pk, "title": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert _group_legends(html) == LEGENDS
    assert "ds-error-summary" in html and 'id="id_title_error"' in html
    assert not Measure.objects.exists()


def test_classification_fields_offer_only_their_kinds_in_order():
    from measures.models import Classification

    form = MeasureForm(units=SLTUnit.objects.none())
    kinds = Classification.Kind
    expected = {
        "arenas": [kinds.ARENA],
        "age_bands": [kinds.AGE_BAND],
        "prevention_levels": [kinds.PREVENTION_LEVEL],
        "partner_sectors": [kinds.PARTNER_SECTOR],
        "factors": [kinds.PROTECTIVE_FACTOR, kinds.RISK_FACTOR],
    }
    for name, wanted in expected.items():
        rows = list(form.fields[name].queryset)
        assert rows and sorted({row.kind for row in rows}) == sorted(wanted), name
        assert rows == sorted(rows, key=lambda row: (row.kind, row.sort_order, row.name)), name
