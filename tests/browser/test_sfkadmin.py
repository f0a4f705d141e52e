import pytest
from playwright.sync_api import expect

from measures.models import Classification, Theme
from municipalities.models import Municipality
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import TEST_PASSWORD, CoordinatorFactory, SLTUnitFactory, UnitMunicipalityFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def national(municipalities):
    # Migrations seed these lists, but an earlier browser test may have emptied the tables.
    Theme.objects.get_or_create(slug="vold", defaults={"name": "Vold", "name_nn": "Vald", "name_en": "Violence"})
    Classification.objects.get_or_create(
        kind=Classification.Kind.AGE_BAND, slug="13-15", defaults={"name": "13–15 år", "name_en": "13–15 years"}
    )
    unit = SLTUnitFactory(name="SLT Bergen", slug="bergen")
    UnitMunicipalityFactory(unit=unit, municipality=Municipality.objects.current().get(number="4601"))
    coordinator = CoordinatorFactory(unit=unit, name="Kari Koordinator", user__full_name="Kari Koordinator").user
    RegistrationFactory(event=EventFactory(title="SLT-konferansen"))
    admin = UserFactory(sfk_admin=True, full_name="Siri Sfk", email="siri@sfk.example.no")
    return admin, coordinator


def test_sfk_admin_journey_with_axe(live_server, page, axe, login, national):
    admin, coordinator = national
    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/konto/")
    page.locator("#main").get_by_role("link", name="Sfk-administrasjon").click()
    page.wait_for_url("**/sfk/")
    assert "1 / 357" in page.content() and "SLT-konferansen" in page.content()
    axe(page)

    page.get_by_role("link", name="Brukerkontoer og roller").click()
    page.wait_for_url("**/konto/brukere/")
    axe(page)
    page.get_by_label("Søk etter navn eller e-post").fill("kari")
    page.get_by_role("search", name="Søk i brukerkontoer").get_by_role("button", name="Søk").click()
    page.wait_for_url("**/konto/brukere/?*q=kari*")
    page.get_by_role("link", name="Kari Koordinator").click()
    expect(page.locator("main")).to_contain_text("SLT Bergen")
    axe(page)

    # Deactivate the coordinator; the page says so and the account stays listed.
    page.get_by_label("Kontoen er aktiv").uncheck()
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator("main")).to_contain_text("Endringene for Kari Koordinator er lagret.")
    coordinator.refresh_from_db()
    assert not coordinator.is_active

    # Refusing to demote oneself: the message sits next to the field.
    page.goto(f"{live_server.url}/konto/brukere/{admin.pk}/")
    page.get_by_label("Sfk-administrator").uncheck()
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator("#id_is_sfk_admin_error")).to_be_visible()
    axe(page)


def test_sfk_pages_in_other_languages_pass_axe(live_server, page, axe, login, national):
    admin, coordinator = national
    login(page, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/en/sfk/")
    assert page.locator("h1").inner_text() == "Sfk administration"
    axe(page)
    page.goto(f"{live_server.url}/nn/konto/brukere/")
    assert page.locator("h1").inner_text() == "Brukarkontoar og roller"
    axe(page)
    page.goto(f"{live_server.url}/en/konto/brukere/{coordinator.pk}/")
    axe(page)
