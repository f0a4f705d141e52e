"""Deleting a person's data (issue 11 item 7): self-service for coordinators from "Dine data", and
Sfk's action on the user page. The account is anonymised and deactivated, never deleted."""

import pytest
from django.urls import reverse

from accounts.models import User
from municipalities.models import Coordinator
from tests.helpers import assert_pages

pytestmark = pytest.mark.django_db


def test_pages_render_in_every_language(client, coordinator_a, sfk_admin):
    client.force_login(coordinator_a)
    assert_pages(client, ["/konto/mine-data/slett/"])
    client.force_login(sfk_admin)
    assert_pages(client, [f"/konto/brukere/{coordinator_a.pk}/slett-opplysninger/"])


def test_coordinator_deletes_own_details_from_my_data(client, coordinator_a):
    entry = Coordinator.objects.get(user=coordinator_a)
    old_email = entry.email
    client.force_login(coordinator_a)
    assert reverse("accounts:my_data_delete") in client.get(reverse("accounts:my_data")).content.decode()
    page = client.get(reverse("accounts:my_data_delete")).content.decode()
    assert "Dette kan ikke angres." in page
    response = client.post(reverse("accounts:my_data_delete"), follow=True)
    assert "Opplysningene dine er slettet" in response.content.decode()
    user = User.objects.get(pk=coordinator_a.pk)  # kept, anonymised
    assert not user.is_active and user.full_name == "" and "@slettet.invalid" in user.email
    entry.refresh_from_db()
    assert entry.ended_at is not None and entry.email != old_email and entry.phone == ""
    assert not response.wsgi_request.user.is_authenticated


def test_sfk_anonymises_a_person_on_request_but_not_themself(client, sfk_admin, coordinator_a):
    client.force_login(sfk_admin)
    detail = client.get(reverse("accounts:user_detail", args=[coordinator_a.pk])).content.decode()
    assert reverse("accounts:user_anonymise", args=[coordinator_a.pk]) in detail
    response = client.post(reverse("accounts:user_anonymise", args=[coordinator_a.pk]))
    assert response.status_code == 302
    assert not User.objects.get(pk=coordinator_a.pk).is_active
    assert client.get(reverse("accounts:user_anonymise", args=[sfk_admin.pk])).status_code == 403
    # an already anonymised (inactive) account is not offered again
    assert client.get(reverse("accounts:user_anonymise", args=[coordinator_a.pk])).status_code == 404
