"""Logged-in pages kept rendered in the process (core.personal), through the coordinator pages
that use it: a change shows at once, nothing is shared between users, the CSRF token and the
messages stay live."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from municipalities import services as unit_services
from municipalities.models import Coordinator
from tests.helpers import Client
from tests.measures.factories import MeasureFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_page_cache_on")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def _page_cache_on():
    with override_settings(PAGE_CACHE_ENABLED=True):
        yield


def _get(client, path):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    return html, len(queries)


def test_my_unit_is_kept_and_a_change_shows_at_once(client, unit_a, coordinator_a, django_capture_on_commit_callbacks):
    client.force_login(coordinator_a)
    first, first_queries = _get(client, "/min-slt-enhet/")
    again, again_queries = _get(client, "/min-slt-enhet/")
    assert "Koordinator A" in first and "Koordinator A" in again
    assert again_queries < first_queries  # kept: no unit or coordinator query
    entry = Coordinator.objects.get(unit=unit_a)
    entry.title = "Rådgiver forebygging"
    with django_capture_on_commit_callbacks(execute=True):
        unit_services.coordinator_save(coordinator=entry, by=coordinator_a)
    assert "Rådgiver forebygging" in client.get("/min-slt-enhet/").content.decode()


def test_pages_are_never_shared_between_users(unit_a, unit_b, coordinator_a, coordinator_b):
    a, b = Client(), Client()
    a.force_login(coordinator_a)
    b.force_login(coordinator_b)
    MeasureFactory(unit=unit_a, title="Tiltak hos A")
    MeasureFactory(unit=unit_b, title="Tiltak hos B")
    for path, mark in [("/min-slt-enhet/", "SLT Enhet"), ("/tiltak/mine/", "Tiltak hos")]:
        for _ in range(2):  # rendered, then kept
            page_a, page_b = a.get(path).content.decode(), b.get(path).content.decode()
            assert f"{mark} A" in page_a and f"{mark} B" not in page_a
            assert f"{mark} B" in page_b and f"{mark} A" not in page_b


def test_a_kept_page_carries_the_sessions_own_live_csrf_token(unit_a, coordinator_a):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(coordinator_a)
    second.force_login(coordinator_a)
    first.get("/min-slt-enhet/")
    kept = second.get("/min-slt-enhet/").content.decode()  # the same user: served from memory
    tokens = set(TOKEN.findall(kept))
    assert tokens and "\x00" not in kept
    response = second.post(f"/slt-enhet/{unit_a.slug}/bekreft/", {"csrfmiddlewaretoken": tokens.pop()})
    assert response.status_code == 302  # the token is valid for this session


def test_messages_are_shown_and_not_kept(client, unit_a, coordinator_a):
    client.force_login(coordinator_a)
    client.get("/min-slt-enhet/")
    response = client.post(f"/slt-enhet/{unit_a.slug}/bekreft/", follow=True)
    assert "Takk! Opplysningene er bekreftet." in response.content.decode()
    assert "Takk! Opplysningene er bekreftet." not in client.get("/min-slt-enhet/").content.decode()


def test_the_measure_edit_form_is_kept_and_shows_a_saved_change_at_once(client, unit_a, coordinator_a):
    from measures import services as measure_services

    draft = MeasureFactory(unit=unit_a, title="Første utkast")
    client.force_login(coordinator_a)
    path = f"/tiltak/{draft.pk}/rediger/"
    first, first_queries = _get(client, path)
    again, again_queries = _get(client, path)
    assert "Første utkast" in first and "Første utkast" in again
    assert again_queries < first_queries
    measure_services.measure_update(measure=draft, by=coordinator_a, data={"title": "Andre utkast"})
    page = client.get(path).content.decode()
    assert "Andre utkast" in page and "Første utkast" not in page
