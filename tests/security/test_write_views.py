"""One sweep over every write view: anonymous users go to login, another unit's coordinator gets
403 (or 404 for what they may not see), coordinators get 403 on Sfk-only views; nothing changes."""

import pytest
from django.urls import reverse

from documents.models import ContactMessage
from measures.models import Measure
from municipalities.models import Coordinator
from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import CoordinatorFactory
from tests.measures.factories import MeasureFactory, published

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(unit_a, coordinator_a):
    event = EventFactory()
    return {
        "draft": MeasureFactory(unit=unit_a, title="Utkast A"),
        "published": published(unit=unit_a, title="Publisert A"),
        "public_entry": CoordinatorFactory(unit=unit_a, is_public=True),
        "hidden_entry": CoordinatorFactory(unit=unit_a, is_public=False),
        "publication": PublicationFactory(unit=unit_a),
        "restricted": PublicationFactory(unit=unit_a, is_restricted=True),
        "news": NewsArticleFactory(),
        "contact": ContactMessage.objects.create(name="N", email="n@example.no", subject="S", message="M"),
        "event": event,
        "registration": RegistrationFactory(event=event),
        "user": coordinator_a,
    }


# (url name, args from objects, status for another unit's coordinator)
UNIT_WRITES = [
    ("measures:edit", lambda o: [o["draft"].pk], 404),
    ("measures:publish", lambda o: [o["draft"].pk], 404),
    ("measures:archive", lambda o: [o["draft"].pk], 404),
    ("measures:copy", lambda o: [o["draft"].pk], 404),
    ("measures:edit", lambda o: [o["published"].pk], 403),
    ("measures:publish", lambda o: [o["published"].pk], 403),
    ("measures:archive", lambda o: [o["published"].pk], 403),
    ("municipalities:unit_edit", lambda o: ["enhet-a"], 403),
    ("municipalities:unit_verify", lambda o: ["enhet-a"], 403),
    ("municipalities:coordinator_edit", lambda o: [o["public_entry"].pk], 403),
    ("municipalities:coordinator_end", lambda o: [o["public_entry"].pk], 403),
    ("municipalities:coordinator_edit", lambda o: [o["hidden_entry"].pk], 404),
    ("municipalities:coordinator_end", lambda o: [o["hidden_entry"].pk], 404),
    ("documents:edit", lambda o: [o["publication"].slug], 403),
    ("documents:delete", lambda o: [o["publication"].slug], 403),
    ("documents:edit", lambda o: [o["restricted"].slug], 403),
    ("documents:delete", lambda o: [o["restricted"].slug], 403),
]

SFK_WRITES = [
    ("municipalities:unit_create", lambda o: []),
    ("municipalities:coordinator_create", lambda o: ["enhet-a"]),
    ("municipalities:coordinator_invite", lambda o: [o["public_entry"].pk]),
    ("documents:news_create", lambda o: []),
    ("documents:news_edit", lambda o: [o["news"].slug]),
    ("documents:page_edit", lambda o: ["om-slt"]),
    ("documents:contact_message_handle", lambda o: [o["contact"].pk]),
    ("events:participant_email", lambda o: [o["event"].slug]),
    ("events:cancel", lambda o: [o["event"].slug]),
    ("events:participant_attendance", lambda o: [o["event"].slug, o["registration"].pk]),
    ("events:participant_move", lambda o: [o["event"].slug, o["registration"].pk]),
    ("accounts:user_detail", lambda o: [o["user"].pk]),
]

SFK_READS = [  # (a unit's change log is also its own coordinators': the permission matrix has it)
    ("municipalities:stale", lambda o: []),
    ("municipalities:admin_units", lambda o: []),
    ("documents:contact_messages", lambda o: []),
    ("events:admin_list", lambda o: []),
    ("events:participants", lambda o: [o["event"].slug]),
    ("events:participants_csv", lambda o: [o["event"].slug]),
    ("events:participants_xlsx", lambda o: [o["event"].slug]),
    ("accounts:user_list", lambda o: []),
    ("sfk_dashboard", lambda o: []),
]


def _snapshot(objects):
    return (
        sorted(Measure.objects.values_list("pk", "state", "title")),
        sorted(Coordinator.objects.values_list("pk", "ended_at", "name")),
        objects["publication"].__class__.objects.count(),
        ContactMessage.objects.filter(handled_at__isnull=True).count(),
        objects["event"].__class__.objects.values_list("status", flat=True).get(pk=objects["event"].pk),
    )


