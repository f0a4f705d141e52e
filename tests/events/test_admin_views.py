import csv
import io

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from events.models import Event, Registration
from tests.helpers import assert_page

from .factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return EventFactory(slug="kurs", capacity=1)


@pytest.fixture
def registration(event):
    return RegistrationFactory(event=event)


def write_requests(event, registration):
    """Every Sfk-admin view (method, url, data)."""
    slug = event.slug
    return [
        ("get", reverse("events:admin_list"), None),
        ("get", reverse("events:participants", args=[slug]), None),
        ("get", reverse("events:participants_csv", args=[slug]), None),
        ("get", reverse("events:participants_xlsx", args=[slug]), None),
        ("get", reverse("events:participant_email", args=[slug]), None),
        ("post", reverse("events:participant_email", args=[slug]), {"subject": "Hei", "body": "Info"}),
        ("post", reverse("events:participant_attendance", args=[slug, registration.pk]), {"attended": "yes"}),
        ("post", reverse("events:participant_move", args=[slug, registration.pk]), {"to": "waiting"}),
        ("post", reverse("events:participant_decision", args=[slug, registration.pk]), {"decision": "approve"}),
        ("get", reverse("events:cancel", args=[slug]), None),
        ("post", reverse("events:cancel", args=[slug]), {}),
    ]


@pytest.mark.parametrize(
    "role, expected",
    [
        ("anonymous", 302),
        ("coordinator_a", 403),
        ("coordinator_b", 403),
        ("sfk_admin", "ok"),
    ],
)
def test_permission_matrix_on_admin_views(client, roles, event, registration, role, expected):
    user = roles[role]
    if user is not None:
        client.force_login(user)
    for method, url, data in write_requests(event, registration):
        response = getattr(client, method)(url, data or {})
        if expected == 302:
            assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"], url
        elif expected == 403:
            assert response.status_code == 403, url
        else:
            assert response.status_code in (200, 302), url
    registration.refresh_from_db()
    event.refresh_from_db()
    if expected == "ok":
        assert registration.attended is True and event.is_cancelled
    else:
        assert registration.attended is None and not event.is_cancelled


def test_admin_pages_render_in_all_languages(client, sfk_admin, event, registration):
    client.force_login(sfk_admin)
    for _ in range(5):
        RegistrationFactory(event=event, status="waiting")
    for url in [
        reverse("events:admin_list"),
        reverse("events:participants", args=[event.slug]),
        reverse("events:participant_email", args=[event.slug]),
        reverse("events:cancel", args=[event.slug]),
    ]:
        for prefix in ("", "/nn", "/en"):
            assert_page(client, prefix + url, max_queries=10)


def test_participants_page_shows_waiting_positions(client, sfk_admin, event, registration):
    RegistrationFactory(event=event, status="waiting", name="Første Venter")
    RegistrationFactory(event=event, status="waiting", name="Andre Venter")
    client.force_login(sfk_admin)
    html = client.get(reverse("events:participants", args=[event.slug])).content.decode()
    assert html.index("Første Venter") < html.index("Venteliste nr. 1") < html.index("Andre Venter")
    assert "Venteliste nr. 2" in html


def test_csv_export_has_waiting_positions(client, sfk_admin, event, registration):
    RegistrationFactory(event=event, status="waiting", name="Første Venter")
    RegistrationFactory(event=event, status="waiting", name="Andre Venter")
    client.force_login(sfk_admin)
    content = client.get(reverse("events:participants_csv", args=[event.slug])).content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    positions = {row[0]: row[6] for row in rows[1:]}
    assert positions == {registration.name: "", "Første Venter": "1", "Andre Venter": "2"}


def test_csv_export_has_bom_and_escapes_formulas(client, sfk_admin, event):
    RegistrationFactory(
        event=event, name='=HYPERLINK("http://evil")', organisation="+47 Æøå kommune", dietary_needs="@SUM(1)"
    )
    client.force_login(sfk_admin)
    response = client.get(reverse("events:participants_csv", args=[event.slug]))
    assert response["Content-Type"].startswith("text/csv")
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][0] == "Navn"
    assert rows[1][0] == '\'=HYPERLINK("http://evil")'
    assert rows[1][2] == "'+47 Æøå kommune"
    assert rows[1][7] == "'@SUM(1)"


