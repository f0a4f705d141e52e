"""Open events (issue 11, item 5): a registration by someone not logged in as a coordinator is
unconfirmed and holds a seat for EVENTS_HOLD_MINUTES; the only e-mail is a confirmation link;
never-confirmed registrations are deleted; registrations are rate-limited per IP and per address."""

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.models import AuditEntry
from events import services
from events.models import Event, Registration
from events.tokens import confirmation_token, registration_token
from tests.helpers import assert_page, assert_pages

from .factories import EventFactory, RegistrationFactory, registration_data

pytestmark = pytest.mark.django_db

HOSTILE_NAME = "Gratulerer! Du har vunnet, logg inn på https://phish.example"


def form_data(**overrides):
    data = {"name": "Kari Nordmann", "email": "kari@kommune.example.no", "organisation": "Testkommune", "unit": ""}
    data.update(overrides)
    return data


def confirm_link(message) -> str:
    return re.search(r"https?://\S+/bekreft/\S+/", message.body).group(0).split("://", 1)[1].split("/", 1)[1]


def create(event, now=None, **overrides):
    return services.registration_create(event=event, data=registration_data(**overrides), now=now)


def test_anonymous_registration_is_unconfirmed_and_the_email_holds_only_the_link(
    client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=5, audience=Event.Audience.OPEN)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:register", args=[event.slug]),
            form_data(name=HOSTILE_NAME, organisation="Vinn premie nå", email="offer@example.no"),
            follow=True,
        )
    registration = Registration.objects.get()
    assert registration.is_unconfirmed
    assert registration.hold_until is not None
    html = response.content.decode()
    assert "Sjekk e-posten din og bekreft påmeldingen innen 30 minutter" in html
    [message] = mail.outbox
    assert message.to == ["offer@example.no"]
    assert "phish" not in message.body and "Gratulerer" not in message.body and "Vinn" not in message.body
    assert "Hei" not in message.body
    assert "phish" not in message.subject
    assert "/arrangementer/pamelding/bekreft/" in message.body
    assert message.attachments == []
    # Nothing in the audit trail about the person.
    entry = AuditEntry.objects.get(action="events.registration.create")
    assert entry.changes == {"status": [None, "unconfirmed"]}
    assert "offer" not in entry.object_label and "Gratulerer" not in entry.object_label


def test_confirmation_link_asks_first_then_confirms(client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:register", args=[event.slug]), form_data())
    path = "/" + confirm_link(mail.outbox[0])
    # Opening the link (as a mail system's link checker does) confirms nothing.
    assert_page(client, path)
    assert Registration.objects.get().is_unconfirmed
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, follow=True)
    registration = Registration.objects.get()
    assert registration.is_confirmed and registration.hold_until is None
    assert "Påmeldingen er bekreftet" in response.content.decode()
    assert mail.outbox[-1].body.startswith("Hei Kari Nordmann,")
    assert AuditEntry.objects.filter(
        action="events.registration.confirm", changes={"status": ["unconfirmed", "confirmed"]}
    ).exists()
    # Twice changes nothing; the GET now shows the personal page.
    assert client.post(path).status_code == 302
    assert client.get(path).url == reverse("events:registration", args=[registration_token(registration)])
    assert len(mail.outbox) == 2


def test_confirmation_page_in_all_languages(client):
    registration = RegistrationFactory(status=Registration.Status.UNCONFIRMED)
    assert_pages(client, [reverse("events:registration_confirm", args=[confirmation_token(registration)])])


def test_personal_page_token_cannot_confirm_and_tampered_links_are_404(client):
    registration = RegistrationFactory(status=Registration.Status.UNCONFIRMED)
    personal = registration_token(registration)
    assert client.post(reverse("events:registration_confirm", args=[personal])).status_code == 404
    tampered = confirmation_token(registration)[:-2] + "xx"
    assert client.post(reverse("events:registration_confirm", args=[tampered])).status_code == 404
    registration.refresh_from_db()
    assert registration.is_unconfirmed


