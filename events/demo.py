"""Demo events: next SLT conference, a nearly full introductory course (with a registration awaiting
Sfk's approval), a digital gathering, an open webinar and last year's conference with recordings.
Invented names, example.no addresses."""

import datetime as dt
import zoneinfo

from django.utils import timezone

from .models import Event, Recording, Registration, Session

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=OSLO)


def _easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    n = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * n) // 451
    month, day = divmod(h + n - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def days_off(year: int) -> set[dt.date]:
    """Norway's public holidays, plus Christmas Eve and New Year's Eve (no one holds a course then)."""
    easter = _easter(year)
    moving = [-3, -2, 0, 1, 39, 49, 50]  # Maundy Thursday … Whit Monday
    fixed = [(1, 1), (5, 1), (5, 17), (12, 24), (12, 25), (12, 26), (12, 31)]
    return {easter + dt.timedelta(days=n) for n in moving} | {dt.date(year, m, d) for m, d in fixed}


def _weekday_on_or_after(day: dt.date, weekday: int, *, days: int = 1) -> dt.date:
    """The first `weekday` on or after `day` such that none of the event's `days` days is a day off."""
    day += dt.timedelta(days=(weekday - day.weekday()) % 7)
    while any(d in days_off(d.year) for d in (day + dt.timedelta(days=n) for n in range(days))):
        day += dt.timedelta(days=7)
    return day


def _event(slug: str, **fields) -> Event:
    event, _ = Event.objects.update_or_create(slug=slug, defaults=fields)
    return event


def _programme(event: Event, items: list[tuple[dt.datetime, dt.datetime, str, str]]) -> None:
    if event.sessions.exists():
        return
    Session.objects.bulk_create(
        Session(event=event, starts_at=s, ends_at=e, title=t, speaker=sp) for s, e, t, sp in items
    )


def load(*, log):
    today = timezone.localdate()
    conf_day = _weekday_on_or_after(today + dt.timedelta(days=150), 1, days=2)  # a Tuesday
    day2 = conf_day + dt.timedelta(days=1)
    conference = _event(
        f"slt-konferansen-{conf_day.year}",
        title=f"SLT-konferansen {conf_day.year}",
        kind=Event.Kind.CONFERENCE,
        language=Event.Language.NB,
        summary="To dager om samordnet forebygging for barn og unge: kunnskap, erfaringer og nettverk.",
        description=(
            "Årets SLT-konferanse samler koordinatorer, politikontakter og samarbeidspartnere.\n\n"
            "- Ny kunnskap om risiko- og beskyttelsesfaktorer\n- Erfaringer fra kommuner\n"
            "- Tid til å bli kjent med andre koordinatorer\n\n*Dette er demodata.*"
        ),
        start=_at(conf_day, 10),
        end=_at(day2, 15),
        venue_name="Demo konferansesenter",
        venue_address="Eksempelgata 1, 3210 Sandefjord",
        format=Event.Format.PHYSICAL,
        audience=Event.Audience.MEMBERS,
        capacity=300,
        registration_opens=timezone.now() - dt.timedelta(days=10),
        registration_closes=_at(conf_day - dt.timedelta(days=21), 23, 59),
        price_note="Konferanseavgift kr 1 500 (demo). Sfk dekker lunsj begge dager.",
        contact_name="Kari Demo (Sfk)",
        contact_email="konferanse@example.no",
        status=Event.Status.PUBLISHED,
    )
    _programme(
        conference,
        [
            (_at(conf_day, 10), _at(conf_day, 10, 30), "Åpning og velkommen", "Direktør, Sfk (demo)"),
            (
                _at(conf_day, 10, 30),
                _at(conf_day, 11, 30),
                "Ungdata: hva vet vi om ungdom i 2026?",
                "Forsker Demo Demosen",
            ),
            (_at(conf_day, 12, 30), _at(conf_day, 14), "Politiråd som virker – erfaringer fra tre kommuner", "Panel"),
            (_at(conf_day, 14, 30), _at(conf_day, 16), "Parallelle verksteder", ""),
            (_at(day2, 9), _at(day2, 10, 30), "Tryggere nærmiljøer i praksis", "Planlegger Ola Eksempel"),
            (_at(day2, 11), _at(day2, 12), "Samarbeid med frivilligheten", "Demo Frivilligsentral"),
            (_at(day2, 13), _at(day2, 15), "Nettverk og avslutning", "Sfk"),
        ],
    )

    course_day = _weekday_on_or_after(today + dt.timedelta(days=40), 2, days=2)
    course = _event(
        "innforingskurs-for-nye-slt-koordinatorer",
        title="Innføringskurs for nye SLT-koordinatorer",
        kind=Event.Kind.INTRO_COURSE,
        language=Event.Language.NB,
        summary="Grunnkurs i SLT-modellen: roller, politiråd, kartlegging og handlingsplan.",
        description="For deg som er ny som SLT-koordinator. *Dette er demodata.*",
        start=_at(course_day, 9),
        end=_at(course_day + dt.timedelta(days=1), 15),
        venue_name="Demo kurssted",
        venue_address="Kursveien 2, 0150 Oslo",
        format=Event.Format.PHYSICAL,
        audience=Event.Audience.MEMBERS,
        capacity=30,
        registration_opens=timezone.now() - dt.timedelta(days=30),
        registration_closes=_at(course_day - dt.timedelta(days=7), 23, 59),
        price_note="Gratis. Reise og opphold dekkes av egen kommune.",
        contact_name="Per Demo (Sfk)",
        contact_email="kurs@example.no",
        status=Event.Status.PUBLISHED,
    )
    _programme(
        course,
        [
            (_at(course_day, 9), _at(course_day, 12), "SLT-modellen og de tre nivåene", "Sfk"),
            (_at(course_day, 13), _at(course_day, 16), "Kartlegging og problemanalyse", "Sfk"),
            (
                _at(course_day + dt.timedelta(days=1), 9),
                _at(course_day + dt.timedelta(days=1), 15),
                "Fra handlingsplan til tiltak",
                "Erfaren koordinator (demo)",
            ),
        ],
    )
    if not course.registrations.exists():
        now = timezone.now()
        Registration.objects.bulk_create(
            Registration(
                event=course,
                name=f"Demo Deltaker {i}",
                email=f"deltaker{i}@example.no",
                organisation=f"Demo kommune {i}",
                role="SLT-koordinator",
                language="nb",
                status=Registration.Status.CONFIRMED,
                consent_participant_list=i % 2 == 0,
                created_at=now - dt.timedelta(days=20, minutes=-i),
                confirmed_at=now - dt.timedelta(days=20),
            )
            for i in range(1, 28)
        )
        # Not a logged-in coordinator, so the course (coordinators and partners) waits for Sfk's approval.
        Registration.objects.create(
            event=course,
            name="Demo Samarbeidspartner",
            email="samarbeidspartner@example.no",
            organisation="Demo politidistrikt",
            role="Politikontakt",
            language="nb",
            status=Registration.Status.PENDING,
            created_at=now - dt.timedelta(days=2),
        )

    gathering_day = _weekday_on_or_after(today + dt.timedelta(days=20), 3)
    _event(
        "digital-samling-vinter",
        title="Digital samling: forebygging av vold blant unge",
        kind=Event.Kind.DIGITAL_GATHERING,
        language=Event.Language.NB,
        summary="To timer på nett med innlegg og erfaringsdeling. Lenken får du på påmeldingssiden.",
        description="Digital samling for SLT-koordinatorer. *Dette er demodata.*",
        start=_at(gathering_day, 13),
        end=_at(gathering_day, 15),
        venue_name="",
        venue_address="",
        format=Event.Format.DIGITAL,
        join_url="https://meet.example.no/demo-samling",
        audience=Event.Audience.MEMBERS,
        capacity=None,
        registration_opens=None,
        registration_closes=_at(gathering_day, 12),
        price_note="Gratis.",
        contact_name="Sfk (demo)",
        contact_email="samling@example.no",
        status=Event.Status.PUBLISHED,
    )

    webinar_day = _weekday_on_or_after(today + dt.timedelta(days=60), 2)
    if (webinar_day.month, webinar_day.day) >= (12, 20) or (webinar_day.month, webinar_day.day) <= (1, 2):
        webinar_day += dt.timedelta(days=21)  # not in the Christmas holidays
    webinar = _event(
        "webinar-tiltaksbanken",
        title="Webinar: slik bruker du tiltaksbanken",
        kind=Event.Kind.WEBINAR,
        language=Event.Language.NB,
        summary="En time på nett om hvordan du finner, registrerer og kopierer tiltak. Åpent for alle.",
        description="Webinar for alle som jobber med forebygging. *Dette er demodata.*",
        start=_at(webinar_day, 12),
        end=_at(webinar_day, 13),
        venue_name="",
        venue_address="",
        format=Event.Format.DIGITAL,
        join_url="https://meet.example.no/demo-webinar",
        audience=Event.Audience.OPEN,
        capacity=100,
        registration_opens=None,
        registration_closes=_at(webinar_day, 11),
        price_note="Gratis.",
        contact_name="Sfk (demo)",
        contact_email="webinar@example.no",
        status=Event.Status.PUBLISHED,
    )
    if not webinar.registrations.exists():
        now = timezone.now()
        # Open to all: a confirmed address, and one not confirmed yet (its hold has expired, so it
        # takes no seat; the daily `delete_unconfirmed_registrations` removes it after a day).
        Registration.objects.create(
            event=webinar,
            name="Demo Deltaker Webinar",
            email="webinar-deltaker@example.no",
            organisation="Demo kommune",
            language="nb",
            status=Registration.Status.CONFIRMED,
            created_at=now - dt.timedelta(days=3),
            confirmed_at=now - dt.timedelta(days=3),
        )
        Registration.objects.create(
            event=webinar,
            name="Demo Ubekreftet",
            email="ubekreftet@example.no",
            organisation="Demo kommune",
            language="nb",
            status=Registration.Status.UNCONFIRMED,
            created_at=now - dt.timedelta(hours=2),
        )

    last_year = conf_day.year - 1
    last_day = _weekday_on_or_after(dt.date(last_year, 5, 1), 1, days=2)
    previous = _event(
        f"slt-konferansen-{last_year}",
        title=f"SLT-konferansen {last_year}",
        kind=Event.Kind.CONFERENCE,
        language=Event.Language.NB,
        summary="Fjorårets konferanse. Se opptakene fra foredragene.",
        description="*Dette er demodata.*",
        start=_at(last_day, 10),
        end=_at(last_day + dt.timedelta(days=1), 15),
        venue_name="Demo hotell",
        venue_address="Strandgata 3, 3256 Larvik",
        format=Event.Format.PHYSICAL,
        audience=Event.Audience.MEMBERS,
        capacity=250,
        status=Event.Status.PUBLISHED,
        contact_name="Sfk (demo)",
        contact_email="konferanse@example.no",
    )
    if not previous.recordings.exists():
        Recording.objects.bulk_create(
            [
                Recording(
                    event=previous,
                    title="Åpningsforedrag: SLT i 30 år",
                    speaker="Direktør, Sfk (demo)",
                    recorded_on=last_day,
                    video_url="https://www.youtube.com/watch?v=demo-slt-1",
                    duration_minutes=35,
                    has_captions=True,
                ),
                Recording(
                    event=previous,
                    title="Hva virker? Kunnskapsbaserte tiltak",
                    speaker="Forsker Demo Demosen",
                    recorded_on=last_day,
                    video_url="https://vimeo.com/000000002",
                    duration_minutes=50,
                    slides_url="https://www.example.no/lysark/hva-virker.pdf",
                    has_captions=True,
                ),
                Recording(
                    event=previous,
                    title="Politikontakten og koordinatoren",
                    speaker="Demo Politi",
                    recorded_on=last_day + dt.timedelta(days=1),
                    video_url="https://www.youtube.com/watch?v=demo-slt-3",
                    duration_minutes=40,
                    has_captions=False,
                ),
            ]
        )
    log(f"  demo events: {Event.objects.count()}, recordings: {Recording.objects.count()}")