def test_xlsx_export_escapes_formulas(client, sfk_admin, event):
    RegistrationFactory(event=event, name="=1+1", organisation="-2")
    client.force_login(sfk_admin)
    response = client.get(reverse("events:participants_xlsx", args=[event.slug]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "'=1+1" and sheet["A2"].data_type == "s"
    assert sheet["C2"].value == "'-2"


def test_move_between_waiting_and_confirmed(client, sfk_admin, event, registration):
    waiting = RegistrationFactory(event=event, status="waiting")
    client.force_login(sfk_admin)
    url = reverse("events:participant_move", args=[event.slug, waiting.pk])
    response = client.post(url, {"to": "confirmed"}, follow=True)
    assert "Arrangementet er fullt" in response.content.decode()
    client.post(reverse("events:participant_move", args=[event.slug, registration.pk]), {"to": "waiting"})
    client.post(url, {"to": "confirmed"})
    waiting.refresh_from_db()
    registration.refresh_from_db()
    assert waiting.is_confirmed and registration.is_waiting


def test_bad_email_form_400(client, sfk_admin, event):
    client.force_login(sfk_admin)
    response = client.post(reverse("events:participant_email", args=[event.slug]), {"subject": "", "body": ""})
    assert response.status_code == 400
    assert 'class="ds-validation-message"' in response.content.decode()


def test_cancel_event_notifies(client, sfk_admin, event, registration, django_capture_on_commit_callbacks):
    client.force_login(sfk_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:cancel", args=[event.slug]))
    assert Event.objects.get().is_cancelled
    assert [m.to for m in mail.outbox] == [[registration.email]]


def test_registration_of_another_event_is_404(client, sfk_admin, event):
    other = RegistrationFactory()
    client.force_login(sfk_admin)
    response = client.post(reverse("events:participant_attendance", args=[event.slug, other.pk]), {"attended": "yes"})
    assert response.status_code == 404
    assert Registration.objects.get(pk=other.pk).attended is None


def test_django_admin_event_pages(admin_client, event, registration):
    client = admin_client  # superusers only
    for url in [
        reverse("admin:events_event_changelist"),
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_registration_changelist"),
        reverse("admin:events_recording_changelist"),
    ]:
        assert client.get(url).status_code == 200, url


def test_admin_pages_have_breadcrumbs_back_to_the_admin_list(client, sfk_admin, event):
    client.force_login(sfk_admin)
    html = client.get(reverse("events:participant_email", args=[event.slug])).content.decode()
    crumbs = html[html.index('class="ds-breadcrumbs"') : html.index("</nav>", html.index('class="ds-breadcrumbs"'))]
    hrefs = [
        reverse("home"),
        reverse("events:list"),
        reverse("events:admin_list"),
        reverse("events:participants", args=[event.slug]),
    ]
    positions = [crumbs.index(f'href="{href}"') for href in hrefs]
    assert positions == sorted(positions)
    assert 'aria-current="page">E-post</a>' in crumbs


def test_sfk_approves_and_declines_in_the_participant_list(client, sfk_admin, django_capture_on_commit_callbacks):
    event = EventFactory(slug="innforing", audience=Event.Audience.MEMBERS, capacity=5)
    first = RegistrationFactory(event=event, name="Per Partner", status=Registration.Status.PENDING)
    second = RegistrationFactory(event=event, name="Pia Partner", status=Registration.Status.PENDING)
    client.force_login(sfk_admin)
    url = reverse("events:participants", args=[event.slug])
    html = assert_page(client, url, max_queries=12).content.decode()
    assert "2 venter på godkjenning" in html
    assert 'Godkjenn<span class="visually-hidden">: Per Partner</span>' in html
    decide = reverse("events:participant_decision", args=[event.slug, first.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide, {"decision": "approve"}, follow=True)
    assert "er godkjent og har fått plass" in response.content.decode()
    decide = reverse("events:participant_decision", args=[event.slug, second.pk])
    response = client.post(decide, {"decision": "decline"}, follow=True)
    assert "er avslått" in response.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_confirmed and second.is_declined
    # Deciding twice is refused with a message, not an error page.
    response = client.post(decide, {"decision": "approve"}, follow=True)
    assert response.status_code == 200 and "venter ikke på godkjenning" in response.content.decode()


def test_admin_list_shows_fifty_events_a_page_newest_first_with_their_counts(client, sfk_admin):
    import datetime as dt

    from django.utils import timezone

    start = timezone.now() + dt.timedelta(days=10)
    events = [EventFactory(title=f"Kurs {n:02}", start=start + dt.timedelta(days=n)) for n in range(51)]
    RegistrationFactory(event=events[50], status="confirmed")
    RegistrationFactory(event=events[50], status="waiting")
    client.force_login(sfk_admin)
    first = client.get(reverse("events:admin_list")).content.decode()
    assert "Kurs 50" in first and "Kurs 01" in first and "Kurs 00" not in first
    assert first.index("Kurs 50") < first.index("Kurs 49")
    assert reverse("events:event_edit", args=[events[50].slug]) in first
    row = first[first.index("Kurs 50") : first.index("</tr>", first.index("Kurs 50"))]
    assert "<td>1</td>\n          <td>1</td>" in row  # confirmed, waiting
    second = client.get(reverse("events:admin_list") + "?page=2").content.decode()
    assert "Kurs 00" in second and "Kurs 01" not in second
