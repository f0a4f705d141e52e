import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail

from accounts.models import User
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_login_with_email_is_case_insensitive_and_uses_preferred_language(client):
    UserFactory(email="Kari.Nordmann@Example.no", preferred_language="en")
    response = client.post("/konto/logg-inn/", {"username": "kari.nordmann@example.no", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/en/konto/"


def test_login_with_wrong_password_shows_message_next_to_form_and_400(client):
    UserFactory(email="kari@example.no")
    response = client.post("/konto/logg-inn/", {"username": "kari@example.no", "password": "feil"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Feil e-post eller passord" in html
    assert "ds-error-summary" in html


def test_login_with_malformed_email_gives_field_error(client):
    response = client.post("/konto/logg-inn/", {"username": "ikke-en-adresse", "password": "x"})
    assert response.status_code == 400
    assert 'id="id_username_error"' in response.content.decode()


def test_logout_requires_post_and_logs_out(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/konto/logg-ut/")
    assert response.status_code == 200
    assert "Du er logget ut" in response.content.decode()
    assert client.get("/konto/").status_code == 302


def test_password_reset_flow_in_users_language(client, django_capture_on_commit_callbacks):
    user = UserFactory(email="nina@example.no", preferred_language="nn")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/glemt-passord/", {"email": "NINA@example.no"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nina@example.no"]
    assert "Nokon (forhåpentleg du)" in message.body  # nynorsk, the user's language
    link = re.search(r"https?://[^\s]+/nn/konto/glemt-passord/[^\s]+/", message.body).group(0)
    assert link.startswith(settings.SITE_URL + "/")  # SITE_URL, not the request's host
    path = urlsplit(link).path
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "ein-heilt-ny-lang-kode-9", "new_password2": "ein-heilt-ny-lang-kode-9"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("ein-heilt-ny-lang-kode-9")


def test_password_reset_for_unknown_email_reveals_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/glemt-passord/", {"email": "ukjent@example.no"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_password_reset_with_bad_email_is_400_with_field_message(client):
    response = client.post("/konto/glemt-passord/", {"email": "ikke gyldig"})
    assert response.status_code == 400
    assert 'id="id_email_error"' in response.content.decode()


def test_tampered_reset_link_shows_clear_page(client):
    response = client.get("/konto/glemt-passord/MQ/feil-token/")
    assert response.status_code == 200
    assert "Lenken virker ikke" in response.content.decode()


def test_account_page_changes_name_and_language(client):
    user = UserFactory(email="per@example.no")
    client.force_login(user)
    response = client.post(
        "/konto/", {"full_name": "Per Hansen", "email": "per@example.no", "preferred_language": "en"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/konto/"
    user.refresh_from_db()
    assert (user.full_name, user.email, user.preferred_language) == ("Per Hansen", "per@example.no", "en")


def test_account_page_refuses_email_of_another_account_and_saves_nothing(client):
    UserFactory(email="opptatt@example.no")
    user = UserFactory(email="per@example.no", full_name="Per")
    client.force_login(user)
    response = client.post(
        "/konto/", {"full_name": "Nytt navn", "email": "OPPTATT@example.no", "preferred_language": "nb"}
    )
    assert response.status_code == 400
    assert "allerede i bruk" in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Per" and user.email == "per@example.no"


def test_account_page_empty_post_is_400_with_field_messages(client):
    user = UserFactory(email="per@example.no", full_name="Per")
    client.force_login(user)
    response = client.post("/konto/", {})
    assert response.status_code == 400
    assert 'id="id_email_error"' in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Per" and user.email == "per@example.no"


def test_password_change_with_wrong_old_password_is_400(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/konto/passord/", {"old_password": "feil", "new_password1": "x", "new_password2": "y"})
    assert response.status_code == 400
    assert 'id="id_old_password_error"' in response.content.decode()


def test_my_data_page_and_download(client, coordinator_a):
    client.force_login(coordinator_a)
    html = client.get("/konto/mine-data/").content.decode()
    assert coordinator_a.email in html
    response = client.get("/konto/mine-data/?format=json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = response.json()
    assert data["account"]["email"] == coordinator_a.email
    assert data["coordinator_entries"][0]["unit"] == "SLT Enhet A"


def test_email_unique_case_insensitive_in_database():
    from django.db import IntegrityError, transaction

    UserFactory(email="dup@example.no")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user(email="DUP@example.no", password="x")


def test_passwords_hashed_with_argon2_in_production_settings():
    from slt_portal import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_password_reset_emails_are_limited_per_address(client, django_capture_on_commit_callbacks, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 3
    UserFactory(email="flom@example.no")
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/konto/glemt-passord/", {"email": "FLOM@example.no"})
        assert response.status_code == 302  # same answer every time
    assert len(mail.outbox) == 3
