""" "Dine data" is a readable page in the user's language (labels from each app, dates formatted),
the JSON download keeps the raw keys; "Min side" lists the user's event registrations."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from documents.models import ContactMessage
from events.models import Registration
from events.tokens import registration_from_token
from tests.events.factories import EventFactory, RegistrationFactory
from tests.helpers import assert_page

pytestmark = pytest.mark.django_db

RAW_KEYS = [
    "date_joined",
    "last_login",
    "preferred_language",
    "is_sfk_admin",
    "coordinator_entries",
    "position_percent",
    "event_registrations",
    "consent_participant_list",
    "created_at",
    "contact_messages",
    "sent_at",
]


@pytest.fixture
def person(coordinator_a):
    coordinator_a.date_joined = timezone.make_aware(dt.datetime(2026, 3, 4, 9, 5))
    coordinator_a.save()
    event = EventFactory(title="Nettverkssamling i Bodø", start=timezone.now() + dt.timedelta(days=20))
    RegistrationFactory(
        event=event, user=coordinator_a, email=coordinator_a.email, status=Registration.Status.CONFIRMED
    )
    RegistrationFactory(event=EventFactory(title="Andres kurs"), status=Registration.Status.CONFIRMED)
    ContactMessage.objects.create(name="Kari", email=coordinator_a.email, subject="Spørsmål", message="Hei")
    return coordinator_a


def _body(html: str) -> str:
    """The text a user reads in <main> (no markup, no attributes)."""
    return re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1].split("</main>", 1)[0])


def test_my_data_shows_labels_and_dates_in_the_users_language(client, person):
    client.force_login(person)
    html = _body(assert_page(client, "/konto/mine-data/", max_queries=14).content.decode())
    for text in [
        "Brukerkonto",
        "Konto opprettet",
        "Påmeldinger til arrangementer",
        "Bekreftet",
        "Nettverkssamling i Bodø",
    ]:
        assert text in html, text
    assert "Oppføringer i koordinatorkatalogen" in html and "Stillingsprosent" in html
    assert "Meldinger fra kontaktskjemaet" in html and "Spørsmål" in html
    assert "4. mars 2026 09:05" in html
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}", html), "ISO timestamp on the page"
    for key in RAW_KEYS:
        assert key not in html, key
    english = _body(assert_page(client, "/en/konto/mine-data/", max_queries=14).content.decode())
    for text in [
        "Event registrations",
        "Confirmed",
        "Account created",
        "Messages from the contact form",
        "4 March 2026",
    ]:
        assert text in english, text
    assert "Bekreftet" not in english and "Konto opprettet" not in english


def test_my_data_download_keeps_the_raw_keys_and_iso_timestamps(client, person):
    client.force_login(person)
    data = client.get("/konto/mine-data/?format=json").json()
    assert data["account"]["date_joined"].startswith("2026-03-04T")
    [registration] = data["event_registrations"]
    assert registration["status"] == "confirmed" and registration["event"] == "Nettverkssamling i Bodø"
    assert set(registration) >= {"consent_participant_list", "created_at"}
    assert data["documents"]["contact_messages"][0]["subject"] == "Spørsmål"


def test_account_page_lists_own_registrations_with_links_to_their_pages(client, person):
    client.force_login(person)
    own = Registration.objects.get(user=person)
    html = assert_page(client, "/konto/", max_queries=12).content.decode()
    assert "Mine påmeldinger" in html
    # The token carries the time it was signed: compare what it names, not its text.
    tokens = re.findall(r'href="/arrangementer/pamelding/([^"/]+)/"', html)
    assert [registration_from_token(token) for token in tokens] == [own]
    assert "Nettverkssamling i Bodø" in html and "Andres kurs" not in html
    assert "My registrations" in assert_page(client, "/en/konto/", max_queries=12).content.decode()


def test_account_page_without_registrations_has_no_registration_section(client, coordinator_b):
    client.force_login(coordinator_b)
    assert "Mine påmeldinger" not in assert_page(client, "/konto/", max_queries=12).content.decode()
