import pytest

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
    assert page.locator(".ds-error-summary").is_visible()
    axe(page)
