import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Event, Registration
from events.tokens import registration_token
from tests.events.factories import EventFactory, RecordingFactory, RegistrationFactory, SessionFactory
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, predicate_js: str, limit: int = 80):
    """Press Tab until the focused element matches; fails if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({predicate_js}); }}"):
            return
    raise AssertionError(f"never focused: {predicate_js}")


def test_register_with_keyboard_only(live_server, page, axe):
    event = EventFactory(
        title="Tastaturkurs",
        slug="tastaturkurs",
        capacity=5,
        format=Event.Format.DIGITAL,
        join_url="https://meet.example.no/rom",
    )
    SessionFactory(event=event, title="Velkommen")
    page.goto(f"{live_server.url}/arrangementer/tastaturkurs/")
    axe(page)
    tab_to(page, "el.textContent.trim() === 'Meld deg på'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pamelding/")
    axe(page)
    tab_to(page, "el.id === 'id_name'")
    page.keyboard.type("Kari Tastatur")
    page.keyboard.press("Tab")
    page.keyboard.type("ugyldig")
    page.keyboard.press("Tab")
    page.keyboard.type("Testkommune")
    tab_to(page, "el.tagName === 'BUTTON' && el.type === 'submit' && el.closest('main')")
    page.keyboard.press("Enter")
    page.locator(".ds-error-summary").wait_for()
    # Bad e-mail: error summary and message next to the field; page still passes axe.
    assert page.locator(".ds-error-summary").is_visible()
    assert page.locator("#id_email_error").is_visible()
    axe(page)
    page.locator("#id_email").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("kari@example.no")
    tab_to(page, "el.id === 'id_consent_participant_list'")
    page.keyboard.press("Space")
    tab_to(page, "el.tagName === 'BUTTON' && el.type === 'submit' && el.closest('main')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/arrangementer/pamelding/**")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Din påmelding")
    # An open event: the address confirms through the e-mailed link (issue 11 item 5).
    assert "sjekk e-posten din og bekreft" in page.locator("main").inner_text()
    axe(page)
    from events.tokens import confirmation_token

    page.goto(
        live_server.url + reverse("events:registration_confirm", args=[confirmation_token(Registration.objects.get())])
    )
    tab_to(page, "el.tagName === 'BUTTON' && el.type === 'submit' && el.closest('main')")
    page.keyboard.press("Enter")
    # The confirmation page's own address is under /arrangementer/pamelding/ too: wait for the redirect.
    page.wait_for_url(lambda url: "/arrangementer/pamelding/" in url and "/bekreft/" not in url)
    assert "Bekreftet" in page.locator("main").inner_text()
    assert page.locator("a.join-link").get_attribute("href") == "https://meet.example.no/rom"
    axe(page)
    registration = Registration.objects.get()
    assert registration.email == "kari@example.no" and registration.consent_participant_list


def test_axe_on_list_past_recordings_waiting_and_admin_pages(live_server, page, axe, login):
    EventFactory(title="Kommende samling", capacity=1)
    start = timezone.now() - dt.timedelta(days=60)
    past = EventFactory(title="Fjorårets konferanse", slug="fjorarets", start=start, end=start + dt.timedelta(hours=8))
    RecordingFactory(event=past, title="Åpningsforedrag", has_captions=False, slides_url="https://example.no/l.pdf")
    RecordingFactory(event=past, title="Panel", has_captions=True)
    full = EventFactory(title="Fullt kurs", capacity=1)
    RegistrationFactory(event=full)
    waiting = RegistrationFactory(event=full, status="waiting")
    for path in [
        "/arrangementer/",
        "/nn/arrangementer/",
        "/en/arrangementer/",
        "/arrangementer/tidligere/",
        "/arrangementer/opptak/",
        "/arrangementer/fjorarets/",
        "/arrangementer/fjorarets/opptak/",
        "/en/arrangementer/opptak/",
        f"/arrangementer/pamelding/{registration_token(waiting)}/",
    ]:
        page.goto(live_server.url + path)
        axe(page)
    assert "nummer 1 på ventelisten" in page.locator("main").inner_text()
    admin = UserFactory(sfk_admin=True, email="admin@example.no")
    login(page, admin.email, TEST_PASSWORD)
    for path in ["/arrangementer/administrer/", f"/arrangementer/{full.slug}/deltakere/"]:
        page.goto(live_server.url + path)
        axe(page)
    # The visible text comes first in the name (WCAG 2.5.3); the hidden name part is a block, so
    # Chromium may put a space before the colon.
    page.get_by_role("button", name=re.compile(rf"^Gi plass ?: {waiting.name}$")).click()
    expect(page.locator(".messages")).to_contain_text("Arrangementet er fullt")
    axe(page)


def test_pagination_on_past_events_is_keyboard_reachable_and_passes_axe(live_server, page, axe):
    start = timezone.now() - dt.timedelta(days=400)
    for n in range(181):
        EventFactory(title=f"Gammel samling {n}", start=start + dt.timedelta(days=n), end=start + dt.timedelta(days=n))
    page.goto(f"{live_server.url}/arrangementer/tidligere/")
    pagination = page.locator(".ds-pagination")
    # Page 1 of 10: no "previous" link, and the gap before the last page is not a link.
    expect(pagination.get_by_role("link")).to_have_text(["1", "2", "3", "10", "Neste"])
    axe(page)
    tab_to(page, "el.textContent.trim() === '10'")
    page.keyboard.press("Enter")
    page.wait_for_url("**page=10")
    expect(pagination.locator("[aria-current=page]")).to_have_text("10")
    expect(pagination.get_by_role("link")).to_have_text(["Forrige", "1", "8", "9", "10"])
    axe(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_cancelling_asks_first_and_works_by_keyboard(live_server, page, axe, width):
    """Issue 10 #16: one click used to cancel; now a page asks first (no JavaScript needed)."""
    event = EventFactory(title="Avmeldingskurs", capacity=1)
    registration = RegistrationFactory(event=event, name="Kari Avmelder")
    waiting = RegistrationFactory(event=event, status="waiting")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/arrangementer/pamelding/{registration_token(registration)}/")
    tab_to(page, "el.textContent.trim() === 'Meld meg av'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Vil du melde deg av Avmeldingskurs?"
    axe(page)
    registration.refresh_from_db()
    assert registration.is_confirmed, "cancelled before the user confirmed"
    # "No" keeps the registration.
    tab_to(page, "el.textContent.trim() === 'Nei, behold påmeldingen'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Bekreftet" in page.locator("main").inner_text()
    tab_to(page, "el.textContent.trim() === 'Meld meg av'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "el.textContent.trim() === 'Ja, meld meg av'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Du er avmeldt")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    axe(page)
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.is_cancelled and waiting.is_confirmed
