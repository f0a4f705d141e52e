"""Journeys through the library, information pages, news and the contact form, with axe."""

import re

import pytest
from playwright.sync_api import expect

from documents.content import ensure_pages
from documents.models import InfoPage, Publication
from tests.documents import files
from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.factories import TEST_PASSWORD, SLTUnitFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_uploads_handbook_and_visitor_filters_and_downloads(live_server, page, axe, login, tmp_path):
    admin = UserFactory(sfk_admin=True, email="admin@sfk.example.no", full_name="Sfk Admin")
    PublicationFactory(title="Lokal handlingsplan Testby", kind="action_plan", unit=SLTUnitFactory())
    bad = tmp_path / "handbok.pdf"
    bad.write_bytes(files.html_as_pdf())
    good = tmp_path / "SLT-håndboken 2026.pdf"
    good.write_bytes(files.good_pdf("SLT-håndboken 2026"))

    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/dokumenter/ny/")
    axe(page)
    page.locator("#id_title").fill("SLT-håndboken 2026")
    page.locator("#id_kind").select_option("handbook")
    page.locator("#id_summary").fill("Håndbok for SLT-koordinatorer.")
    page.locator("#id_upload").set_input_files(str(bad))
    page.get_by_role("button", name="Lagre dokument").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    assert "ikke en PDF" in page.locator("#id_upload_error").inner_text()
    axe(page)
    assert not Publication.objects.filter(title="SLT-håndboken 2026").exists()

    page.locator("#id_upload").set_input_files(str(good))
    page.get_by_role("button", name="Lagre dokument").click()
    page.wait_for_url(re.compile(r".*/dokumenter/slt-handboken-2026/$"))
    assert page.locator("h1").inner_text() == "SLT-håndboken 2026"
    axe(page)

    # A visitor (logged out) filters by kind and downloads it.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/dokumenter/")
    assert page.get_by_role("link", name="Lokal handlingsplan Testby").is_visible()
    axe(page)
    page.locator("#id_kind").select_option("handbook")
    page.get_by_role("button", name="Vis dokumenter").click()
    page.wait_for_url(re.compile(r".*kind=handbook.*"))
    assert page.get_by_role("link", name="Lokal handlingsplan Testby").count() == 0
    page.get_by_role("link", name="SLT-håndboken 2026").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Last ned")).click()
    download = download_info.value
    assert download.suggested_filename == "SLT-håndboken 2026.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    for lang in ("nn", "en"):
        page.goto(f"{live_server.url}/{lang}/dokumenter/?kind=handbook")
        assert page.locator("html").get_attribute("lang") == lang
        axe(page)


def test_information_pages_news_and_contact_pass_axe(live_server, page, axe):
    ensure_pages(InfoPage)
    InfoPage.objects.filter(slug="tilskudd").update(body_en="")  # no English version yet
    article = NewsArticleFactory(title="SLT-konferansen 2026", body="## Program\n\nTekst.")
    for path in (
        "/om-slt/",
        "/nn/om-slt/",
        "/en/om-slt/",
        "/personvern/",
        "/en/tilgjengelighet/",
        "/en/om-slt/tilskudd/",
        "/aktuelt/",
        f"/en/aktuelt/{article.slug}/",
    ):
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        axe(page)
    page.goto(live_server.url + "/en/om-slt/tilskudd/")
    assert page.get_by_text("not yet available in the language you chose").is_visible()

    page.goto(live_server.url + "/nn/kontakt/")
    axe(page)
    page.get_by_role("button", name="Send melding").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    axe(page)
    page.locator("#id_name").fill("Kari Nordmann")
    page.locator("#id_email").fill("kari@example.no")
    page.locator("#id_subject").fill("Spørsmål")
    page.locator("#id_message").fill("Når er neste innføringskurs?")
    page.get_by_role("button", name="Send melding").click()
    page.wait_for_url(re.compile(r".*/nn/kontakt/takk/$"))
    axe(page)


def test_contact_receipt_url_has_no_fragment_after_following_an_error_link(live_server, page):
    ensure_pages(InfoPage)
    page.goto(live_server.url + "/kontakt/")
    page.get_by_role("button", name="Send melding").click()
    page.locator(".ds-error-summary a[href='#id_message']").click()
    assert page.url.endswith("/kontakt/#id_message")
    page.locator("#id_name").fill("Kari Nordmann")
    page.locator("#id_email").fill("kari@example.no")
    page.locator("#id_subject").fill("Spørsmål")
    page.locator("#id_message").fill("Når er neste innføringskurs?")
    page.get_by_role("button", name="Send melding").click()
    page.wait_for_url(re.compile(r".*/kontakt/takk/"))
    assert page.url.endswith("/kontakt/takk/"), page.url
