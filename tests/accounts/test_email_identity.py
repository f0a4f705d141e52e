"""One form of an e-mail address everywhere (core.text.normalize_email): login, lockout, password
reset, invitations and uniqueness all see the same address, whatever spelling was typed. Runs on
SQLite and PostgreSQL (whose UPPER() folds differently from Python's lower())."""

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import User
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LONG_S = "\u017f"  # LATIN SMALL LETTER LONG S: NFKC → "s"
KELVIN = "\u212a"  # KELVIN SIGN: NFKC → "K"
CONFUSABLES = [
    f"laa{LONG_S}4@example.no",
    "LAAS4@EXAMPLE.NO",
    "ｌａａｓ4@example.no",  # full-width letters
    f"laa{LONG_S.upper()}4@example.no",
]


def _login(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


@pytest.mark.parametrize("typed", [*CONFUSABLES, " laas4@example.no "])
def test_normalize_email_gives_one_form(typed):
    from core.text import normalize_email

    assert normalize_email(typed) == "laas4@example.no"
    assert normalize_email(normalize_email(typed)) == normalize_email(typed)


def test_kelvin_sign_and_sharp_s_fold():
    from core.text import normalize_email

    assert normalize_email(f"{KELVIN}ari@example.no") == "kari@example.no"
    assert normalize_email("Straße@example.no") == "strasse@example.no"


@pytest.mark.parametrize("typed", CONFUSABLES)
def test_lockout_cannot_be_bypassed_with_a_confusable_spelling(client, settings, typed):
    """The reported attack: after the lockout, U+017F in place of "s" logged in (and each variant gave
    AXES_FAILURE_LIMIT more guesses)."""
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="laas4@example.no")
    for _attempt in range(3):
        _login(client, "laas4@example.no", "feil")
    assert _login(client, "laas4@example.no", TEST_PASSWORD).status_code == 429
    assert _login(client, typed, TEST_PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_confusable_failures_count_towards_the_same_lockout(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="laas4@example.no")
    for typed in CONFUSABLES[:3]:
        _login(client, typed, "feil")
    assert _login(client, "laas4@example.no", TEST_PASSWORD).status_code == 429


@pytest.mark.parametrize("typed", CONFUSABLES)
def test_login_with_a_confusable_spelling_finds_the_account(client, typed):
    UserFactory(email="laas4@example.no")
    assert _login(client, typed, TEST_PASSWORD).status_code == 302


def test_addresses_are_stored_normalised_and_unique_in_every_spelling():
    user = User.objects.create_user(email=f"Laa{LONG_S}4@Example.NO", password="x")
    assert user.email == "laas4@example.no"
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="ｌａａｓ4@example.no", password="x")
    factory_made = UserFactory(email="KARI@Example.no")  # any write path, not only forms
    factory_made.refresh_from_db()
    assert factory_made.email == "kari@example.no"


def test_password_reset_reaches_the_account_by_a_confusable_spelling(client, django_capture_on_commit_callbacks):
    UserFactory(email="laas4@example.no")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": f"laa{LONG_S}4@example.no"})
    assert [m.to for m in mail.outbox] == [["laas4@example.no"]]


def test_password_reset_limit_counts_every_spelling_as_one_address(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PASSWORD_RESET_RATE_LIMIT = 2
    UserFactory(email="laas4@example.no")
    for typed in CONFUSABLES:
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(reverse("accounts:password_reset"), {"email": typed}).status_code == 302
    assert len(mail.outbox) == 2


def test_profile_form_refuses_a_confusable_spelling_of_another_account(client):
    UserFactory(email="laas4@example.no")
    user = UserFactory(email="per@example.no", full_name="Per")
    client.force_login(user)
    data = {"full_name": "Per", "email": f"laa{LONG_S}4@example.no", "preferred_language": "nb"}
    response = client.post("/konto/", {**data, "current_password": TEST_PASSWORD})
    assert response.status_code == 400
    assert "allerede i bruk" in response.content.decode()


# --- The migration that normalises existing rows ---------------------------------------------------


def _migration():
    import importlib

    return importlib.import_module("accounts.migrations.0003_normalise_emails")


def test_migration_normalises_existing_addresses():
    from django.apps import apps

    user = UserFactory(email="kari@example.no")
    User.objects.filter(pk=user.pk).update(email=f"KARI.{LONG_S}OLBERG@Example.no")  # as stored before
    _migration().normalise_emails(apps, None)
    user.refresh_from_db()
    assert user.email == "kari.solberg@example.no"


def test_migration_stops_with_a_report_when_two_accounts_collide():
    from django.apps import apps

    first = UserFactory(email="laas4@example.no")
    second = UserFactory(email="other@example.no")
    User.objects.filter(pk=second.pk).update(email=f"laa{LONG_S}4@example.no")  # possible before the fix
    with pytest.raises(Exception, match="would share an address") as info:
        _migration().normalise_emails(apps, None)
    report = str(info.value)
    assert f"user id {first.pk}" in report and f"user id {second.pk}" in report and "laas4@example.no" in report
    assert "Nothing was changed" in report
    second.refresh_from_db()
    assert second.email == f"laa{LONG_S}4@example.no"
