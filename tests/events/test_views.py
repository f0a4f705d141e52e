import datetime as dt
import re

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import Event, Registration
from events.tokens import registration_token
from tests.factories import CoordinatorFactory, CountyFactory, SLTUnitFactory
from tests.helpers import assert_page, assert_pages

from .factories import EventFactory, RecordingFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db

JOIN = "https://meet.example.no/hemmelig-rom"


def form_data(**overrides):
    data = {
        "name": "Kari Nordmann",
        "email": "kari@kommune.example.no",
        "organisation": "Testkommune",
        "role": "SLT-koordinator",
        "unit": "",
        "dietary_needs": "",
        "accessibility_needs": "",
    }
    data.update(overrides)
    return data


def confirm_from_mail(client, *, follow=True):
    """Follow the confirmation link in the last e-mail and press its button, as the address's owner."""
    link = re.search(r"https?://\S+/bekreft/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    return client.post("/" + path, follow=follow)


def past_event(**kwargs):
    start = timezone.now() - dt.timedelta(days=40)
    return EventFactory(start=start, end=start + dt.timedelta(hours=5), **kwargs)


def test_public_pages_in_all_languages_with_constant_queries(client):
    event = EventFactory(format=Event.Format.DIGITAL, join_url=JOIN, capacity=10)
    SessionFactory(event=event)
    past = past_event(title="Fjorårets konferanse")
    RecordingFactory(event=past)
    registration = RegistrationFactory(event=event)
    token = registration_token(registration)
    urls = [
        reverse("events:list"),
        reverse("events:past"),
        reverse("events:recordings"),
        event.get_absolute_url(),
        past.get_absolute_url(),
        reverse("events:register", args=[event.slug]),
        reverse("events:event_recordings", args=[past.slug]),
        reverse("events:registration", args=[token]),
    ]
    assert_pages(client, urls, max_queries=8)
    # Query counts stay constant as data grows.
    for _ in range(8):
        e = EventFactory(capacity=5)
        SessionFactory(event=e)
        RegistrationFactory(event=e)
        p = past_event()
        RecordingFactory(event=p)
        RecordingFactory(event=past)
        SessionFactory(event=event)
        RegistrationFactory(event=event, consent_participant_list=True)
    for url in urls:
        assert_page(client, url, max_queries=8)


def test_past_page_queries_stay_constant_with_counties(client):
    url = reverse("events:past")
    past_event(county=CountyFactory(number="46", name="Vestland"))
    client.get(url)
    for number in range(10, 18):
        past_event(county=CountyFactory(number=str(number), name=f"Fylke {number}"))
    assert_page(client, url, max_queries=8)
    assert "Fylke 17" in client.get(url).content.decode()


def test_detail_offers_no_waiting_list_for_a_past_or_cancelled_event(client):
    full = EventFactory(capacity=1)
    RegistrationFactory(event=full)
    assert "Fullt – venteliste" in client.get(full.get_absolute_url()).content.decode()
    past = past_event(capacity=1)
    RegistrationFactory(event=past)
    cancelled = EventFactory(capacity=1, status=Event.Status.CANCELLED)
    RegistrationFactory(event=cancelled)
    for event in (past, cancelled):
        html = client.get(event.get_absolute_url()).content.decode()
        assert event.title in html
        assert "venteliste" not in html


def test_list_filters_by_kind_and_county(client):
    county = CountyFactory(number="46", name="Vestland")
    EventFactory(title="Konferansen", kind=Event.Kind.CONFERENCE)
    EventFactory(title="Nettverk vest", kind=Event.Kind.NETWORK_MEETING, county=county)
    EventFactory(title="Nettverk nord", kind=Event.Kind.NETWORK_MEETING)
    EventFactory(title="Utkastet", status=Event.Status.DRAFT)
    past_event(title="Gammelt")
    html = client.get(reverse("events:list")).content.decode()
    assert "Konferansen" in html and "Nettverk vest" in html
    assert "Utkastet" not in html and "Gammelt" not in html
    html = client.get(reverse("events:list"), {"kind": "network_meeting", "county": county.pk}).content.decode()
    assert "Nettverk vest" in html and "Konferansen" not in html and "Nettverk nord" not in html
    assert client.get(reverse("events:list"), {"kind": "nonsense"}).status_code == 400


def test_cards_show_kind_status_place_seats_and_recordings_in_the_pages_language(client):
    county = CountyFactory(number="46", name="Vestland")
    full = EventFactory(title="Fullt kurs", capacity=1, format=Event.Format.HYBRID, county=county)
    RegistrationFactory(event=full)
    RegistrationFactory(event=full, status=Registration.Status.UNCONFIRMED, hold_until=timezone.now())  # expired hold
    EventFactory(title="Ledig <kurs>", capacity=30, kind=Event.Kind.WEBINAR, format=Event.Format.DIGITAL)
    cancelled = EventFactory(title="Avlyst møte", capacity=5, status=Event.Status.CANCELLED)
    old = past_event(title="Gammel konferanse")
    RecordingFactory.create_batch(2, event=old)
    html = client.get("/arrangementer/").content.decode()
    assert '<span class="ds-tag" data-color="neutral">Konferanse</span>' in html
    assert "Testsenteret og digitalt · Vestland" in html and "Fullt – venteliste" in html
    assert "Ledig &lt;kurs&gt;" in html and "Digitalt</p>" in html and "30 plasser" in html
    assert '<span class="ds-tag" data-color="danger">Avlyst</span>' in html and "5 plasser" not in html
    assert (
        f'<h3 class="ds-heading" data-size="xs" lang="nb"><a class="ds-link" href="{full.get_absolute_url()}">' in html
    )
    assert cancelled.title in html
    html = client.get("/en/arrangementer/").content.decode()
    assert "Conference" in html and "Full – waiting list" in html and "30 seats" in html and "Cancelled" in html
    html = client.get("/arrangementer/tidligere/").content.decode()
    assert (
        f'<h2 class="ds-heading" data-size="xs" lang="nb"><a class="ds-link" href="{old.get_absolute_url()}">' in html
    )
    assert f'<a class="ds-link" href="/arrangementer/{old.slug}/opptak/">2 opptak</a>' in html
    assert "plasser" not in html
    assert (
        f'<a class="ds-link" href="/nn/arrangementer/{old.slug}/opptak/">2 opptak</a>'
        in client.get("/nn/arrangementer/tidligere/").content.decode()
    )


def test_draft_is_404_for_public_and_visible_for_sfk_admin(client, sfk_admin):
    event = EventFactory(status=Event.Status.DRAFT)
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(sfk_admin)
    assert client.get(event.get_absolute_url()).status_code == 200


def test_cancelled_event_is_shown_clearly_and_refuses_registration(client):
    event = EventFactory(status=Event.Status.CANCELLED)
    assert "Arrangementet er avlyst" in client.get(event.get_absolute_url()).content.decode()
    response = client.post(reverse("events:register", args=[event.slug]), form_data())
    assert response.status_code == 400
    assert "Arrangementet er avlyst." in response.content.decode()
    assert not Registration.objects.exists()


def test_register_redirects_to_personal_page_with_status(client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, format=Event.Format.DIGITAL, join_url=JOIN)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:register", args=[event.slug]), form_data(), follow=True)
    assert "Ikke bekreftet" in response.content.decode() and JOIN not in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm_from_mail(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bekreftet" in html and JOIN in html
    assert len(mail.outbox) == 2

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events:register", args=[event.slug]),
            form_data(email="nummer2@example.no", name="Nummer To"),
        )
    response = confirm_from_mail(client)
    html = response.content.decode()
    assert "På venteliste" in html and "nummer 1 på ventelisten" in html
    assert JOIN not in html


def test_join_link_absent_for_anonymous_visitors(client):
    event = EventFactory(format=Event.Format.DIGITAL, join_url=JOIN)
    for url in [
        event.get_absolute_url(),
        reverse("events:register", args=[event.slug]),
        reverse("events:ics", args=[event.slug]),
        reverse("events:feed"),
    ]:
        assert JOIN not in client.get(url).content.decode()


@pytest.mark.parametrize(
    "bad",
    [
        {"email": "ikke-en-epost"},
        {"email": ""},
        {"name": ""},
        {"organisation": ""},
    ],
)
def test_bad_input_rerenders_with_400_and_nothing_saved(client, bad):
    event = EventFactory()
    response = client.post(reverse("events:register", args=[event.slug]), form_data(**bad))
    assert response.status_code == 400
    assert 'class="ds-validation-message"' in response.content.decode()
    assert not Registration.objects.exists()


def test_duplicate_email_gets_clear_message(client):
    event = EventFactory()
    RegistrationFactory(event=event, email="kari@kommune.example.no")
    response = client.post(reverse("events:register", args=[event.slug]), form_data(email="KARI@kommune.example.no"))
    assert response.status_code == 400
    assert "allerede påmeldt" in response.content.decode()
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "fields, text",
    [
        ({"registration_opens": timezone.now() + dt.timedelta(days=2)}, "Påmeldingen åpner"),
        ({"registration_closes": timezone.now() - dt.timedelta(hours=1)}, "Påmeldingsfristen er ute"),
    ],
)
def test_registration_window_messages(client, fields, text):
    event = EventFactory(**fields)
    assert text in client.get(event.get_absolute_url()).content.decode()
    response = client.get(reverse("events:register", args=[event.slug]))
    assert response.status_code == 200 and text in response.content.decode()
    response = client.post(reverse("events:register", args=[event.slug]), form_data())
    assert response.status_code == 400 and text in response.content.decode()
    assert not Registration.objects.exists()


