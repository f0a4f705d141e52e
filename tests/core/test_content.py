"""Every service that changes public content writes its audit entries (dotted action code, changed
fields old → new) and bumps the content version once its transaction commits."""

import datetime as dt
import json

import pytest
from django.db.models import Max
from django.utils import timezone

from core.content import content_version
from core.models import AuditEntry, Theme
from documents import services as documents
from documents.content import ensure_pages
from documents.models import InfoPage, NewsArticle
from events import services as events
from events.models import Registration
from measures import services as measures
from measures.models import Measure
from municipalities import services as municipalities
from municipalities.models import Invitation
from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory, RegistrationFactory, registration_data
from tests.factories import CoordinatorFactory, SLTUnitFactory, UserFactory
from tests.measures.factories import MeasureFactory, published

pytestmark = pytest.mark.django_db


def exactly(action, *fields):
    return action, set(fields), True


def at_least(action, *fields):
    return action, set(fields), False


# Each case: prepare(by, tmp_path) -> the call to test, and the entries it must write, in order.


def _measure_update(by, _tmp):
    measure = published(title="Gammel tittel")
    return lambda: measures.measure_update(measure=measure, by=by, data={"title": "Ny tittel"})


def _measure_publish(by, _tmp):
    measure = MeasureFactory()
    return lambda: measures.measure_publish(measure=measure, by=by)


def _measure_archive(by, _tmp):
    measure = published()
    return lambda: measures.measure_archive(measure=measure, by=by)


def _unit_save(by, _tmp):
    unit = SLTUnitFactory(name="Gammelt navn")
    unit.name = "Nytt navn"  # as a bound form leaves it
    return lambda: municipalities.unit_save(unit=unit, by=by)


def _unit_verify(by, _tmp):
    coordinator = CoordinatorFactory(user=by)
    return lambda: municipalities.unit_verify(unit=coordinator.unit, by=by)


def _coordinator_save(by, _tmp):
    coordinator = CoordinatorFactory(phone="+4740000000")
    coordinator.phone = "+4791234567"
    return lambda: municipalities.coordinator_save(coordinator=coordinator, by=by)


def _coordinator_end(by, _tmp):
    coordinator = CoordinatorFactory()
    now = timezone.now()
    Invitation.objects.create(
        coordinator=coordinator, email=coordinator.email, nonce="n", created_at=now, expires_at=now + dt.timedelta(1)
    )
    return lambda: municipalities.coordinator_end(coordinator=coordinator, by=by)


def _load_municipalities(_by, tmp):
    municipalities_csv = tmp / "kommuner.csv"
    municipalities_csv.write_text(
        "kommunenummer,navn,offisielt_navn,fylkesnummer,fylke,fylke_offisielt_navn\n0301,Oslo,Oslo,03,Oslo,Oslo\n",
        encoding="utf-8",
    )
    districts_csv = tmp / "bydeler.csv"
    districts_csv.write_text("bydelsnummer,navn,kommunenummer\n030101,Gamle Oslo,0301\n", encoding="utf-8")
    return lambda: municipalities.load_municipalities(
        municipalities_csv=municipalities_csv, districts_csv=districts_csv
    )


def _publication_save(by, _tmp):
    publication = PublicationFactory(title="Gammel")
    publication.title = "Ny"
    return lambda: documents.publication_save(publication=publication, by=by)


def _publication_delete(by, _tmp):
    publication = PublicationFactory()
    return lambda: documents.publication_delete(publication=publication, by=by)


def _info_page_update(by, _tmp):
    ensure_pages(InfoPage)
    page = InfoPage.objects.order_by("pk").first()
    page.title_en = "A new title"
    return lambda: documents.info_page_update(page=page, by=by)


def _news_create(by, _tmp):
    article = NewsArticle(title="Ny nyhet", lead="Ingress", body="Tekst", publish_at=timezone.now())
    return lambda: documents.news_article_save(article=article, by=by)


def _news_update(by, _tmp):
    article = NewsArticleFactory(lead="Gammel ingress")
    article.lead = "Ny ingress"
    return lambda: documents.news_article_save(article=article, by=by)


def _registration_create(_by, _tmp):
    event = EventFactory()
    return lambda: events.registration_create(event=event, data=registration_data())


def _registration_cancel(by, _tmp):
    event = EventFactory(capacity=1)
    registration = RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    return lambda: events.registration_cancel(registration=registration, by=by)


def _registration_move(by, _tmp):
    registration = RegistrationFactory(event=EventFactory(capacity=2), status=Registration.Status.WAITING)
    return lambda: events.registration_move(registration=registration, to_confirmed=True, by=by)


def _event_cancel(by, _tmp):
    event = EventFactory()
    RegistrationFactory(event=event)
    return lambda: events.event_cancel(event=event, by=by)


