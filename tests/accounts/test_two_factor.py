"""Two-factor login: required for Sfk admins and superusers before any Sfk page (/admin/ too),
optional for coordinators, rate-limited code step, recovery codes, commands for demo and recovery."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client as DjangoClient
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import current_code
from tests.factories import TEST_PASSWORD, UserFactory
from tests.helpers import assert_page, assert_pages

pytestmark = pytest.mark.django_db

SFK_PAGES = ["/sfk/", "/admin/", "/admin/accounts/user/", "/konto/brukere/", "/en/sfk/"]


@pytest.fixture
def raw_client():
    """Django's own client: force_login does not complete the second step."""
    return DjangoClient()


def _device(user):
    return TOTPDevice.objects.create(user=user, name="telefon", confirmed=True)


def _fresh_code(device):
    """The current code, usable again: tests log in several times within 30 s, and django-otp
    makes a device wait a little after each wrong code."""
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1, throttling_failure_count=0)
    device.refresh_from_db()
    return current_code(device)


@pytest.mark.parametrize("superuser", [False, True])
def test_unverified_sfk_admin_is_sent_to_the_code_step_and_never_served_the_page(raw_client, superuser):
    user = UserFactory(sfk_admin=not superuser, is_superuser=superuser)
    _device(user)
    raw_client.force_login(user)
    for url in SFK_PAGES:
        response = raw_client.get(url)
        assert response.status_code == 302, url
        assert "/konto/tofaktor/kode/?next=" in response["Location"], url
    # The admin's own login view sends them to the code step too, not to a form or a 403.
    response = raw_client.get("/admin/login/")
    assert response.status_code == 302 and "/tofaktor/kode/" in response["Location"]