def test_invited_event_needs_the_invite_link(client):
    event = EventFactory(audience=Event.Audience.INVITED)
    url = reverse("events:register", args=[event.slug])
    assert "bare for inviterte" in client.get(url).content.decode()
    response = client.post(url, form_data(invitasjon=event.invite_token))
    assert response.status_code == 302
    assert Registration.objects.count() == 1


def test_form_prefilled_for_logged_in_coordinator(client):
    unit = SLTUnitFactory(name="SLT Bergen")
    coordinator = CoordinatorFactory(
        unit=unit,
        employer="Bergen kommune",
        title="SLT-koordinator",
        user__full_name="Ola Koordinator",
        user__email="ola@bergen.example.no",
    )
    client.force_login(coordinator.user)
    event = EventFactory()
    html = client.get(reverse("events:register", args=[event.slug])).content.decode()
    assert 'value="Ola Koordinator"' in html and 'value="ola@bergen.example.no"' in html
    assert 'value="Bergen kommune"' in html and f'<option value="{unit.pk}" selected>' in html


@pytest.mark.parametrize("token", ["tull", "abc:def", "eyJyIjoxfQ:tampered:sig", "x" * 300])
def test_tampered_token_gives_clear_404(client, token):
    response = client.get(reverse("events:registration", args=[token]))
    assert response.status_code == 404
    assert "Vi fant ikke påmeldingen" in response.content.decode()
    response = client.post(reverse("events:registration_cancel", args=[token]))
    assert response.status_code == 404


