"""The Sfk workspace, keyboard only: the event editor with its programme, registrations up to the
waiting list, recordings in the public archive, managed lists, login lockouts."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import Event, Recording, Registration
from tests.events.factories import EventFactory
from tests.factories import TEST_PASSWORD, CoordinatorFactory, UserFactory

from .test_events import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBMIT = "el.tagName === 'BUTTON' && el.type === 'submit' && el.closest('main')"


def type_into(page, field_id, text):
    tab_to(page, f"el.id === '{field_id}'", limit=200)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


@pytest.fixture
def admin(db):
    return UserFactory(sfk_admin=True, email="sfk@sfk.example.no", full_name="Siri Sfk")


def test_create_event_with_programme_publish_and_fill_it(live_server, page, axe, login, admin):
    start = (timezone.localtime() + dt.timedelta(days=40)).replace(hour=9, minute=0, second=0, microsecond=0)
    coordinators = [
        CoordinatorFactory(user__email=f"koord{n}@kommune.example.no", user__full_name=f"Koordinator {n}").user
        for n in range(4)
    ]
    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/sfk/")
    tab_to(page, "el.textContent.trim() === 'Nytt arrangement'", limit=300)
    page.keyboard.press("Enter")
    page.wait_for_url("**/sfk/arrangementer/nytt/")
    axe(page)
    type_into(page, "id_title", "Innføringskurs i SLT")
    tab_to(page, "el.id === 'id_kind'")
    page.keyboard.type("Innf")  # the select's type-ahead
    type_into(page, "id_summary", "To dager om SLT-modellen.")
    type_into(page, "id_start", f"{start:%Y-%m-%d %H:%M}")
    type_into(page, "id_end", f"{start + dt.timedelta(hours=7):%Y-%m-%d %H:%M}")
    type_into(page, "id_venue_name", "Konfliktrådet, Oslo")
    tab_to(page, "el.name === 'audience'", limit=200)
    page.keyboard.press("ArrowDown")  # open -> coordinators and partners
    type_into(page, "id_capacity", "3")
    for index, (time, title) in enumerate(
        [("09:00", "Velkommen"), ("10:00", "SLT-modellen"), ("13:00", "Oppsummering")]
    ):
        type_into(page, f"id_sessions-{index}-start_time", time)
        type_into(page, f"id_sessions-{index}-title", title)
    tab_to(page, SUBMIT + " && el.textContent.trim() === 'Lagre arrangementet'", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url("**/publiser/")
    expect(page.locator("main")).to_contain_text("Arrangementet er et utkast")
    expect(page.locator(".programme-table")).to_contain_text("SLT-modellen")
    axe(page)
    tab_to(page, "el.textContent.trim() === 'Publiser arrangementet'")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Arrangementet er publisert og vises for alle.")
    event = Event.objects.get()
    assert event.is_published and event.capacity == 3 and event.audience == Event.Audience.MEMBERS
    assert [s.title for s in event.sessions.all()] == ["Velkommen", "SLT-modellen", "Oppsummering"]

    for user in coordinators:
        page.context.clear_cookies()
        login(page, user.email, TEST_PASSWORD)
        page.goto(f"{live_server.url}{event.get_absolute_url()}")
        tab_to(page, "el.textContent.trim() === 'Meld deg på'")
        page.keyboard.press("Enter")
        page.wait_for_url("**/pamelding/")
        tab_to(page, SUBMIT)
        page.keyboard.press("Enter")
        page.wait_for_url("**/arrangementer/pamelding/**")
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "confirmed", "waiting"]

    page.context.clear_cookies()
    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/arrangementer/{event.slug}/deltakere/")
    main = page.locator("main")
    expect(main).to_contain_text("3 bekreftet, 1 på venteliste")
    expect(main.locator("tbody tr")).to_have_count(4)
    expect(main).to_contain_text("Venteliste nr. 1")
    axe(page)


def test_add_recording_to_past_event_and_find_it_in_the_archive(live_server, page, axe, login, admin):
    past = timezone.localtime() - dt.timedelta(days=30)
    event = EventFactory(title="SLT-konferansen", slug="slt-konferansen", start=past, end=past + dt.timedelta(hours=6))
    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/arrangementer/administrer/")
    tab_to(page, "el.textContent.trim() === 'Opptak og lysark: SLT-konferansen'", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url("**/sfk/arrangementer/slt-konferansen/opptak/")
    axe(page)
    type_into(page, "id_title", "Åpningsforedraget")
    type_into(page, "id_video_url", "https://evil.example.com/video")
    tab_to(page, SUBMIT)
    page.keyboard.press("Enter")
    expect(page.locator("#id_video_url_error")).to_be_visible()
    expect(page.locator(".ds-error-summary li")).to_have_count(1)
    axe(page)
    type_into(page, "id_video_url", "https://vimeo.com/123456")
    tab_to(page, "el.id === 'id_has_captions'")
    page.keyboard.press("Space")
    tab_to(page, SUBMIT)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Opptaket «Åpningsforedraget» er lagret.")
    assert Recording.objects.get().event == event

    page.goto(f"{live_server.url}/arrangementer/opptak/?ar={past.year}")
    card = page.locator(".recording-card", has_text="Åpningsforedraget")
    expect(card).to_be_visible()
    assert card.get_by_role("link").first.get_attribute("href") == "https://vimeo.com/123456"
    assert page.locator("iframe").count() == 0
    axe(page)


def test_retire_a_theme_with_the_keyboard(live_server, page, axe, login, admin):
    from core.models import Theme

    Theme.objects.get_or_create(
        slug="trafikk", defaults={"name": "Trafikk", "name_nn": "Trafikk", "name_en": "Traffic"}
    )
    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/sfk/")
    tab_to(page, "el.textContent.trim() === 'Temaer og andre lister'", limit=300)
    page.keyboard.press("Enter")
    page.wait_for_url("**/sfk/lister/")
    axe(page)
    tab_to(page, "el.textContent.trim() === 'Temaer'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sfk/lister/tema/")
    axe(page)
    tab_to(page, "el.textContent.trim() === 'Ta ut av bruk: Trafikk'", limit=300)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("«Trafikk» er tatt ut av bruk.")
    expect(page.locator("main button", has_text="Ta i bruk igjen: Trafikk")).to_be_visible()
    axe(page)
    assert Theme.objects.get(slug="trafikk").is_retired


def test_unlock_a_locked_account_with_the_keyboard(live_server, page, axe, login, admin):
    from axes.models import AccessAttempt

    locked = UserFactory(email="laast@kommune.example.no", full_name="Låst Bruker")
    page.goto(f"{live_server.url}/konto/logg-inn/")
    for _attempt in range(10):
        page.get_by_label("E-post").fill(locked.email)
        page.get_by_label("Passord").fill("feil-passord")
        page.get_by_role("button", name="Logg inn").click()
        page.wait_for_load_state()
    assert AccessAttempt.objects.filter(username=locked.email, failures_since_start__gte=10).exists()

    page.context.clear_cookies()
    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/sfk/")
    tab_to(page, "el.textContent.trim() === 'Innloggingssperrer'", limit=300)
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/sperrer/")
    expect(page.locator("main")).to_contain_text(locked.email)
    axe(page)
    tab_to(page, f"el.textContent.trim() === 'Opphev sperren: {locked.email}'")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text(f"Sperren for {locked.email} er opphevet.")
    expect(page.locator("main")).to_contain_text("Ingen kontoer er sperret nå.")
    axe(page)

    page.context.clear_cookies()
    login(page, locked.email, TEST_PASSWORD)
    assert "/logg-inn/" not in page.url
