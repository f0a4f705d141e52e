"""Sfk's invitation page, keyboard only: from the dashboard to the list, filter, revoke and resend;
the page passes axe in all three languages."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from municipalities.models import Invitation
from outbox.models import OutboxMessage
from tests.factories import TEST_PASSWORD, CoordinatorFactory, InvitationFactory, SLTUnitFactory, UserFactory

from .test_events import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def admin(db):
    return UserFactory(sfk_admin=True, email="sfk@sfk.example.no", full_name="Siri Sfk")


@pytest.fixture
def invitations(admin):
    unit = SLTUnitFactory(name="SLT Tastatur", slug="tastatur")
    pending = InvitationFactory(
        coordinator=CoordinatorFactory(unit=unit, user=None, name="Kari Venter", email="kari@kommune.example.no"),
        created_by=admin,
    )
    expired = InvitationFactory(
        coordinator=CoordinatorFactory(unit=unit, user=None, name="Ola Utlopt", email="ola@kommune.example.no"),
        created_by=admin,
        created_at=timezone.now() - dt.timedelta(days=9),
        expires_at=timezone.now() - dt.timedelta(days=2),
    )
    return pending, expired


def test_revoke_and_resend_with_the_keyboard(live_server, page, axe, login, admin, invitations):
    pending, expired = invitations
    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/sfk/")
    expect(page.locator("main")).to_contain_text("invitasjon venter på svar")
    tab_to(page, "el.textContent.trim() === 'Invitasjoner'", limit=300)
    page.keyboard.press("Enter")
    page.wait_for_url("**/sfk/invitasjoner/")
    expect(page.locator("main tbody tr")).to_have_count(2)
    axe(page)

    # The filter is a plain GET form: choose "Utløpt" with the keyboard and submit.
    tab_to(page, "el.id === 'id_status'")
    page.keyboard.type("Utl")  # the select's type-ahead
    tab_to(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Vis'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sfk/invitasjoner/?status=utlopt")
    expect(page.locator("main tbody tr")).to_have_count(1)
    expect(page.locator("main tbody")).to_contain_text("Ola Utlopt")

    tab_to(page, "el.textContent.trim() === 'Send igjen: Ola Utlopt, ola@kommune.example.no'", limit=200)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("En ny invitasjon er sendt til ola@kommune.example.no.")
    assert page.url.endswith("/sfk/invitasjoner/?status=utlopt")
    assert OutboxMessage.objects.filter(to=["ola@kommune.example.no"]).count() == 1
    axe(page)

    page.goto(f"{live_server.url}/sfk/invitasjoner/?status=venter")
    expect(page.locator("main tbody tr")).to_have_count(2)  # Kari's, and Ola's new one
    tab_to(page, "el.textContent.trim() === 'Trekk tilbake: Kari Venter, kari@kommune.example.no'", limit=200)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Invitasjonen til kari@kommune.example.no er trukket tilbake.")
    expect(page.locator("main tbody tr")).to_have_count(1)
    axe(page)
    pending.refresh_from_db()
    assert pending.revoked_at is not None
    assert Invitation.objects.pending().get().coordinator == expired.coordinator


@pytest.mark.parametrize("prefix,heading", [("/nn", "Invitasjonar"), ("/en", "Invitations")])
def test_invitation_page_passes_axe_in_other_languages(
    live_server, page, axe, login, admin, invitations, prefix, heading
):
    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}{prefix}/sfk/invitasjoner/")
    assert page.locator("h1").inner_text() == heading
    axe(page)