def test_holds_count_as_taken_seats_and_expire_after_thirty_minutes(client):
    event = EventFactory(capacity=1)
    now = timezone.now()
    first = create(event, now=now, email="a@example.no")
    second = create(event, now=now + dt.timedelta(minutes=1), email="b@example.no")
    assert first.hold_until == now + dt.timedelta(minutes=30)
    assert second.hold_until is None  # no seat left to hold
    assert "Fullt – venteliste" in client.get(event.get_absolute_url()).content.decode()

    # The second confirms while the first still holds the seat: waiting list.
    second = services.registration_confirm(registration=second, now=now + dt.timedelta(minutes=5))
    assert second.is_waiting
    # The first hold expires; at the next locked change the seat goes to the waiting list.
    late = create(event, now=now + dt.timedelta(minutes=31), email="c@example.no")
    second.refresh_from_db()
    assert second.is_confirmed
    assert late.hold_until is None
    # The first confirms late: no seat is held any more, so the waiting list.
    first = services.registration_confirm(registration=first, now=now + dt.timedelta(minutes=40))
    assert first.is_waiting
    assert Registration.objects.confirmed().count() == 1


def test_confirming_within_the_hold_keeps_the_seat():
    event = EventFactory(capacity=1)
    now = timezone.now()
    first = create(event, now=now, email="a@example.no")
    other = create(event, now=now + dt.timedelta(minutes=2), email="b@example.no")
    services.registration_confirm(registration=other, now=now + dt.timedelta(minutes=3))
    first = services.registration_confirm(registration=first, now=now + dt.timedelta(minutes=29))
    assert first.is_confirmed
    other.refresh_from_db()
    assert other.is_waiting


def test_unconfirmed_registrations_are_deleted_after_a_day_by_the_command_and_lazily(client):
    event = EventFactory()
    old = timezone.now() - dt.timedelta(hours=25)
    stale = create(event, now=old, email="gammel@example.no")
    fresh = create(event, email="ny@example.no")
    confirmed_long_ago = RegistrationFactory(event=event, created_at=old)
    call_command("delete_unconfirmed_registrations", stdout=io.StringIO())
    assert set(Registration.objects.values_list("pk", flat=True)) == {fresh.pk, confirmed_long_ago.pk}
    assert AuditEntry.objects.filter(
        action="events.registration.delete_unconfirmed", changes={"deleted": [None, 1]}
    ).exists()
    # The link in the old e-mail now says so.
    response = client.get(reverse("events:registration_confirm", args=[confirmation_token(stale)]))
    assert response.status_code == 410

    other = EventFactory()
    stale = create(other, now=old, email="gammel@example.no")
    create(other, email="noen@example.no")
    assert not Registration.objects.filter(pk=stale.pk).exists()


def test_an_unconfirmed_address_can_register_again(client):
    event = EventFactory()
    create(event, email="kari@example.no", name="Noen andre")
    again = create(event, email="KARI@example.no")
    assert list(Registration.objects.values_list("pk", flat=True)) == [again.pk]


def test_cancelling_an_unconfirmed_registration_sends_nothing(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    registration = create(event)
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=registration)
    assert mail.outbox == []
    registration.refresh_from_db()
    assert registration.is_cancelled and registration.hold_until is None


def test_event_page_says_to_confirm_within_thirty_minutes(client):
    event = EventFactory()
    for url in (event.get_absolute_url(), reverse("events:register", args=[event.slug])):
        assert "bekreft innen 30 minutter" in client.get(url).content.decode()


def test_seat_holds_and_confirmations_change_the_public_content_version(django_capture_on_commit_callbacks):
    from core.content import content_version

    event = EventFactory(capacity=3)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        registration = create(event)
    assert content_version() > before
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=registration)
    assert content_version() > before


def test_registrations_are_limited_per_client_address(client, settings):
    settings.EVENTS_REGISTRATION_RATE_LIMIT_IP = 3
    event = EventFactory()
    url = reverse("events:register", args=[event.slug])
    statuses = [client.post(url, form_data(email=f"p{i}@example.no")).status_code for i in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    response = client.post(url, form_data(email="p9@example.no"))
    assert "For mange påmeldinger" in response.content.decode()
    assert Registration.objects.count() == 3
    # Another client address is not affected.
    assert client.post(url, form_data(email="p9@example.no"), REMOTE_ADDR="10.1.2.3").status_code == 302


def test_registrations_are_limited_per_email_address(client, settings):
    settings.EVENTS_REGISTRATION_RATE_LIMIT_EMAIL = 2
    events = [EventFactory() for _ in range(3)]
    statuses = [
        client.post(
            reverse("events:register", args=[e.slug]), form_data(email="Offer@Example.no"), REMOTE_ADDR=f"10.0.0.{i}"
        ).status_code
        for i, e in enumerate(events)
    ]
    assert statuses == [302, 302, 429]
    assert Registration.objects.count() == 2
