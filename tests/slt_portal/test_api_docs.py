"""The API's documentation pages (/api/, /nn/api/, /en/api/): pages of the site, generated from
the OpenAPI schema, in three languages; the schema itself at /api/v1/openapi.json."""

import pytest

from tests.helpers import assert_page, assert_pages

pytestmark = pytest.mark.django_db


def test_docs_pages_follow_the_page_rules(client):
    assert_pages(client, ["/api/"], max_queries=2)


@pytest.mark.parametrize(
    ("url", "heading", "field_text"),
    [
        ("/api/", "Åpne data-API", "Telefon på jobb i E.164-format"),
        ("/nn/api/", "Ope data-API", "Telefon på jobb i E.164-format, t.d."),
        ("/en/api/", "Open data API", "Work phone in E.164 format"),
    ],
)
def test_docs_are_generated_from_the_schema_in_the_pages_language(client, url, heading, field_text):
    html = assert_page(client, url, max_queries=2).content.decode()
    assert heading in html
    assert field_text in html  # a field description from the schema, translated
    for path in ("/api/v1/municipalities", "/api/v1/units/{slug}", "/api/v1/measures", "/api/v1/events"):
        assert path in html
    for parameter in ("page_size", "evidence", "period"):
        assert f"<code>{parameter}</code>" in html
    assert "curl -s" in html
    assert "https://data.norge.no/nlod/" in html
    assert "/api/v1/openapi.json" in html


def test_openapi_schema_states_the_licence_in_english(client):
    response = client.get("/api/v1/openapi.json", headers={"accept-language": "nb"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["license"]["name"] == "Norsk lisens for offentlige data (NLOD) 2.0"
    assert "personal data" in schema["info"]["x-personal-data"]
    assert "Kartverket" in schema["info"]["x-sources"]
    assert {"/api/v1/measures", "/api/v1/units/{slug}", "/api/v1/news"} <= set(schema["paths"])
    coordinator = schema["components"]["schemas"]["CoordinatorOut"]["properties"]
    assert "photo" not in coordinator and "E.164" in coordinator["phone"]["description"]
    for path in schema["paths"].values():
        assert {"200", "404", "422", "429"} <= set(path["get"]["responses"])


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_open_data_page_lists_every_dataset_with_working_links(client, prefix):
    import re

    html = assert_page(client, f"{prefix}/om-slt/apne-data/").content.decode()
    for text in ("NLOD) 2.0", "tel:+4740000000", "+47 400 00 000", "E.164", "Kartverket, CC BY 4.0"):
        assert text in html, text
    links = set(
        re.findall(
            r'href="(/(?:[a-z]{2}/)?(?:api|tiltak/eksport|finn-koordinator/eksport|arrangementer/kalender|aktuelt/rss)[^"]*)"',
            html,
        )
    )
    for dataset in ("municipalities", "counties", "units", "measures", "publications", "events", "news"):
        assert f"/api/v1/{dataset}" in links
    assert {f"{prefix}/api/", "/api/v1/openapi.json"} <= links
    assert any(link.endswith("eksport.xlsx") for link in links) and any(link.endswith(".csv") for link in links)
    for link in links:
        assert client.get(link).status_code == 200, link
