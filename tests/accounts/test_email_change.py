"""Changing the login address: the current password is asked for, and the address changes only when
the link sent to the new address is opened."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import TEST_PASSWORD, UserFactory
from tests.helpers import assert_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def per(client):
    user = UserFactory(email="per@example.no", full_name="Per", preferred_language="nb")
    client.force_login(user)
    return user


def _request_change(client, django_capture_on_commit_callbacks, **extra):
    data = {"full_name": "Per", "email": "per.ny@example.no", "preferred_language": "nb", **extra}
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/konto/", data)


def _confirm_path(message) -> str:
    return re.search(r"https?://\S+(/konto/bekreft-epost/\S+/)", message.body).group(1)


def test_changing_the_address_needs_the_current_password(client, per, django_capture_on_commit_callbacks):
    for password in ["", "feil-passord"]:
        response = _request_change(client, django_capture_on_commit_callbacks, current_password=password)
        assert response.status_code == 400
        assert 'id="id_current_password_error"' in response.content.decode()
    per.refresh_from_db()
    assert per.email == "per@example.no"
    assert mail.outbox == []


def test_new_address_changes_only_after_the_link_is_opened(client, per, django_capture_on_commit_callbacks):
    response = _request_change(client, django_capture_on_commit_callbacks, current_password=TEST_PASSWORD)
    assert response.status_code == 302
    per.refresh_from_db()
    assert per.email == "per@example.no"  # not yet
    [message] = mail.outbox
    assert message.to == ["per.ny@example.no"]
    path = _confirm_path(message)

    page = assert_page(client, path)
    assert "per.ny@example.no" in page.content.decode()
    assert page["Cache-Control"] == "private, no-store"
    per.refresh_from_db()
    assert per.email == "per@example.no"  # a GET (a mail scanner) changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path).status_code == 302
    per.refresh_from_db()
    assert per.email == "per.ny@example.no"
    assert mail.outbox[-1].to == ["per@example.no"]  # the old address is told
    # The link is spent, and logging in works with the new address only.
    assert client.post(path).status_code == 400
    client.logout()
    login = reverse("accounts:login")
    assert client.post(login, {"username": "per.ny@example.no", "password": TEST_PASSWORD}).status_code == 302


def test_address_taken_meanwhile_is_refused(client, per, django_capture_on_commit_callbacks):
    _request_change(client, django_capture_on_commit_callbacks, current_password=TEST_PASSWORD)
    path = _confirm_path(mail.outbox[0])
    User.objects.create_user(email="per.ny@example.no", password="x")
    response = client.post(path)
    assert response.status_code == 400
    assert "allerede i bruk" in response.content.decode()
    per.refresh_from_db()
    assert per.email == "per@example.no"


@pytest.mark.parametrize("token", ["x", "a" * 300, "eyJ1IjoxfQ:1tXYZ:abc"])
def test_tampered_confirmation_link_is_400(client, token):
    assert client.get(reverse("accounts:email_confirm", args=[token])).status_code == 400
    assert client.post(reverse("accounts:email_confirm", args=[token])).status_code == 400


def test_confirmation_links_per_account_are_rate_limited(client, per, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_CHANGE_RATE_LIMIT = 2
    for n in range(3):
        _request_change(
            client, django_capture_on_commit_callbacks, email=f"per{n}@example.no", current_password=TEST_PASSWORD
        )
    assert len(mail.outbox) == 2