def test_sfk_admin_without_a_device_is_sent_to_setup(raw_client, sfk_admin):
    raw_client.force_login(sfk_admin)
    response = raw_client.get("/sfk/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/tofaktor/?next=%2Fsfk%2F"


def test_login_setup_with_qr_code_and_recovery_codes_then_sfk_pages_open(raw_client, sfk_admin):
    response = raw_client.post("/konto/logg-inn/", {"username": sfk_admin.email, "password": TEST_PASSWORD})
    response = raw_client.get(response["Location"], follow=True)
    assert response.redirect_chain[-1][0].startswith("/konto/tofaktor/?next=")
    html = response.content.decode()
    # The QR code is drawn by the site itself as inline SVG: nothing from another host.
    assert re.search(r'<div role="img" aria-label="[^"]+"><svg ', html)
    assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    device = TOTPDevice.objects.get(user=sfk_admin, confirmed=False)
    assert raw_client.get("/sfk/").status_code == 302  # still not verified

    wrong = raw_client.post("/konto/tofaktor/", {"code": "000000", "next": "/sfk/"})
    assert wrong.status_code == 400 and "Koden stemmer ikke" in wrong.content.decode()
    done = raw_client.post("/konto/tofaktor/", {"code": _fresh_code(device), "next": "/sfk/"})
    assert done.status_code == 200
    codes = re.findall(r"<code>([0-9a-f]{6}-[0-9a-f]{6})</code>", done.content.decode())
    assert len(codes) == 10
    assert StaticToken.objects.filter(device__user=sfk_admin).count() == 10
    assert raw_client.get("/sfk/").status_code == 200
    # Django's admin is for superusers: a verified Sfk admin is sent on to the Sfk workspace.
    assert raw_client.get("/admin/", follow=True).redirect_chain[-1][0] == "/sfk/"


def test_code_step_accepts_the_authenticator_code_and_a_recovery_code_once(raw_client, sfk_admin):
    device = _device(sfk_admin)
    # Recovery codes as setup creates them.
    from accounts.two_factor import recovery_codes_renew

    codes = recovery_codes_renew(user=sfk_admin)
    raw_client.force_login(sfk_admin)
    response = raw_client.post("/konto/tofaktor/kode/", {"code": "123", "next": "/sfk/"})
    assert response.status_code == 400
    response = raw_client.post("/konto/tofaktor/kode/", {"code": _fresh_code(device), "next": "/sfk/"})
    assert response.status_code == 302 and response["Location"] == "/sfk/"
    assert raw_client.get("/sfk/").status_code == 200

    for expected in (302, 400):  # a recovery code works once
        other = DjangoClient()
        other.force_login(sfk_admin)
        response = other.post("/konto/tofaktor/kode/", {"code": codes[0].upper(), "next": "/sfk/"})
        assert response.status_code == expected
    assert StaticToken.objects.filter(device__user=sfk_admin).count() == 9


def test_code_step_refuses_an_unsafe_next_url(raw_client, sfk_admin):
    device = _device(sfk_admin)
    raw_client.force_login(sfk_admin)
    response = raw_client.post("/konto/tofaktor/kode/", {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/konto/"


def test_code_step_is_rate_limited_even_for_the_right_code(raw_client, sfk_admin, settings):
    settings.TWO_FACTOR_RATE_LIMIT = 5
    device = _device(sfk_admin)
    raw_client.force_login(sfk_admin)
    for _attempt in range(5):
        assert raw_client.post("/konto/tofaktor/kode/", {"code": "999999"}).status_code == 400
    response = raw_client.post("/konto/tofaktor/kode/", {"code": _fresh_code(device)})
    assert response.status_code == 429
    assert "For mange forsøk" in response.content.decode()
    assert raw_client.get("/sfk/").status_code == 302


def test_setup_cannot_replace_a_device_before_the_code_step(raw_client, sfk_admin):
    """Someone with only the password must not enrol their own phone."""
    _device(sfk_admin)
    raw_client.force_login(sfk_admin)
    response = raw_client.get("/konto/tofaktor/")
    assert response.status_code == 302 and "/tofaktor/kode/" in response["Location"]
    assert not TOTPDevice.objects.filter(user=sfk_admin, confirmed=False).exists()


def test_two_factor_is_optional_for_coordinators_and_then_required(raw_client, coordinator_a):
    raw_client.force_login(coordinator_a)
    account = raw_client.get("/konto/")
    assert account.status_code == 200
    assert "Slå på tofaktorinnlogging" in account.content.decode()
    raw_client.get("/konto/tofaktor/")
    device = TOTPDevice.objects.get(user=coordinator_a)
    assert raw_client.post("/konto/tofaktor/", {"code": current_code(device)}).status_code == 200

    later = DjangoClient()
    later.post("/konto/logg-inn/", {"username": coordinator_a.email, "password": TEST_PASSWORD})
    response = later.get("/min-slt-enhet/")
    assert response.status_code == 302 and "/tofaktor/kode/" in response["Location"]
    assert later.post("/konto/tofaktor/kode/", {"code": _fresh_code(device)}).status_code == 302
    assert later.get("/konto/").status_code == 200
    # … and they may turn it off again.
    assert later.post("/konto/tofaktor/slaa-av/").status_code == 302
    assert not TOTPDevice.objects.filter(user=coordinator_a).exists()


def test_sfk_admin_cannot_turn_two_factor_off(client, sfk_admin):
    client.force_login(sfk_admin)
    client.post("/konto/tofaktor/slaa-av/")
    assert TOTPDevice.objects.filter(user=sfk_admin, confirmed=True).exists()


def test_two_factor_pages_in_every_language(raw_client, client, sfk_admin, coordinator_a):
    _device(sfk_admin)
    raw_client.force_login(sfk_admin)
    for prefix in ("", "/nn", "/en"):
        assert_page(raw_client, f"{prefix}/konto/tofaktor/kode/", max_queries=8)
    client.force_login(coordinator_a)
    assert_pages(client, ["/konto/tofaktor/", "/konto/"], max_queries=12)


def test_demo_admin_has_an_authenticator_and_demo_otp_prints_a_valid_code(raw_client):
    from accounts import demo

    demo.load(log=lambda *a: None)
    demo.load(log=lambda *a: None)  # idempotent: still one authenticator
    assert TOTPDevice.objects.filter(user__email=demo.DEMO_ADMIN_EMAIL).count() == 1
    out = StringIO()
    call_command("demo_otp", stdout=out)
    code = out.getvalue().strip()
    assert re.fullmatch(r"\d{6}", code)
    raw_client.post("/konto/logg-inn/", {"username": "sfk-admin@example.no", "password": "demo-slt-2026"})
    response = raw_client.post("/konto/tofaktor/kode/", {"code": code, "next": "/sfk/"})
    assert response.status_code == 302 and response["Location"] == "/sfk/"


def test_reset_command_removes_a_users_devices(sfk_admin):
    _device(sfk_admin)
    out = StringIO()
    call_command("reset_two_factor", sfk_admin.email.upper(), stdout=out)
    assert not TOTPDevice.objects.filter(user=sfk_admin).exists()
    assert f"user {sfk_admin.pk}" in out.getvalue()
