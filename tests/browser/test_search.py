"""The header search, used with the keyboard only, and the result page under axe in three languages."""

import pytest
from playwright.sync_api import expect

from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content(db):
    PublicationFactory(title="SLT-håndboken", slug="slt-handboken", summary="En håndbok for SLT-koordinatorer.")
    NewsArticleFactory(title="Ny utgave av SLT-håndboken", slug="ny-handbok", lead="Håndboken er oppdatert.")
    EventFactory(title="SLT-konferansen 2027", slug="slt-konferansen-2027")


def test_header_search_with_the_keyboard_only(live_server, page, axe, content):
    page.goto(live_server.url + "/tiltak/")
    field = page.get_by_role("search", name="Hele nettstedet").get_by_label("Søk på nettstedet")
    for _ in range(10):  # Tab from the top of the page: skip link, logo, then the search field
        page.keyboard.press("Tab")
        if field.evaluate("el => el === document.activeElement"):
            break
    expect(field).to_be_focused()
    page.keyboard.type("handbok")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sok/?q=handbok")
    assert page.locator("h1").count() == 1
    expect(page.get_by_role("heading", level=2, name="Dokumenter (1)")).to_be_visible()
    expect(page.get_by_role("link", name="SLT-håndboken", exact=True)).to_be_visible()
    expect(field).to_have_value("handbok")
    axe(page)
    # The summary's links lead to the groups, and each group to its own list with the same text.
    page.get_by_role("link", name="Aktuelt (1)").focus()
    page.keyboard.press("Enter")
    page.get_by_role("link", name="Se 1 treff i Aktuelt").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/aktuelt/?q=handbok")
    expect(page.get_by_role("link", name="Ny utgave av SLT-håndboken")).to_be_visible()


@pytest.mark.parametrize("prefix", ["/nn", "/en"])
def test_search_results_pass_axe_in_nynorsk_and_english(live_server, page, axe, content, prefix):
    page.goto(f"{live_server.url}{prefix}/sok/?q=konferansen")
    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == prefix.strip("/")
    axe(page)
