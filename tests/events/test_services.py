import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from events import services
from events.models import Event, Registration
from outbox.models import OutboxMessage

from .factories import EventFactory, RegistrationFactory, registration_data

pytestmark = pytest.mark.django_db


def register(event, **overrides):
    """Register and, where the address must confirm (open events), confirm it at once."""
    registration = services.registration_create(event=event, data=registration_data(**overrides))
    if registration.is_unconfirmed:
        registration = services.registration_confirm(registration=registration)
    return registration


def test_seats_then_waiting_list_with_derived_positions():
    event = EventFactory(capacity=2)
    a = register(event, email="a@example.no")
    b = register(event, email="b@example.no")
    c = register(event, email="c@example.no")
    d = register(event, email="d@example.no")
    assert [a.status, b.status] == ["confirmed", "confirmed"]
    assert [c.status, d.status] == ["waiting", "waiting"]
    assert (c.waiting_position(), d.waiting_position()) == (1, 2)
    assert a.waiting_position() is None


def test_unlimited_capacity_always_confirms():
    event = EventFactory(capacity=None)
    for i in range(5):
        assert register(event, email=f"p{i}@example.no").is_confirmed


def test_cancellation_promotes_first_waiting_and_emails_them(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    first = register(event, email="first@example.no")
    second = register(event, email="second@example.no")
    third = register(event, email="third@example.no")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_cancel(registration=first)
    assert [r.pk for r in promoted] == [second.pk]
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.is_confirmed and third.waiting_position() == 1
    promoted_mail = [m for m in mail.outbox if m.to == ["second@example.no"]]
    assert len(promoted_mail) == 1
    filename, content, mimetype = promoted_mail[0].attachments[0]
    assert mimetype == "text/calendar" and filename.endswith(".ics")
    assert Calendar.from_ical(content).walk("VEVENT")[0]["summary"] == event.title


def test_cancelling_a_waiting_registration_promotes_nobody():
    event = EventFactory(capacity=1)
    register(event, email="a@example.no")
    waiting = register(event, email="b@example.no")
    later = register(event, email="c@example.no")
    assert services.registration_cancel(registration=waiting) == []
    later.refresh_from_db()
    assert later.is_waiting and later.waiting_position() == 1


def test_confirmation_email_has_valid_ics_and_personal_link(django_capture_on_commit_callbacks):
    event = EventFactory(format=Event.Format.DIGITAL, join_url="https://meet.example.no/hemmelig")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event)
    assert len(mail.outbox) == 2  # the confirmation link, then the confirmation itself
    message = mail.outbox[-1]
    assert message.to == ["kari@kommune.example.no"]
    assert event.title in message.subject
    assert "/arrangementer/pamelding/" in message.body
    filename, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    vevent = calendar.walk("VEVENT")[0]
    assert vevent.decoded("dtstart") == event.start
    assert str(vevent.decoded("dtstart").tzinfo) == "Europe/Oslo"
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Oslo"
    assert "https://meet.example.no/hemmelig" in str(vevent["description"])
    assert registration.is_confirmed


def test_waiting_list_email_has_no_join_link(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, format=Event.Format.DIGITAL, join_url="https://meet.example.no/hemmelig")
    register(event, email="a@example.no")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        register(event, email="b@example.no")
    body = mail.outbox[-1].body
    assert "https://meet.example.no/hemmelig" not in body
    assert "https://meet.example.no/hemmelig" not in mail.outbox[-1].attachments[0][1]
    assert "1" in body


def test_email_in_recipients_language(django_capture_on_commit_callbacks):
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.registration_create(event=event, data=registration_data(), language="en")
        services.registration_confirm(registration=registration)
    assert mail.outbox[0].subject.startswith("Confirm your registration")
    assert mail.outbox[-1].subject.startswith("Registration confirmed")