def test_modified_valid_token_is_refused(client):
    registration = RegistrationFactory()
    token = registration_token(registration)
    other = RegistrationFactory()
    payload, rest = token.split(":", 1)
    forged_payload = signing.b64_encode(f'{{"r":{other.pk}}}'.encode()).decode()
    assert forged_payload != payload
    forged = f"{forged_payload}:{rest}"
    assert client.get(reverse("events:registration", args=[forged])).status_code == 404


def test_anonymised_registration_token_is_404(client):
    registration = RegistrationFactory(anonymised_at=timezone.now())
    assert client.get(reverse("events:registration", args=[registration_token(registration)])).status_code == 404


def test_join_link_only_for_confirmed_on_token_page(client):
    event = EventFactory(capacity=1, format=Event.Format.DIGITAL, join_url=JOIN)
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waiting")
    assert JOIN in client.get(reverse("events:registration", args=[registration_token(confirmed)])).content.decode()
    assert JOIN not in client.get(reverse("events:registration", args=[registration_token(waiting)])).content.decode()


def test_cancel_through_token_page_promotes_next(client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    confirmed = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waiting", email="neste@example.no")
    token = registration_token(confirmed)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("events:registration_cancel", args=[token]), follow=True)
    assert "Du er avmeldt" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.is_confirmed
    assert any(m.to == ["neste@example.no"] for m in mail.outbox)
    # Posting again is harmless.
    assert client.post(reverse("events:registration_cancel", args=[token])).status_code == 302


