"""Deletion never loses data silently (issue 11, item 7): one test per relation that touches units,
events, publications, measures, themes and users, through the page that deletes (Django's admin, a
superuser's emergency tool, where no page of the portal does; the document pages for publications); files go
with their record through the storage API; a person's data is anonymised, never the account deleted."""

import pytest
from django.core.files.base import ContentFile
from django.db.models import ProtectedError
from django.urls import reverse

from accounts.models import User
from core.models import AuditEntry, Theme
from documents.models import NewsArticle, Publication
from events.models import Event, Registration
from measures.models import Measure
from municipalities.models import Coordinator, SLTUnit
from municipalities.services import coordinator_save
from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory, RecordingFactory, RegistrationFactory
from tests.factories import CoordinatorFactory, SLTUnitFactory, UserFactory
from tests.measures.factories import MeasureFactory, published

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


def admin_delete(client, obj):
    """POST the admin's delete confirmation for obj; returns the response."""
    meta = obj._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk])
    return client.post(url, {"post": "yes"})


def refused(client, obj) -> bool:
    """The delete confirmation (POST) shows the refusal instead of deleting; obj is still there."""
    response = admin_delete(client, obj)
    return response.status_code in {200, 403} and type(obj)._base_manager.filter(pk=obj.pk).exists()


def bulk_delete(client, model, objs):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    data = {"action": "delete_selected", "_selected_action": [o.pk for o in objs], "post": "yes"}
    return client.post(url, data)


@pytest.fixture
def admin_client(client):
    user = UserFactory(is_superuser=True, is_staff=True, email="super@sfk.example.no")
    client.force_login(user)
    return client


# --- units ------------------------------------------------------------------------------------------


def test_unit_with_a_coordinator_is_refused_and_keeps_it(admin_client):
    coordinator = CoordinatorFactory()
    unit = coordinator.unit
    response = admin_client.get(reverse("admin:municipalities_sltunit_delete", args=[unit.pk]))
    assert "Sett status til Avsluttet" in response.content.decode()
    assert refused(admin_client, unit)
    assert bulk_delete(admin_client, SLTUnit, [unit]).status_code == 200
    assert Coordinator.objects.filter(pk=coordinator.pk).exists() and SLTUnit.objects.filter(pk=unit.pk).exists()
    with pytest.raises(ProtectedError):  # Coordinator.unit is PROTECT in the database layer too
        unit.delete()


def test_unit_with_a_publication_is_refused(admin_client):
    publication = PublicationFactory(unit=SLTUnitFactory())
    assert refused(admin_client, publication.unit)
    assert Publication.objects.filter(pk=publication.pk).exists()
    with pytest.raises(ProtectedError):
        publication.unit.delete()


def test_unit_with_a_measure_is_refused(admin_client):
    measure = MeasureFactory()
    assert refused(admin_client, measure.unit)
    assert Measure.objects.filter(pk=measure.pk).exists()


def test_empty_unit_can_be_deleted(admin_client):
    unit = SLTUnitFactory()
    assert admin_delete(admin_client, unit).status_code == 302
    assert not SLTUnit.objects.filter(pk=unit.pk).exists()


def test_registrations_keep_their_seat_count_when_a_unit_goes(admin_client):
    unit = SLTUnitFactory()
    registration = RegistrationFactory(unit=unit)
    admin_delete(admin_client, unit)
    registration.refresh_from_db()
    assert registration.unit is None  # Registration.unit is SET_NULL: the registration stays


# --- events -----------------------------------------------------------------------------------------


def test_published_event_is_refused(admin_client):
    # Events are edited (and cancelled) in the Sfk workspace; the Django admin is read-only for them.
    event = EventFactory()
    assert admin_client.get(reverse("admin:events_event_delete", args=[event.pk])).status_code == 403
    assert refused(admin_client, event)
    assert Event.objects.filter(pk=event.pk).exists()


def test_event_with_registrations_is_protected(admin_client):
    registration = RegistrationFactory(event=EventFactory(status=Event.Status.DRAFT))
    assert refused(admin_client, registration.event)
    with pytest.raises(ProtectedError):  # Registration.event is PROTECT
        registration.event.delete()


def test_draft_event_with_recordings_is_refused(admin_client):
    recording = RecordingFactory(event=EventFactory(status=Event.Status.DRAFT))
    assert refused(admin_client, recording.event)


def test_empty_draft_event_can_be_deleted_in_code_but_not_through_the_read_only_admin(admin_client):
    event = EventFactory(status=Event.Status.DRAFT)
    assert refused(admin_client, event)
    event.delete()  # nothing protects an empty draft
    assert not Event.objects.filter(pk=event.pk).exists()


# --- measures and themes ----------------------------------------------------------------------------


def test_published_measure_is_refused(admin_client):
    measure = published()
    response = admin_client.get(reverse("admin:measures_measure_delete", args=[measure.pk]))
    assert "arkiveres, de slettes ikke" in response.content.decode()
    assert refused(admin_client, measure)
    assert bulk_delete(admin_client, Measure, [measure]).status_code == 200
    assert Measure.objects.filter(pk=measure.pk).exists()


def test_the_only_theme_of_a_published_measure_is_refused(admin_client):
    measure = published()
    [theme] = measure.themes.all()
    # Themes are retired in the Sfk workspace (/sfk/lister/), which refuses a published measure's only
    # theme; the Django admin is read-only for them.
    assert refused(admin_client, theme)
    assert list(measure.themes.all()) == [theme]


def test_theme_of_a_publication_is_refused(admin_client):
    theme = Theme.objects.create(name="Tema i bruk", slug="tema-i-bruk", name_nn="Tema", name_en="Theme")
    PublicationFactory().themes.add(theme)
    assert refused(admin_client, theme)