def test_failing_mailer_keeps_registration_and_outbox_message(django_capture_on_commit_callbacks, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.events.failing_mailer.FailingBackend"}}
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event)
    assert Registration.objects.filter(pk=registration.pk, status="confirmed").exists()
    message = OutboxMessage.objects.order_by("pk").last()
    assert message.sent_at is None and message.attempts == 1
    assert "SMTP is down" in message.last_error


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"registration_opens": timezone.now() + dt.timedelta(days=1)}, "Påmeldingen åpner"),
        ({"registration_closes": timezone.now() - dt.timedelta(minutes=1)}, "Påmeldingsfristen er ute"),
        ({"status": Event.Status.CANCELLED}, "avlyst"),
        ({"status": Event.Status.DRAFT}, "ikke publisert"),
        ({"audience": Event.Audience.INVITED}, "bare for inviterte"),
    ],
)
def test_registration_refused_outside_window_or_when_not_open(fields, expected):
    event = EventFactory(**fields)
    with pytest.raises(ValidationError) as info:
        register(event)
    assert expected in " ".join(info.value.messages)
    assert not Registration.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_invited_event_accepts_the_invite_token():
    event = EventFactory(audience=Event.Audience.INVITED)
    registration = services.registration_create(event=event, data=registration_data(), invite_token=event.invite_token)
    assert registration.is_confirmed


def test_duplicate_email_case_insensitive_refused_but_allowed_after_cancel():
    event = EventFactory()
    first = register(event, email="Kari@Example.no")
    with pytest.raises(ValidationError) as info:
        register(event, email="kari@example.NO")
    assert "email" in info.value.error_dict
    services.registration_cancel(registration=first)
    assert register(event, email="kari@example.no").is_confirmed


def test_unique_constraint_backs_up_the_check():
    from django.db import IntegrityError, transaction

    event = EventFactory()
    RegistrationFactory(event=event, email="dup@example.no")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(event=event, name="X", email="DUP@example.no", organisation="O", status="waiting")
    RegistrationFactory(event=event, email="dup@example.no", status="cancelled")  # allowed


def test_admin_move_never_exceeds_capacity():
    event = EventFactory(capacity=1)
    confirmed = register(event, email="a@example.no")
    waiting = register(event, email="b@example.no")
    with pytest.raises(ValidationError):
        services.registration_move(registration=waiting, to_confirmed=True)
    services.registration_move(registration=confirmed, to_confirmed=False)
    services.registration_move(registration=waiting, to_confirmed=True)
    assert event.registrations.confirmed().get().pk == waiting.pk


