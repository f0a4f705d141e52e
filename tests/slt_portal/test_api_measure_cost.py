"""The measures API's cost does not grow with the page (issue 14): a fixed number of queries for any
page size, 20 records by default, and every list field still filled."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from measures.models import Classification
from tests.documents.factories import PublicationFactory
from tests.measures.factories import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def measures(municipalities, unit_a):
    risk = Classification.objects.filter(kind=Classification.Kind.RISK_FACTOR).first()
    open_doc = PublicationFactory(title="Åpen rapport")
    closed_doc = PublicationFactory(title="Skjult rapport", is_restricted=True)
    for n in range(25):
        measure = published(
            unit=unit_a,
            title=f"Tiltak {n:02}",
            themes=["vold", "mobbing"],
            classifications={"arenas": ["skole"], "age_bands": ["13-15", "16-18"], "partner_sectors": ["politi"]},
        )
        measure.factors.add(risk)
        measure.documents.add(open_doc, closed_doc)


def _list(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.json(), len(queries)


def test_a_page_of_measures_costs_the_same_queries_whatever_its_size(client, measures, one_rate_window):
    one, one_queries = _list(client, "/api/v1/measures?page_size=1")
    page, page_queries = _list(client, "/api/v1/measures?page_size=25")
    assert len(one["results"]) == 1 and len(page["results"]) == 25
    assert page_queries == one_queries <= 10
    record = page["results"][0]
    assert [t["slug"] for t in record["themes"]] == ["vold", "mobbing"]  # the list's order
    assert [a["slug"] for a in record["age_bands"]] == ["13-15", "16-18"]
    assert [p["slug"] for p in record["partner_sectors"]] == ["politi"]
    assert len(record["risk_factors"]) == 1 and record["protective_factors"] == []
    assert [d["title"] for d in record["documents"]] == ["Åpen rapport"]
    assert record["counties"] and record["unit"]["url"].endswith("/slt-enhet/enhet-a/")
    assert record["url"].endswith(f"/tiltak/{record['id']}-{record['title'].lower().replace(' ', '-')}/")


def test_the_default_page_is_twenty_measures(client, measures):
    data, _queries = _list(client, "/api/v1/measures")
    assert data["page_size"] == 20 and len(data["results"]) == 20 and data["count"] == 25
    assert data["next"].endswith("page=2")
    with_text, _queries = _list(client, "/api/v1/measures?q=tiltak&theme=vold&page_size=5")
    assert with_text["count"] == 25 and len(with_text["results"]) == 5