def test_unused_theme_is_not_deleted_through_the_read_only_admin(admin_client):
    theme = Theme.objects.create(name="Ubrukt", slug="ubrukt", name_nn="Ubrukt", name_en="Unused")
    assert refused(admin_client, theme)


# --- publications and their files -------------------------------------------------------------------


def site_delete(client, publication):
    """Delete a publication on its own page (the document pages own the write; the admin is read-only)."""
    return client.post(reverse("documents:delete", args=[publication.slug]), follow=True)


def test_publication_used_by_a_measure_is_refused(client, sfk_admin):
    publication = PublicationFactory(title="Håndbok")
    MeasureFactory().documents.add(publication)
    client.force_login(sfk_admin)
    html = site_delete(client, publication).content.decode()
    assert "«Håndbok» er i bruk (1 tiltak) og kan ikke slettes." in html
    assert Publication.objects.filter(pk=publication.pk).exists()


def test_publication_used_by_news_or_a_newer_edition_is_refused(client, sfk_admin):
    client.force_login(sfk_admin)
    publication = PublicationFactory()
    NewsArticleFactory(related_publication=publication)
    site_delete(client, publication)
    old = PublicationFactory()
    PublicationFactory(replaces=old)
    site_delete(client, old)
    assert Publication.objects.filter(pk__in=[publication.pk, old.pk]).count() == 2


def test_publications_are_read_only_in_the_admin(admin_client):
    assert refused(admin_client, PublicationFactory())


def test_deleting_a_publication_deletes_its_files_through_the_storage(
    client, sfk_admin, django_capture_on_commit_callbacks
):
    publication = PublicationFactory()
    publication.cover_image.save("forside.png", ContentFile(PNG), save=True)
    storage, name = publication.file.storage, publication.file.name
    cover_storage, cover = publication.cover_image.storage, publication.cover_image.name
    assert storage.exists(name) and cover_storage.exists(cover)
    client.force_login(sfk_admin)
    with django_capture_on_commit_callbacks(execute=True):
        assert site_delete(client, publication).status_code == 200
    assert not Publication.objects.filter(pk=publication.pk).exists()
    assert not storage.exists(name) and not cover_storage.exists(cover)


def test_news_image_replacement_and_deletion_remove_the_old_file(
    admin_client, sfk_admin, django_capture_on_commit_callbacks
):
    from documents.services import news_article_save

    article = NewsArticleFactory(image_alt="Et bilde")
    article.image.save("en.png", ContentFile(PNG), save=True)
    first = article.image.name
    storage = article.image.storage
    article.image.save("to.png", ContentFile(PNG), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        news_article_save(article=article, by=sfk_admin)
    assert not storage.exists(first) and storage.exists(article.image.name)
    second = article.image.name
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_delete(admin_client, article).status_code == 302
    assert not storage.exists(second)
    assert not NewsArticle.objects.exists()


# --- coordinators, photos and users -----------------------------------------------------------------


def test_coordinator_photo_removal_deletes_the_file(sfk_admin, django_capture_on_commit_callbacks):
    coordinator = CoordinatorFactory()
    coordinator.photo.save("bilde.png", ContentFile(PNG), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_save(coordinator=coordinator, by=sfk_admin, photo_consent=True)
    name, storage = coordinator.photo.name, coordinator.photo.storage
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_save(coordinator=coordinator, by=sfk_admin, photo_consent=False)
    assert not storage.exists(name)


def test_coordinators_are_never_deleted_in_the_admin(admin_client):
    coordinator = CoordinatorFactory()
    assert refused(admin_client, coordinator)
    assert Coordinator.objects.filter(pk=coordinator.pk).exists()


def test_user_accounts_cannot_be_deleted_in_the_admin(admin_client):
    user = UserFactory()
    assert refused(admin_client, user)
    assert bulk_delete(admin_client, User, [user]).status_code in {200, 302}
    assert User.objects.filter(pk=user.pk).exists()


def test_anonymising_a_person_scrubs_entries_history_files_and_registrations(
    sfk_admin, django_capture_on_commit_callbacks
):
    coordinator = CoordinatorFactory(name="Kari Hemmelig", email="kari.hemmelig@kommune.example.no", phone="")
    coordinator.photo.save("kari.png", ContentFile(PNG), save=False)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_save(coordinator=coordinator, by=sfk_admin, photo_consent=True)
    photo, storage = coordinator.photo.name, coordinator.photo.storage
    user = coordinator.user
    registration = RegistrationFactory(user=user, name="Kari Hemmelig", email="kari.hemmelig@kommune.example.no")
    user.full_name = "Kari Hemmelig"
    user.save()

    from accounts.services import user_anonymise

    with django_capture_on_commit_callbacks(execute=True):
        user_anonymise(user=user, by=sfk_admin)

    user.refresh_from_db()
    coordinator.refresh_from_db()
    registration.refresh_from_db()
    assert User.objects.filter(pk=user.pk).exists() and not user.is_active and not user.has_usable_password()
    assert "Hemmelig" not in user.email and user.full_name == ""
    assert coordinator.name == "Anonymisert" and coordinator.phone == "" and not coordinator.photo
    assert coordinator.ended_at is not None and coordinator.user is None
    assert not storage.exists(photo)
    assert registration.anonymised_at is not None and registration.name == ""
    assert Registration.objects.filter(pk=registration.pk).exists()
    history = list(Coordinator.history.filter(id=coordinator.pk).values("name", "email", "photo"))
    assert len(history) >= 2
    assert all("Hemmelig" not in str(row) and "hemmelig" not in str(row) for row in history)
    for entry in AuditEntry.objects.all():
        assert "emmelig" not in str(entry.changes) and "emmelig" not in entry.object_label, entry.action
