"""Browser checks from the accessibility sweep: reflow at 320 px and axe on the statements."""

import pytest

from documents.content import ensure_pages
from documents.models import InfoPage
from tests.events.factories import EventFactory, RecordingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NO_HORIZONTAL_SCROLL = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"


def test_event_page_and_long_email_reflow_at_320px(live_server, page, axe):
    event = EventFactory(contact_email="en-svaert-lang-adresse-for-arrangementer@konfliktraadet.example.no")
    page.set_viewport_size({"width": 320, "height": 800})
    for path in (f"/arrangementer/{event.slug}/", f"/en/arrangementer/{event.slug}/"):
        page.goto(live_server.url + path)
        assert page.evaluate(NO_HORIZONTAL_SCROLL), path
    axe(page)


def test_statements_pass_axe_in_every_language(live_server, page, axe):
    ensure_pages(InfoPage)
    RecordingFactory(has_captions=False, title="Innlegg uten teksting")
    for path in ("/tilgjengelighet/", "/nn/tilgjengelighet/", "/en/personvern/"):
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        axe(page)
    page.goto(live_server.url + "/tilgjengelighet/")
    assert page.get_by_role("heading", level=2, name="Opptak uten teksting").is_visible()


def test_admin_tables_scroll_inside_their_wrapper_at_320px(live_server, page, login, sfk_admin, unit_a, coordinator_a):
    # Visually hidden text in table cells must not widen the page (absolute position escapes
    # an overflow container that is not positioned).
    from tests.factories import TEST_PASSWORD

    login(page, sfk_admin.email, TEST_PASSWORD)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + unit_a.get_absolute_url())
    assert page.locator(".table-wrap").count() >= 1
    assert page.evaluate(NO_HORIZONTAL_SCROLL)


def test_editor_notes_are_visibly_marked_for_sfk_admins_and_pass_axe(live_server, page, axe, login, sfk_admin):
    from tests.factories import TEST_PASSWORD

    ensure_pages(InfoPage)
    InfoPage.objects.filter(slug="tilskudd").update(body="Rammen står i utlysningen. [Sfk: legg inn beløpet.]")
    page.goto(live_server.url + "/om-slt/tilskudd/")
    assert "Sfk:" not in page.locator("main").inner_text()
    login(page, sfk_admin.email, TEST_PASSWORD)
    page.goto(live_server.url + "/om-slt/tilskudd/")
    note = page.locator("mark.editor-note")
    assert note.inner_text() == "[Sfk: legg inn beløpet.]" and note.is_visible()
    assert page.get_by_text("Siden har 1 merknad til redaktørene").is_visible()
    # Marked unlike the text around it.
    assert note.evaluate("el => getComputedStyle(el).outlineStyle") == "dashed"
    axe(page)


def test_my_data_and_account_pages_pass_axe(live_server, page, axe, login, coordinator_a):
    from events.models import Registration
    from tests.events.factories import RegistrationFactory
    from tests.factories import TEST_PASSWORD

    RegistrationFactory(user=coordinator_a, email=coordinator_a.email, status=Registration.Status.CONFIRMED)
    login(page, coordinator_a.email, TEST_PASSWORD)
    for path in ("/konto/", "/en/konto/mine-data/"):
        page.goto(live_server.url + path)
        axe(page)
    page.goto(live_server.url + "/konto/")
    page.get_by_role("link", name=Registration.objects.get().event.title).click()
    page.wait_for_url(lambda url: "/arrangementer/pamelding/" in url)
