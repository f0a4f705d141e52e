import os

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's chromium (Playwright cannot download browsers here); no background network.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def axe():
    checker = Axe()

    def check(page):
        results = checker.run(page)
        assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"

    return check


@pytest.fixture
def login(live_server):
    """Log a user in through the real login form, and through the two-factor code step when the
    user needs it (an authenticator is created for Sfk admins who have none)."""

    def do_login(page, email, password):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from accounts.models import User
        from accounts.two_factor import current_code, two_factor_required

        user = User.objects.get(email__iexact=email)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None and two_factor_required(user):
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        page.goto(f"{live_server.url}/konto/logg-inn/")
        page.get_by_label("E-post").fill(email)
        page.get_by_label("Passord").fill(password)
        page.get_by_role("button", name="Logg inn").click()
        page.wait_for_url(lambda url: "/logg-inn/" not in url)
        if device is not None:
            page.wait_for_url(lambda url: "/tofaktor/kode/" in url)
            TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)  # a second login within 30 s
            device.refresh_from_db()
            page.get_by_label("Kode").fill(current_code(device))
            page.get_by_role("button", name="Fortsett").click()
            page.wait_for_url(lambda url: "/tofaktor/" not in url)

    return do_login
