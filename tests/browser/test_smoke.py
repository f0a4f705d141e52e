import pytest
from playwright.sync_api import expect

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_language_switch_login_and_axe(live_server, page, axe, login):
    user = UserFactory(email="ola@example.no", full_name="Ola Nordmann", preferred_language="nn")
    page.goto(live_server.url + "/")
    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == "nb"
    axe(page)

    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    axe(page)

    login(page, user.email, TEST_PASSWORD)
    # Preferred language (nynorsk) applies at login.
    assert "/nn/" in page.url
    assert page.locator("html").get_attribute("lang") == "nn"
    axe(page)


def test_error_page_and_login_form_errors_pass_axe(live_server, page, axe):
    page.goto(live_server.url + "/finnes-ikke/")
    assert page.locator("h1").count() == 1
    axe(page)
    page.goto(live_server.url + "/konto/logg-inn/")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    axe(page)


@pytest.mark.parametrize("prefix", ["", "/nn", "/en"])
def test_foundation_pages_pass_axe_in_each_language(live_server, page, axe, login, prefix):
    user = UserFactory(email="axe@example.no", preferred_language="nb")
    for path in ["/", "/sok/", "/konto/logg-inn/", "/konto/glemt-passord/", "/konto/glemt-passord/sendt/"]:
        page.goto(f"{live_server.url}{prefix}{path}")
        assert page.locator("h1").count() == 1
        axe(page)
    login(page, user.email, TEST_PASSWORD)
    for path in ["/konto/", "/konto/mine-data/", "/konto/passord/"]:
        page.goto(f"{live_server.url}{prefix}{path}")
        assert page.locator("h1").count() == 1
        axe(page)


def test_narrow_screen_has_no_horizontal_scroll(live_server, page):
    page.set_viewport_size({"width": 320, "height": 800})
    for path in ["/", "/konto/logg-inn/"]:
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