@pytest.mark.parametrize(("name", "args", "_status"), UNIT_WRITES + [(n, a, 403) for n, a in SFK_WRITES])
def test_anonymous_posts_go_to_login(client, objects, name, args, _status):
    before = _snapshot(objects)
    url = reverse(name, args=args(objects))
    response = client.post(url, {"title": "Endret", "unit": objects["draft"].unit_id, "confirm": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert _snapshot(objects) == before


@pytest.mark.parametrize(("name", "args", "status"), UNIT_WRITES)
def test_other_units_coordinator_is_refused(client, objects, coordinator_b, name, args, status):
    before = _snapshot(objects)
    client.force_login(coordinator_b)
    url = reverse(name, args=args(objects))
    response = client.post(url, {"title": "Endret", "unit": objects["draft"].unit_id, "confirm": "on"})
    assert response.status_code == status
    assert _snapshot(objects) == before


@pytest.mark.parametrize(("name", "args"), SFK_WRITES + SFK_READS)
def test_sfk_views_refuse_coordinators(client, objects, name, args):
    before = _snapshot(objects)
    client.force_login(objects["user"])
    url = reverse(name, args=args(objects))
    assert client.get(url).status_code in (403, 405)
    assert client.post(url, {"title": "Endret", "attended": "yes", "to": "confirmed"}).status_code in (403, 405)
    assert _snapshot(objects) == before


def test_copy_of_published_measure_cannot_target_another_unit(client, objects, coordinator_b):
    """The copy form offers the user's own units only; posting another unit's id is a 400."""
    client.force_login(coordinator_b)
    count = Measure.objects.count()
    response = client.post(reverse("measures:copy", args=[objects["published"].pk]), {"unit": objects["draft"].unit_id})
    assert response.status_code == 400
    assert Measure.objects.count() == count


def test_state_changes_need_post(client, objects, coordinator_a):
    client.force_login(coordinator_a)
    for name, pk in [("measures:publish", objects["draft"].pk), ("measures:archive", objects["published"].pk)]:
        assert client.get(reverse(name, args=[pk])).status_code == 405
    assert client.get(reverse("municipalities:unit_verify", args=["enhet-a"])).status_code == 405
    assert Measure.objects.get(pk=objects["draft"].pk).state == Measure.State.DRAFT


def test_csrf_is_enforced_on_writes(objects, coordinator_a):
    from tests.helpers import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator_a)
    response = client.post(reverse("measures:publish", args=[objects["draft"].pk]))
    assert response.status_code == 403
    assert Measure.objects.get(pk=objects["draft"].pk).state == Measure.State.DRAFT


def test_coordinator_cannot_write_sfk_only_unit_fields(client, unit_a, coordinator_a):
    from municipalities.models import SLTUnit

    status, name = unit_a.status, unit_a.name
    client.force_login(coordinator_a)
    response = client.post(
        reverse("municipalities:unit_edit", args=[unit_a.slug]),
        {
            "email": "ny@kommune.example.no",
            "name": "Kapret",
            "slug": "kapret",
            "status": "closed",
            "sfk_notes": "injisert",
            "municipalities": [],
        },
    )
    assert response.status_code == 302
    unit = SLTUnit.objects.get(pk=unit_a.pk)
    assert unit.email == "ny@kommune.example.no"  # the public field was saved …
    assert (unit.name, unit.slug, unit.status, unit.sfk_notes) == (name, "enhet-a", status, "")  # … nothing else
    assert unit.memberships.filter(is_current=True).count() == 1


def _png(name):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_coordinator_photo_url_is_not_guessable_and_goes_on_withdrawal(
    client, coordinator_a, unit_a, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    entry = unit_a.coordinators.get()
    client.force_login(coordinator_a)
    url = reverse("municipalities:coordinator_edit", args=[entry.pk])
    data = {"name": entry.name, "email": entry.email, "is_public": "on"}
    response = client.post(url, data | {"photo": _png("Kari Nordmann.png"), "photo_consent": "on"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert "kari" not in entry.photo.name.lower() and entry.photo.name.endswith(".png")
    stored = entry.photo.name
    assert entry.photo.storage.exists(stored)
    # Consent withdrawn: the photo is cleared, and the file no longer answers at its public URL.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data | {"photo-clear": "on"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert not entry.photo and entry.photo_consent_at is None
    assert not entry.photo.storage.exists(stored)
