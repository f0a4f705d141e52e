"""One evidence label (Measure.evidence_label) on the card, the detail page and the export."""

import csv
import html
import io
import re

import pytest
from django.urls import reverse

from measures.models import Measure

from .factories import published

pytestmark = pytest.mark.django_db

UNGSINN = {"ungsinn_url": "https://ungsinn.no/post_tiltak/x/"}
BLUEPRINTS = {"international_rating": "blueprints_model", "international_url": "https://example.org/b"}

CASES = {
    **{f"ungsinn-{level}": {"ungsinn_level": level, **UNGSINN} for level in Measure.UngsinnLevel.values},
    "ungsinn-and-international": {"ungsinn_level": 4, **UNGSINN, **BLUEPRINTS},
    "international-only": BLUEPRINTS,
    "unrated": {},
}
EXPECTED_NB = {
    "ungsinn-0": "Ungsinn: uvirksomt tiltak (nivå 0)",
    "ungsinn-3": "Ungsinn nivå 3",
    "ungsinn-and-international": "Ungsinn nivå 4",
    "international-only": "Blueprints: Model",
    "unrated": "Lokal praksis, ikke evidensvurdert",
}
# The evidence tag: a ds-tag with a colour and no variant (theme and age tags are outlined).
TAG = re.compile(r'<span class="ds-tag" data-color="(?:danger|success|info|neutral)">([^<]*)</span>')


def _tags(body: str) -> list[str]:
    return [html.unescape(label) for label in TAG.findall(body)]


def _export_labels(client, url: str) -> list[str]:
    body = client.get(url).content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
    column = 10
    assert all(len(row) > column for row in rows), body
    return [row[column] for row in rows[1:]]


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_card_detail_and_export_show_the_same_evidence_label(client, unit_a, case, prefix):
    measure = published(unit=unit_a, title="Tiltaket", **CASES[case])
    # reverse before any request: a request leaves its language active in this thread
    urls = [
        prefix + url for url in (reverse("measures:list"), measure.get_absolute_url(), reverse("measures:export_csv"))
    ]
    card = _tags(client.get(urls[0]).content.decode())
    detail = _tags(client.get(urls[1]).content.decode())
    export = _export_labels(client, urls[2])
    assert len(card) == len(detail) == len(export) == 1
    assert card == detail == export
    if not prefix and case in EXPECTED_NB:
        assert card == [EXPECTED_NB[case]]


def test_export_header_names_the_evidence_column(client, unit_a):
    published(unit=unit_a, **BLUEPRINTS)
    body = client.get(reverse("measures:export_csv")).content.decode("utf-8")
    header = next(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
    assert header[10] == "Kunnskapsgrunnlag"