CASES = {
    "measure_update": (_measure_update, [exactly("measures.measure.update", "title")]),
    "measure_publish": (_measure_publish, [exactly("measures.measure.publish", "state", "published_at")]),
    "measure_archive": (_measure_archive, [exactly("measures.measure.archive", "state")]),
    "unit_save": (_unit_save, [exactly("municipalities.sltunit.update", "name")]),
    "unit_verify": (
        _unit_verify,
        [
            exactly("municipalities.sltunit.verify", "verified_at"),
            exactly("municipalities.coordinator.verify", "verified_at"),
        ],
    ),
    "coordinator_save": (_coordinator_save, [exactly("municipalities.coordinator.update", "phone")]),
    "coordinator_end": (
        _coordinator_end,
        [
            exactly("municipalities.coordinator.end", "ended_at"),
            exactly("municipalities.invitation.revoke", "revoked_at"),
            exactly("accounts.user.deactivated", "is_active"),
        ],
    ),
    "load_municipalities": (
        _load_municipalities,
        [at_least("municipalities.municipality.load", "municipality_created", "county_created", "district_created")],
    ),
    "publication_save": (_publication_save, [exactly("documents.publication.update", "title")]),
    "publication_delete": (_publication_delete, [at_least("documents.publication.delete", "title", "slug", "file")]),
    "info_page_update": (_info_page_update, [exactly("documents.infopage.update", "title_en")]),
    "news_article_create": (
        _news_create,
        [at_least("documents.newsarticle.create", "title", "slug", "lead", "body", "author", "publish_at")],
    ),
    "news_article_update": (_news_update, [exactly("documents.newsarticle.update", "lead")]),
    "registration_create": (_registration_create, [exactly("events.registration.create", "status")]),
    "registration_cancel": (
        _registration_cancel,
        [exactly("events.registration.cancel", "status"), exactly("events.registration.promote", "status")],
    ),
    "registration_move": (_registration_move, [exactly("events.registration.move", "status")]),
    "event_cancel": (_event_cancel, [exactly("events.event.cancel", "status", "cancelled_at")]),
}


@pytest.mark.parametrize("case", CASES)
def test_public_content_service_is_audited_and_bumps_the_content_version(
    case, tmp_path, django_capture_on_commit_callbacks
):
    prepare, expected = CASES[case]
    by = UserFactory(sfk_admin=True)
    call = prepare(by, tmp_path)
    last = AuditEntry.objects.aggregate(last=Max("pk"))["last"] or 0
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        call()
    entries = list(AuditEntry.objects.filter(pk__gt=last).order_by("pk"))
    assert [e.action for e in entries] == [action for action, _f, _e in expected]
    for entry, (action, fields, exact) in zip(entries, expected, strict=True):
        assert (set(entry.changes) == fields) if exact else (fields <= set(entry.changes)), (action, entry.changes)
        assert all(isinstance(pair, list) and len(pair) == 2 for pair in entry.changes.values())
    assert content_version() > version


def test_changed_values_are_old_and_new(sfk_admin, django_capture_on_commit_callbacks):
    measure = published(title="Gammel tittel")
    measures.measure_update(measure=measure, by=sfk_admin, data={"title": "Ny tittel"})
    measures.measure_archive(measure=measure, by=sfk_admin)
    update, archive = AuditEntry.objects.order_by("pk")
    assert (update.actor_id, update.changes) == (sfk_admin.pk, {"title": ["Gammel tittel", "Ny tittel"]})
    assert archive.changes == {"state": ["published", "archived"]}
    assert (update.object_id, update.object_label) == (str(measure.pk), "Ny tittel")


def _measure_data():
    return {
        "title": "Utkast",
        "summary": "Et sammendrag.",
        "description": "En beskrivelse.",
        "language": "nb",
        "contact_name": "Kari Kontakt",
        "contact_email": "kari@kommune.example.no",
        "status": Measure.Status.ACTIVE,
        "themes": list(Theme.objects.filter(slug="rus-alkohol")),
    }


def test_drafts_are_audited_without_bumping_the_content_version(sfk_admin, django_capture_on_commit_callbacks):
    unit = SLTUnitFactory()
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        draft = measures.measure_create(unit=unit, by=sfk_admin, data=_measure_data())
        measures.measure_update(measure=draft, by=sfk_admin, data={"title": "Utkast 2"})
    assert content_version() == version
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "measures.measure.create",
        "measures.measure.update",
    ]


def test_unchanged_save_writes_nothing(sfk_admin, django_capture_on_commit_callbacks):
    unit = SLTUnitFactory()
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        municipalities.unit_save(unit=unit, by=sfk_admin)
    assert not AuditEntry.objects.exists()
    assert content_version() == version


def test_registration_entries_hold_no_personal_data(sfk_admin):
    event = EventFactory(capacity=1)
    data = registration_data(name="Kari Nordmann", email="kari@kommune.example.no", dietary_needs="Nøtteallergi")
    registration = events.registration_create(event=event, data=data)
    events.registration_set_attendance(registration=registration, attended=True, by=sfk_admin)
    events.registration_cancel(registration=registration)
    entries = AuditEntry.objects.filter(action__startswith="events.registration.")
    assert list(entries.order_by("pk").values_list("action", flat=True)) == [
        "events.registration.create",
        "events.registration.set_attendance",
        "events.registration.cancel",
    ]
    dumped = json.dumps([[e.object_label, e.changes, e.actor_label] for e in entries])
    assert "Kari" not in dumped and "kari@" not in dumped and "Nøtte" not in dumped
    assert {tuple(e.changes) for e in entries} <= {("status",), ("attended",)}


def test_purges_write_one_summary_entry(django_capture_on_commit_callbacks):
    from documents.models import ContactMessage

    old = timezone.now() - dt.timedelta(days=3650)
    for _n in range(2):
        message = documents.contact_message_submit(name="Ola", email="ola@example.no", subject="S", message="M")
        ContactMessage.objects.filter(pk=message.pk).update(created_at=old)
    assert documents.contact_messages_purge() == 2
    purge = AuditEntry.objects.get(action="documents.contactmessage.purge")
    assert purge.changes == {"deleted": [None, 2]}
    assert "Ola" not in json.dumps(list(AuditEntry.objects.values_list("object_label", "changes")))

    EventFactory(start=old, end=old + dt.timedelta(hours=1))
    RegistrationFactory(event=EventFactory(start=old, end=old + dt.timedelta(hours=1)))
    assert events.registrations_anonymise() == (0, 1)
    anonymise = AuditEntry.objects.get(action="events.registration.anonymise")
    assert anonymise.changes == {"anonymised": [None, 1], "notes_cleared": [None, 0]}