def test_event_cancel_notifies_everyone_registered(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    register(event, email="a@example.no")
    register(event, email="b@example.no")
    RegistrationFactory(event=event, email="gone@example.no", status="cancelled")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.event_cancel(event=event) == 2
    event.refresh_from_db()
    assert event.is_cancelled and event.cancelled_at
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.no", "b@example.no"]
    assert all("Avlyst" in m.subject for m in mail.outbox)


def test_email_all_participants_one_message_each(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=2)
    for i in range(3):
        register(event, email=f"p{i}@example.no")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        count = services.event_email_participants(event=event, subject="Praktisk info", body="Ta med matpakke.")
    assert count == 2
    assert all(len(m.to) == 1 and m.subject == "Praktisk info" and "matpakke" in m.body for m in mail.outbox)


def test_anonymise_after_retention_period(settings):
    settings.EVENTS_RETENTION_DAYS = 90
    old = EventFactory(start=timezone.now() - dt.timedelta(days=100), end=timezone.now() - dt.timedelta(days=99))
    recent = EventFactory(start=timezone.now() - dt.timedelta(days=10), end=timezone.now() - dt.timedelta(days=9))
    upcoming = EventFactory()
    a = RegistrationFactory(event=old, dietary_needs="Glutenfri", accessibility_needs="Rullestol")
    b = RegistrationFactory(event=recent, dietary_needs="Vegetar", name="Nylig Deltaker")
    c = RegistrationFactory(event=upcoming, accessibility_needs="Teleslynge")
    assert services.registrations_anonymise() == (1, 1)
    a.refresh_from_db()
    b.refresh_from_db()
    c.refresh_from_db()
    assert (a.name, a.email, a.dietary_needs, a.accessibility_needs) == ("", "", "", "")
    assert a.anonymised_at is not None and a.organisation == "Testkommune"
    # Ended recently: notes gone, the rest kept until the retention period is over.
    assert b.dietary_needs == "" and b.name == "Nylig Deltaker" and b.anonymised_at is None
    assert c.accessibility_needs == "Teleslynge"
    assert services.registrations_anonymise() == (0, 0)


def test_anonymise_command(settings):
    from io import StringIO

    from django.core.management import call_command

    old = EventFactory(start=timezone.now() - dt.timedelta(days=10), end=timezone.now() - dt.timedelta(days=9))
    RegistrationFactory(event=old)
    out = StringIO()
    call_command("anonymise_registrations", "--days", "5", stdout=out)
    assert "anonymised 1 registrations" in out.getvalue()
    assert Registration.objects.get().anonymised_at is not None


def test_demo_load_is_idempotent():
    from events import demo

    lines = []
    demo.load(log=lines.append)
    demo.load(log=lines.append)
    conference = Event.objects.filter(kind=Event.Kind.CONFERENCE).order_by("-start").first()
    assert conference.capacity == 300 and conference.is_multi_day and conference.sessions.count() >= 5
    course = Event.objects.get(kind=Event.Kind.INTRO_COURSE)
    assert course.capacity - course.registrations.confirmed().count() <= 3
    assert Event.objects.filter(kind=Event.Kind.DIGITAL_GATHERING, format=Event.Format.DIGITAL).exists()
    # The course is for coordinators and partners: one registration waits for Sfk's approval.
    assert course.audience == Event.Audience.MEMBERS and course.registrations.pending().count() == 1
    webinar = Event.objects.get(kind=Event.Kind.WEBINAR)
    assert webinar.format == Event.Format.DIGITAL and webinar.audience == Event.Audience.OPEN
    previous = Event.objects.past().filter(kind=Event.Kind.CONFERENCE).get()
    assert previous.recordings.filter(has_captions=False).exists()
    assert Event.objects.count() == 5


def test_personal_data_and_account_links(sfk_admin):
    from accounts.selectors import account_links, user_personal_data

    RegistrationFactory(user=sfk_admin, email=sfk_admin.email, dietary_needs="Vegetar")
    data = user_personal_data(user=sfk_admin)
    assert data["event_registrations"][0]["dietary_needs"] == "Vegetar"
    assert any("/arrangementer/administrer/" in url for _, url in account_links(user=sfk_admin))


def test_approving_gives_a_seat_and_is_audited(django_capture_on_commit_callbacks, sfk_admin):
    from core.models import AuditEntry

    event = EventFactory(audience=Event.Audience.MEMBERS, capacity=1)
    pending = services.registration_create(event=event, data=registration_data())
    assert pending.is_pending and event.registrations.confirmed().count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        approved = services.registration_approve(registration=pending, by=sfk_admin)
    assert approved.is_confirmed and approved.confirmed_at is not None
    entry = AuditEntry.objects.get(action="events.registration.approved")
    assert entry.actor_id == sfk_admin.pk and entry.changes == {"status": ["pending", "confirmed"]}
    assert "Påmelding bekreftet" in mail.outbox[-1].subject
    with pytest.raises(ValidationError):
        services.registration_approve(registration=approved, by=sfk_admin)


def test_approving_when_full_puts_on_the_waiting_list(sfk_admin):
    event = EventFactory(audience=Event.Audience.MEMBERS, capacity=1)
    RegistrationFactory(event=event)
    pending = services.registration_create(event=event, data=registration_data())
    assert services.registration_approve(registration=pending, by=sfk_admin).is_waiting


def test_declining_tells_the_registrant_and_frees_the_address(django_capture_on_commit_callbacks, sfk_admin):
    from core.models import AuditEntry

    event = EventFactory(audience=Event.Audience.MEMBERS)
    pending = services.registration_create(event=event, data=registration_data())
    with pytest.raises(ValidationError):
        services.registration_move(registration=pending, to_confirmed=True)
    with django_capture_on_commit_callbacks(execute=True):
        declined = services.registration_decline(registration=pending, by=sfk_admin)
    assert declined.is_declined
    assert AuditEntry.objects.filter(action="events.registration.declined").exists()
    assert "ikke godkjent" in mail.outbox[-1].subject
    # A declined registration does not block the address (like a cancelled one).
    assert services.registration_create(event=event, data=registration_data()).is_pending


def test_pending_registration_blocks_a_duplicate():
    event = EventFactory(audience=Event.Audience.MEMBERS)
    services.registration_create(event=event, data=registration_data())
    with pytest.raises(ValidationError):
        services.registration_create(event=event, data=registration_data())


def test_a_physical_or_hybrid_event_needs_a_venue_and_a_digital_one_does_not():
    for event_format in (Event.Format.PHYSICAL, Event.Format.HYBRID):
        with pytest.raises(ValidationError) as exc:
            EventFactory.build(format=event_format, venue_name="").full_clean()
        assert "venue_name" in exc.value.message_dict
    EventFactory.build(format=Event.Format.DIGITAL, venue_name="").full_clean(exclude=["slug"])
