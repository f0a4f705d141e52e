import pytest
from django.urls import reverse
from django.utils import translation

from documents.content import PAGES
from documents.models import InfoPage
from tests.helpers import assert_page, assert_pages

pytestmark = pytest.mark.django_db

FOOTER_URLS = ["/om-slt/", "/tilgjengelighet/", "/personvern/"]


def test_data_migration_creates_missing_pages_without_overwriting_edits():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("documents.migrations.0002_initial_pages")
    InfoPage.objects.exclude(slug="om-slt").delete()
    InfoPage.objects.filter(slug="om-slt").update(body="Redigert av Sfk")
    migration.create_pages(apps, None)
    assert InfoPage.objects.get(slug="om-slt").body == "Redigert av Sfk"
    slugs = set(InfoPage.objects.values_list("slug", flat=True))
    assert {
        "om-slt",
        "kom-i-gang",
        "tre-nivaaer",
        "sfk-rolle",
        "kurs-og-konferanser",
        "tilskudd",
        "apne-data",
        "tilgjengelighet",
        "personvern",
        "kontakt",
    } <= slugs
    for page in InfoPage.objects.all():
        assert page.body and page.body_nn and page.body_en, page.slug
        assert page.title_nn and page.title_en and page.summary_nn and page.summary_en, page.slug
    assert len(PAGES) == len(slugs)


def test_header_and_footer_pages_render_in_every_language(client):
    assert_pages(client, FOOTER_URLS, max_queries=6)
    with translation.override("nb"):
        urls = [p.get_absolute_url() for p in InfoPage.objects.exclude(slug__in=["kontakt"])]
    assert_pages(client, urls, max_queries=6)


def test_named_urls_point_at_the_pages():
    assert reverse("documents:about") == "/om-slt/"
    assert reverse("documents:accessibility") == "/tilgjengelighet/"
    assert reverse("documents:privacy") == "/personvern/"
    assert reverse("documents:contact") == "/kontakt/"


def test_page_shows_active_language(client):
    html = assert_page(client, "/nn/personvern/").content.decode()
    assert "Kva personopplysningar" in html
    assert "finnes ennå ikke" not in html
    html = assert_page(client, "/en/tilgjengelighet/").content.decode()
    assert "Accessibility statement" in html and "https://uustatus.no/" in html


def test_missing_translation_falls_back_to_bokmal_with_a_note(client):
    InfoPage.objects.filter(slug="tilskudd").update(body_en="", title_en="")
    response = assert_page(client, "/en/om-slt/tilskudd/")
    html = response.content.decode()
    assert "Tilskudd til SLT" in html  # bokmål title
    assert 'lang="nb"' in html
    assert "This page is not yet available in the language you chose" in html


def test_privacy_statement_states_registration_retention(client):
    html = client.get("/personvern/").content.decode()
    assert "90 dager etter at arrangementet er slutt" in html
    assert "anonymiseres" in html and "slettes når arrangementet er over" in html
    html = client.get("/en/personvern/").content.decode()
    assert "90 days after the event has ended" in html


def test_headings_give_a_table_of_contents(client):
    html = client.get("/om-slt/").content.decode()
    assert 'href="#del-hvem-bruker-slt"' in html
    assert 'id="del-hvem-bruker-slt"' in html
    assert "Innhold på siden" in html


def test_markdown_is_sanitised(client):
    InfoPage.objects.filter(slug="apne-data").update(
        body="## Tittel\n\n<script>alert('x')</script><img src=x onerror=alert(1)>"
        "[lenke](javascript:alert(1)) <a href='https://ok.no' onclick='x()'>ok</a>"
    )
    html = client.get("/om-slt/apne-data/").content.decode()
    assert "alert(" not in html and "onerror" not in html and "onclick" not in html
    assert 'href="https://ok.no"' in html


def test_page_has_one_canonical_address(client):
    response = client.get("/om-slt/tilgjengelighet/")
    assert response.status_code == 302 and response["Location"] == "/tilgjengelighet/"
    assert client.get("/om-slt/finnes-ikke/").status_code == 404


def test_only_sfk_admin_edits_pages(client, roles):
    url = reverse("documents:page_edit", args=["tilskudd"])
    response = client.get(url)
    assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]
    for role in ("coordinator_a", "coordinator_b"):
        client.force_login(roles[role])
        assert client.get(url).status_code == 403
        assert client.post(url, {"title": "X", "summary": "X", "body": "X"}).status_code == 403
    client.force_login(roles["sfk_admin"])
    assert_page(client, url)
    response = client.post(
        url,
        {
            "title": "Tilskudd",
            "summary": "Kort.",
            "body": "## Ny\n\nTekst",
            "body_en": "## New\n\nText",
            "title_en": "Grant",
        },
    )
    assert response.status_code == 302
    page = InfoPage.objects.get(slug="tilskudd")
    assert page.body_en.startswith("## New")
    assert "Grant" in client.get("/en/om-slt/tilskudd/").content.decode()


def test_edit_page_bad_input_is_400(client, sfk_admin):
    client.force_login(sfk_admin)
    response = client.post(reverse("documents:page_edit", args=["tilskudd"]), {"title": "", "body": ""})
    assert response.status_code == 400
    assert "ds-validation-message" in response.content.decode()
    assert InfoPage.objects.get(slug="tilskudd").title == "Tilskudd til SLT"


def test_initial_pages_render_even_if_rows_are_missing(client, sfk_admin):
    InfoPage.objects.all().delete()
    html = assert_page(client, "/personvern/").content.decode()
    assert "90 dager" in html
    assert client.get("/om-slt/finnes-ikke/").status_code == 404
    client.force_login(sfk_admin)
    response = client.post(
        reverse("documents:page_edit", args=["personvern"]),
        {"title": "Personvern", "summary": "Kort.", "body": "## Ny tekst"},
    )
    assert response.status_code == 302
    assert InfoPage.objects.get(slug="personvern").body == "## Ny tekst"
