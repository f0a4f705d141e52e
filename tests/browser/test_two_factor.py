"""Two-factor login in the browser: an Sfk admin's first login goes through setup (QR code drawn by
the site), the recovery codes and, next time, the code step; every page passes axe."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import current_code
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, live_server, email, prefix=""):
    page.goto(f"{live_server.url}{prefix}/konto/logg-inn/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(lambda url: "/logg-inn/" not in url)


def test_sfk_admin_sets_up_two_factor_then_uses_the_code_step(live_server, page, axe):
    admin = UserFactory(sfk_admin=True, email="admin@sfk.example.no")
    _log_in(page, live_server, admin.email)
    assert "/konto/tofaktor/" in page.url
    assert page.locator("h1").count() == 1
    assert page.locator("div[role=img] svg").count() == 1
    axe(page)

    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    page.locator("#id_code").fill(current_code(device))
    page.get_by_role("button", name="Slå på").click()
    page.get_by_role("heading", name="Gjenopprettingskoder").wait_for()
    assert page.locator(".recovery-codes li").count() == 10
    axe(page)
    page.get_by_role("link", name="Jeg har tatt vare på kodene, fortsett").click()
    page.wait_for_url("**/konto/")

    page.context.clear_cookies()
    type(admin).objects.filter(pk=admin.pk).update(preferred_language="en")
    _log_in(page, live_server, admin.email, prefix="/en")
    assert "/en/konto/tofaktor/kode/" in page.url
    axe(page)
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # the same 30 s window as setup
    device.refresh_from_db()
    page.locator("#id_code").fill(current_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/en/konto/")
    page.goto(f"{live_server.url}/en/sfk/")
    assert page.locator("h1").count() == 1 and "/sfk/" in page.url
