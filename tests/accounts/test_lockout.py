"""The lockout page suggests a password reset: a completed reset must let the new password in."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "et-helt-nytt-langt-passord-7"


def _login(client, email, password, **extra):
    return client.post(reverse("accounts:login"), {"username": email, "password": password}, **extra)


def _reset_password(client, email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": email})
    link = re.search(r"https?://\S+/konto/glemt-passord/\S+/", mail.outbox[-1].body).group(0)
    response = client.get(link.removeprefix(settings.SITE_URL), follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302


def test_password_reset_clears_the_lockout_for_that_account(client, settings, django_capture_on_commit_callbacks):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="laast@example.no")
    for _attempt in range(3):
        _login(client, "laast@example.no", "feil")
    locked = _login(client, "laast@example.no", TEST_PASSWORD)
    assert locked.status_code == 429
    assert reverse("accounts:password_reset") in locked.content.decode()  # the page suggests a reset
    _reset_password(client, "laast@example.no", django_capture_on_commit_callbacks)
    assert _login(client, "laast@example.no", NEW_PASSWORD).status_code == 302


def test_password_reset_leaves_other_accounts_locked(client, settings, django_capture_on_commit_callbacks):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="laast@example.no")
    UserFactory(email="annen@example.no")
    for email in ["laast@example.no", "annen@example.no"]:
        for _attempt in range(3):
            _login(client, email, "feil")
    _reset_password(client, "laast@example.no", django_capture_on_commit_callbacks)
    assert _login(client, "annen@example.no", TEST_PASSWORD).status_code == 429