def test_participant_list_only_consenting_confirmed_and_only_for_confirmed(client):
    unit = SLTUnitFactory(name="SLT Fjordby")
    event = EventFactory(capacity=3)
    viewer = RegistrationFactory(event=event)
    RegistrationFactory(
        event=event, name="Synlig Person", consent_participant_list=True, unit=unit, dietary_needs="Nøtteallergi"
    )
    RegistrationFactory(event=event, name="Skjult Person", consent_participant_list=False)
    waiting = RegistrationFactory(event=event, status="waiting", name="Venter Person", consent_participant_list=True)
    html = client.get(reverse("events:registration", args=[registration_token(viewer)])).content.decode()
    assert "Synlig Person" in html and "SLT Fjordby" in html
    assert "Skjult Person" not in html and "Venter Person" not in html and "Nøtteallergi" not in html
    html = client.get(reverse("events:registration", args=[registration_token(waiting)])).content.decode()
    assert "Synlig Person" not in html


def test_ics_per_event_and_feed_parse_back(client):
    event = EventFactory(title="Kalendertest", start=timezone.now().replace(microsecond=0) + dt.timedelta(days=3))
    EventFactory(title="Utkast", status=Event.Status.DRAFT)
    past_event(title="Ferdig")
    response = client.get(reverse("events:ics", args=[event.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["summary"]) == "Kalendertest"
    assert vevent.decoded("dtstart") == event.start
    assert vevent["dtstart"].params["TZID"] == "Europe/Oslo"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Oslo"
    feed = Calendar.from_ical(client.get(reverse("events:feed")).content)
    assert [str(v["summary"]) for v in feed.walk("VEVENT")] == ["Kalendertest"]
    assert client.get(reverse("events:ics", args=["finnes-ikke"])).status_code == 404


def test_past_event_lists_recordings_as_links_marking_missing_captions(client):
    event = past_event()
    RecordingFactory(event=event, title="Med tekst", has_captions=True)
    RecordingFactory(event=event, title="Uten tekst", has_captions=False, video_url="https://vimeo.com/123")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Med tekst" in html and "Uten tekst" in html and "Uten teksting" in html
    assert "<iframe" not in html and 'href="https://vimeo.com/123"' in html
    year = timezone.localdate(event.start).year
    html = client.get(reverse("events:recordings"), {"ar": year}).content.decode()
    assert "Uten tekst" in html
    assert client.get(reverse("events:recordings"), {"ar": "abc"}).status_code == 200


def test_upcoming_event_does_not_list_recordings_yet(client):
    event = EventFactory()
    RecordingFactory(event=event, title="Forhåndsopptak")
    assert "Forhåndsopptak" not in client.get(event.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_participant_action_buttons_have_their_visible_text_first_in_their_name(client, sfk_admin):
    """WCAG 2.5.3 (label in name): a voice-control user says what they see ("Gi plass")."""
    from tests.events.factories import EventFactory, RegistrationFactory

    event = EventFactory(capacity=1)
    RegistrationFactory(event=event, name="Kari Først")
    waiting = RegistrationFactory(event=event, name="Ola Venter", status="waiting")
    client.force_login(sfk_admin)
    html = client.get(f"/arrangementer/{event.slug}/deltakere/").content.decode()
    assert 'Gi plass<span class="visually-hidden">: Ola Venter</span>' in html
    assert 'aria-label="Gi ' not in html
    assert waiting.name in html


# --- Issue 10: #15 full events, #16 cancel asks first, #17 questions by format, #18 audience ---


def test_event_page_says_later_registrations_go_on_a_waiting_list(client):
    event = EventFactory(capacity=30)
    for _ in range(27):
        RegistrationFactory(event=event)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "3 av 30 ledige" in html
    assert "Når plassene er tatt, kommer nye påmeldinger på venteliste." in html
    for _ in range(3):
        RegistrationFactory(event=event)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Fullt – venteliste" in html and "ledige" not in html
    html = client.get(reverse("events:register", args=[event.slug])).content.decode()
    assert "Arrangementet er fullt. Du kommer på venteliste" in html


def test_personal_page_links_to_a_confirmation_page_that_does_not_cancel(client):
    registration = RegistrationFactory()
    token = registration_token(registration)
    html = client.get(reverse("events:registration", args=[token])).content.decode()
    cancel_url = reverse("events:registration_cancel", args=[token])
    assert f'href="{cancel_url}"' in html
    assert f'action="{cancel_url}"' not in html  # no one-click form on the personal page
    assert_pages(client, [cancel_url], max_queries=6)
    html = client.get(cancel_url).content.decode()
    assert "Vil du melde deg av" in html and "Ja, meld meg av" in html and "Nei, behold påmeldingen" in html
    registration.refresh_from_db()
    assert registration.is_confirmed
    client.post(cancel_url)
    registration.refresh_from_db()
    assert registration.is_cancelled
    # Once cancelled, the confirmation page sends you back to the personal page.
    assert client.get(cancel_url)["Location"] == reverse("events:registration", args=[token])


@pytest.mark.parametrize(
    "event_format, asks_diet",
    [(Event.Format.PHYSICAL, True), (Event.Format.HYBRID, True), (Event.Format.DIGITAL, False)],
)
def test_registration_questions_follow_the_format(client, event_format, asks_diet):
    venue = "" if event_format == Event.Format.DIGITAL else "Salen"
    event = EventFactory(format=event_format, venue_name=venue, join_url=JOIN)
    url = reverse("events:register", args=[event.slug])
    html = client.get(url).content.decode()
    assert ('id="id_dietary_needs"' in html) is asks_diet
    assert 'id="id_accessibility_needs"' in html
    client.post(url, form_data(dietary_needs="Glutenfri"))
    assert Registration.objects.get().dietary_needs == ("Glutenfri" if asks_diet else "")
    detail = client.get(event.get_absolute_url()).content.decode()
    assert event.get_format_display() in detail
    assert ("Lenken for å delta får bekreftede" in detail or "Lenken får bekreftede" in detail) is (
        event_format != Event.Format.PHYSICAL
    )


def test_digital_event_ics_says_digital_and_has_no_venue(client):
    event = EventFactory(format=Event.Format.DIGITAL, venue_name="", venue_address="", join_url=JOIN)
    vevent = Calendar.from_ical(client.get(reverse("events:ics", args=[event.slug])).content).walk("VEVENT")[0]
    assert str(vevent["location"]) == "Digitalt" and "Digitalt" in str(vevent["description"])
    assert JOIN not in str(vevent.to_ical())
    feed = Calendar.from_ical(client.get(reverse("events:feed")).content).walk("VEVENT")[0]
    assert str(feed["location"]) == "Digitalt"


def test_members_event_admits_coordinators_at_once_and_others_after_approval(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(audience=Event.Audience.MEMBERS, capacity=10)
    url = reverse("events:register", args=[event.slug])
    assert "Andre påmeldinger godkjennes av Sfk" in client.get(event.get_absolute_url()).content.decode()
    assert "blir godkjent av Sfk før du får plass" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(email="partner@example.no"), follow=True)
    html = response.content.decode()
    assert "venter på godkjenning fra Sfk" in html and "Venter på godkjenning" in html
    assert Registration.objects.get().is_pending
    assert "venter på godkjenning" in mail.outbox[-1].subject

    coordinator = CoordinatorFactory(unit=SLTUnitFactory(), user__email="ola@bergen.example.no")
    client.force_login(coordinator.user)
    assert "blir godkjent av Sfk" not in client.get(url).content.decode()
    client.post(url, form_data(email="ola@bergen.example.no"))
    assert Registration.objects.get(email="ola@bergen.example.no").is_confirmed


def test_open_event_admits_a_logged_in_coordinator_at_once(client):
    event = EventFactory(audience=Event.Audience.OPEN)
    coordinator = CoordinatorFactory(unit=SLTUnitFactory(), user__email="ola@bergen.example.no")
    client.force_login(coordinator.user)
    client.post(reverse("events:register", args=[event.slug]), form_data(email="ola@bergen.example.no"))
    assert Registration.objects.get().is_confirmed


def test_invited_event_refuses_a_wrong_invitation(client):
    event = EventFactory(audience=Event.Audience.INVITED)
    url = reverse("events:register", args=[event.slug])
    assert client.post(url, form_data(invitasjon="feil")).status_code == 400
    assert "bare for inviterte" in client.get(event.get_absolute_url()).content.decode()
    assert not Registration.objects.exists()
