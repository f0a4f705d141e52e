"""Sfk's event workspace: the editor with its programme, publishing, copies, recordings and slides."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.audit import entries_for
from core.models import AuditEntry
from documents.models import Publication
from events.models import Event, Recording, Session
from tests.documents.files import good_pdf
from tests.helpers import assert_pages

from .factories import EventFactory, RecordingFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def event_data(**overrides):
    data = {
        "title": "SLT-konferansen 2027",
        "slug": "",
        "language": "nb",
        "kind": "conference",
        "summary": "Den nasjonale konferansen.",
        "description": "",
        "start": "2027-05-04T09:00",
        "end": "2027-05-05T16:00",
        "format": "hybrid",
        "venue_name": "Clarion Hotel",
        "venue_address": "Oslo",
        "join_url": "",
        "county": "",
        "audience": "members",
        "capacity": "3",
        "registration_opens": "",
        "registration_closes": "2027-04-20T12:00",
        "price_note": "Gratis",
        "contact_name": "Sfk",
        "contact_email": "sfk@example.no",
        "sessions-TOTAL_FORMS": "3",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def session_data(index, *, time, title, order="", day="", speaker="", room="", pk="", delete=False):
    prefix = f"sessions-{index}-"
    data = {
        prefix + "day": day,
        prefix + "start_time": time,
        prefix + "end_time": "",
        prefix + "title": title,
        prefix + "speaker": speaker,
        prefix + "room": room,
        prefix + "ORDER": order,
        prefix + "id": pk,
    }
    if delete:
        data[prefix + "DELETE"] = "on"
    return data


def sfk_urls(event, recording):
    return [
        reverse("events:event_create"),
        reverse("events:event_edit", args=[event.slug]),
        reverse("events:event_publish", args=[event.slug]),
        reverse("events:event_duplicate", args=[event.slug]),
        reverse("events:event_recordings_admin", args=[event.slug]),
        reverse("events:recording_edit", args=[event.slug, recording.pk]),
    ]


@pytest.fixture
def event(db):
    event = EventFactory(slug="kurs", status=Event.Status.DRAFT)
    SessionFactory(event=event, title="Velkommen")
    return event


@pytest.mark.parametrize("role", ["anonymous", "coordinator_a", "sfk_admin"])
def test_permission_matrix(client, roles, event, role):
    recording = RecordingFactory(event=event)
    if roles[role] is not None:
        client.force_login(roles[role])
    posts = [
        (reverse("events:event_publish", args=[event.slug]), {"action": "publish"}),
        (reverse("events:recording_delete", args=[event.slug, recording.pk]), {}),
    ]
    for url in sfk_urls(event, recording):
        response = client.get(url)
        expected = {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 200}[role]
        assert response.status_code == expected, url
        if role == "anonymous":
            assert "/konto/logg-inn/" in response["Location"]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == {"anonymous": 302, "coordinator_a": 403, "sfk_admin": 302}[role], url
    event.refresh_from_db()
    assert event.is_published == (role == "sfk_admin")
    assert Recording.objects.exists() == (role != "sfk_admin")


def test_pages_render_in_all_languages(client, sfk_admin, event):
    recording = RecordingFactory(event=event)
    SessionFactory(event=event, title="Panel")
    client.force_login(sfk_admin)
    assert_pages(client, sfk_urls(event, recording), max_queries=16)


def test_create_event_with_programme(client, sfk_admin):
    client.force_login(sfk_admin)
    data = event_data()
    data |= session_data(0, time="09:00", title="Åpning", order="2", speaker="Leder", room="Sal A")
    data |= session_data(1, time="08:30", title="Registrering", order="1")
    data |= session_data(2, time="10:00", title="Panel", order="3", day="2027-05-05")
    response = client.post(reverse("events:event_create"), data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.slug == "slt-konferansen-2027" and event.is_draft and event.capacity == 3
    sessions = list(event.sessions.all())
    assert [s.title for s in sessions] == ["Registrering", "Åpning", "Panel"]
    assert sessions[1].room == "Sal A"
    assert timezone.localtime(sessions[2].starts_at) == dt.datetime(
        2027, 5, 5, 10, 0, tzinfo=timezone.get_current_timezone()
    )
    (entry,) = entries_for(event)
    assert entry.action == "events.event.create" and entry.actor_id == sfk_admin.pk
    assert entry.changes["capacity"] == [None, 3]
    assert len(entry.changes["programme"][1]) == 3


def test_edit_reorders_and_removes_sessions_in_one_audit_entry(client, sfk_admin, event):
    second = SessionFactory(event=event, title="Lunsj", starts_at=event.start + dt.timedelta(hours=3))
    first = event.sessions.get(title="Velkommen")
    client.force_login(sfk_admin)
    start = timezone.localtime(event.start)
    data = event_data(
        title=event.title,
        slug=event.slug,
        start=f"{start:%Y-%m-%dT%H:%M}",
        end=f"{timezone.localtime(event.end):%Y-%m-%dT%H:%M}",
        registration_closes="",
        **{"sessions-TOTAL_FORMS": "4", "sessions-INITIAL_FORMS": "2"},
    )
    data |= session_data(0, time="09:00", title="Velkommen", order="2", pk=first.pk, delete=True)
    data |= session_data(1, time="12:00", title="Lunsj", order="2", pk=second.pk)
    data |= session_data(2, time="08:00", title="Kaffe", order="1")
    data |= session_data(3, time="", title="")
    before = AuditEntry.objects.count()
    response = client.post(reverse("events:event_edit", args=[event.slug]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [s.title for s in event.sessions.all()] == ["Kaffe", "Lunsj"]
    assert not Session.objects.filter(pk=first.pk).exists()
    assert AuditEntry.objects.count() == before + 1
    entry = entries_for(event).first()
    assert entry.action == "events.event.update" and "programme" in entry.changes


def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(client, sfk_admin):
    client.force_login(sfk_admin)
    data = event_data(end="2027-05-03T09:00", capacity="0")
    data |= session_data(0, time="25:99", title="Åpning")
    response = client.post(reverse("events:event_create"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "ds-error-summary" in html and 'id="id_sessions-0-start_time_error"' in html
    assert 'id="id_capacity_error"' in html
    assert html.count("autofocus") == 1
    assert not Event.objects.exists() and not Session.objects.exists()


def test_digital_event_needs_no_venue_and_asks_no_dietary_needs(client, sfk_admin):
    client.force_login(sfk_admin)
    data = event_data(format="digital", venue_name="", join_url="https://meet.example.no/x")
    assert client.post(reverse("events:event_create"), data).status_code == 302
    event = Event.objects.get()
    html = client.get(reverse("events:event_publish", args=[event.slug])).content.decode()
    assert "spesialkost" not in html
    data = event_data(slug="fysisk", venue_name="")
    response = client.post(reverse("events:event_create"), data)
    assert response.status_code == 400 and 'id="id_venue_name_error"' in response.content.decode()


def test_publish_and_unpublish(client, sfk_admin, event):
    client.force_login(sfk_admin)
    url = reverse("events:event_publish", args=[event.slug])
    assert "Publiser arrangementet" in client.get(url).content.decode()
    client.post(url, {"action": "publish"})
    event.refresh_from_db()
    assert event.is_published
    assert entries_for(event).first().action == "events.event.publish"
    assert client.get(reverse("events:list")).content.decode().count(event.title) == 1
    RegistrationFactory(event=event)
    response = client.post(url, {"action": "unpublish"}, follow=True)
    assert "Avlys arrangementet i stedet" in response.content.decode()
    event.refresh_from_db()
    assert event.is_published
    event.registrations.update(status="cancelled")
    client.post(url, {"action": "unpublish"})
    event.refresh_from_db()
    assert event.is_draft


def test_duplicate_moves_every_time_and_copies_the_programme(client, sfk_admin, event):
    client.force_login(sfk_admin)
    RegistrationFactory(event=event)
    RecordingFactory(event=event)
    new_start = timezone.localtime(event.start) + dt.timedelta(days=364)
    response = client.post(
        reverse("events:event_duplicate", args=[event.slug]),
        {"title": "Kurs neste år", "start": f"{new_start:%Y-%m-%dT%H:%M}"},
    )
    assert response.status_code == 302
    copy = Event.objects.get(title="Kurs neste år")
    assert copy.is_draft and copy.slug == "kurs-neste-ar"
    assert copy.end - copy.start == event.end - event.start
    assert copy.start == new_start
    assert [s.title for s in copy.sessions.all()] == ["Velkommen"]
    assert copy.sessions.get().starts_at == event.sessions.get().starts_at + dt.timedelta(days=364)
    assert not copy.registrations.exists() and not copy.recordings.exists()
    assert copy.invite_token != event.invite_token
    assert entries_for(copy).get().changes["copied_from"] == [None, event.pk]


def recording_data(**overrides):
    data = {
        "title": "Åpningsforedrag",
        "session": "",
        "speaker": "Kari",
        "recorded_on": "2026-05-04",
        "video_url": "https://www.youtube.com/watch?v=abc",
        "duration_minutes": "45",
        "has_captions": "on",
        "slides_url": "",
    }
    data.update(overrides)
    return data


def test_recording_url_must_be_on_the_allow_list(client, sfk_admin, event, settings):
    client.force_login(sfk_admin)
    url = reverse("events:event_recordings_admin", args=[event.slug])
    for bad in ("https://evil.example.com/v", "http://www.youtube.com/watch?v=abc", "https://notyoutube.com/v"):
        response = client.post(url, recording_data(video_url=bad))
        assert response.status_code == 400, bad
        assert 'id="id_video_url_error"' in response.content.decode()
    assert not Recording.objects.exists()
    settings.RECORDING_VIDEO_HOSTS = ["video.example.no"]
    assert client.post(url, recording_data(video_url="https://video.example.no/v/1")).status_code == 302


def test_recording_with_session_and_slides_shows_in_the_public_archive(client, sfk_admin, event):
    event.status = Event.Status.PUBLISHED
    event.save()
    session = event.sessions.get()
    client.force_login(sfk_admin)
    slides = SimpleUploadedFile("lysark.pdf", good_pdf("Lysark"), content_type="application/pdf")
    response = client.post(
        reverse("events:event_recordings_admin", args=[event.slug]),
        recording_data(session=session.pk, slides_file=slides, recorded_on=f"{timezone.localdate(event.start)}"),
    )
    assert response.status_code == 302
    recording = Recording.objects.get()
    assert recording.session == session and recording.slides.kind == Publication.Kind.PRESENTATION
    assert entries_for(recording).get().action == "events.recording.create"
    client.logout()
    year = timezone.localdate(event.start).year
    html = client.get(reverse("events:recordings") + f"?ar={year}").content.decode()
    assert "Åpningsforedrag" in html and 'href="https://www.youtube.com/watch?v=abc"' in html
    assert recording.slides.get_absolute_url() in html
    assert "<iframe" not in html


def test_slides_that_fail_the_upload_checks_are_refused(client, sfk_admin, event):
    client.force_login(sfk_admin)
    bad = SimpleUploadedFile("lysark.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(reverse("events:event_recordings_admin", args=[event.slug]), recording_data(slides_file=bad))
    assert response.status_code == 400 and 'id="id_slides_file_error"' in response.content.decode()
    assert not Recording.objects.exists() and not Publication.objects.exists()


def test_delete_recording_is_audited(client, sfk_admin, event):
    recording = RecordingFactory(event=event)
    client.force_login(sfk_admin)
    client.post(reverse("events:recording_delete", args=[event.slug, recording.pk]))
    assert not Recording.objects.exists()
    assert AuditEntry.objects.filter(action="events.recording.delete").count() == 1


def test_empty_post_to_the_editor_keeps_links_and_changes_nothing(client, sfk_admin, event):
    client.force_login(sfk_admin)
    response = client.post(reverse("events:event_edit", args=[event.slug]), {})
    assert response.status_code == 400
    assert reverse("events:participants", args=[event.slug]) in response.content.decode()
    event.refresh_from_db()
    assert event.slug == "kurs" and event.sessions.count() == 1
