import datetime as dt

import factory
from django.utils import timezone

from events.models import Event, Recording, Registration, Session


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Testarrangement {n}")
    slug = factory.Sequence(lambda n: f"testarrangement-{n}")
    kind = Event.Kind.CONFERENCE
    summary = "Et arrangement for testing."
    start = factory.LazyFunction(lambda: (timezone.now() + dt.timedelta(days=30)).replace(second=0, microsecond=0))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=6))
    venue_name = "Testsenteret"
    venue_address = "Testveien 1, 0001 Oslo"
    status = Event.Status.PUBLISHED
    contact_email = "kontakt@example.no"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyAttribute(lambda o: o.event.start)
    title = factory.Sequence(lambda n: f"Programpost {n}")
    speaker = "Innleder Test"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Deltaker {n}")
    email = factory.Sequence(lambda n: f"deltaker{n}@example.no")
    organisation = "Testkommune"
    status = Registration.Status.CONFIRMED


class RecordingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recording

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Opptak {n}")
    speaker = "Foredragsholder"
    recorded_on = factory.LazyAttribute(lambda o: timezone.localdate(o.event.start))
    video_url = "https://www.youtube.com/watch?v=test"
    duration_minutes = 30
    has_captions = True


def registration_data(**overrides) -> dict:
    data = {
        "name": "Kari Nordmann",
        "email": "kari@kommune.example.no",
        "organisation": "Testkommune",
        "role": "SLT-koordinator",
        "dietary_needs": "",
        "accessibility_needs": "",
        "consent_participant_list": False,
    }
    data.update(overrides)
    return data
