import pytest
from playwright.sync_api import expect

from municipalities.models import District
from municipalities.services import invitation_send, invitation_token
from tests.factories import TEST_PASSWORD, CoordinatorFactory, UserFactory
from tests.municipalities.factories import district_unit, unit_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _tab_to(page, predicate_js: str, limit: int = 80):
    """Press Tab until the focused element matches; fails if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate_js}; }})()"):
            return
    raise AssertionError(f"never focused: {predicate_js}")


@pytest.fixture
def directory(municipalities):
    unit = unit_for("4204", name="SLT Kristiansand", slug="kristiansand", coordinator=False)
    CoordinatorFactory(unit=unit, name="Mats Prøvelid", email="mats@kristiansand.example.no")
    unit_for("5520", "5524", "5526", name="SLT Midt-Troms", slug="midt-troms")
    district_unit(District.objects.get(name="Gamle Oslo"), name="SaLTo Gamle Oslo")
    return unit


def test_find_coordinator_with_keyboard_only(live_server, page, axe, directory):
    page.goto(f"{live_server.url}/finn-koordinator/")
    axe(page)
    _tab_to(page, "el.id === 'id_q'")
    page.keyboard.type("Kristiansnad")
    page.keyboard.press("Enter")
    page.wait_for_url("**/finn-koordinator/?q=Kristiansnad")
    assert "Mats Prøvelid" in page.content()
    axe(page)
    _tab_to(page, "el.textContent.trim() === 'Kristiansand' && el.tagName === 'A'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kommune/4204/")
    assert page.locator("h1").inner_text() == "SLT i Kristiansand"
    assert page.get_by_role("link", name="mats@kristiansand.example.no").is_visible()
    axe(page)


def test_public_directory_pages_pass_axe(live_server, page, axe, directory):
    for path in [
        "/fylker/",
        "/kommune/0301/",
        "/kommune/5524/",
        "/kommune/1151/",
        "/slt-enhet/midt-troms/",
        "/finn-koordinator/?q=xqzvw",
        "/nn/finn-koordinator/?q=Oslo",
        "/en/kommune/4204/",
        "/kommune/5622/",  # Sami and Kven name forms with lang
    ]:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        axe(page)


def test_coverage_map_is_skippable_and_passes_axe(live_server, page, axe, directory):
    page.goto(f"{live_server.url}/dekningskart/")
    assert page.locator("svg.coverage-map a").count() == 357
    axe(page)
    _tab_to(page, "el.classList.contains('skip-map')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "coverage-table"
    page.keyboard.press("Tab")
    # The next stop is the table's first municipality link, not a map area.
    assert page.evaluate("document.activeElement.closest('table') !== null")
    page.goto(f"{live_server.url}/en/dekningskart/")
    axe(page)


def test_coordinator_self_service_and_admin_pages_pass_axe(live_server, page, axe, login, directory):
    user = directory.coordinators.get().user
    login(page, user.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/min-slt-enhet/")
    axe(page)
    page.get_by_role("button", name="Opplysningene er riktige").click()
    expect(page.get_by_text("Opplysningene er bekreftet")).to_be_visible()
    page.goto(f"{live_server.url}/slt-enhet/kristiansand/rediger/")
    page.get_by_label("År SLT startet").fill("1800")
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    axe(page)
    page.goto(f"{live_server.url}/koordinator/{directory.coordinators.get().pk}/rediger/")
    axe(page)
    page.goto(f"{live_server.url}/slt-enhet/kristiansand/historikk/")  # the unit's own change log
    axe(page)

    page.context.clear_cookies()
    admin = UserFactory(sfk_admin=True, email="admin@sfk.example.no")
    login(page, admin.email, TEST_PASSWORD)
    for path in [
        "/sfk/slt-enheter/",
        "/sfk/ikke-bekreftet/",
        "/slt-enhet/kristiansand/",
        "/slt-enhet/kristiansand/historikk/",
        "/slt-enhet/kristiansand/ny-koordinator/",
    ]:
        page.goto(live_server.url + path)
        axe(page)
    page.goto(f"{live_server.url}/sfk/slt-enheter/ny/")
    page.get_by_role("button", name="Lagre").click()
    expect(page.locator(".ds-error-summary")).to_be_visible()
    axe(page)


def test_invitation_pages_pass_axe(live_server, page, axe, directory):
    entry = CoordinatorFactory(unit=directory, user=None, name="Nora Ny", email="nora@example.no")
    invitation = invitation_send(coordinator=entry, by=None)
    page.goto(f"{live_server.url}/invitasjon/{invitation_token(invitation)}/")
    axe(page)
    page.locator("#id_password1").fill("et-godt-passord-2026")
    page.locator("#id_password2").fill("et-godt-passord-2026")
    page.get_by_role("button", name="Lag konto").click()
    page.wait_for_url("**/konto/logg-inn/**")
    page.goto(f"{live_server.url}/invitasjon/{invitation_token(invitation)}/")
    assert page.locator("h1").inner_text() == "Lenken kan ikke brukes"
    axe(page)


def test_unit_page_with_measures_and_documents_passes_axe(live_server, page, axe, directory):
    from measures.managed_lists import load_managed_lists
    from measures.models import Classification, Theme
    from tests.documents.factories import PublicationFactory
    from tests.measures.factories import published

    load_managed_lists(Theme, Classification)  # browser tests truncate reference data
    published(unit=directory, title="Natteravn i Kristiansand", classifications={"age_bands": ["13-15"]})
    PublicationFactory(
        unit=directory, title="Handlingsplan 2026", file="", file_type="", external_url="https://example.no/plan"
    )
    for prefix in ["", "/en"]:
        page.goto(f"{live_server.url}{prefix}/slt-enhet/kristiansand/")
        assert page.get_by_role("link", name="Natteravn i Kristiansand").is_visible()
        assert page.get_by_role("link", name="Handlingsplan 2026").is_visible()
        axe(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_phone_number_never_wraps_and_stale_notice_passes_axe(live_server, page, axe, directory, width):
    entry = directory.coordinators.get()
    entry.phone = "+4740000000"
    entry.title = "SLT-koordinator og rådgiver for oppvekst, kultur, fritid og frivillighet i kommunen"
    entry.save()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/slt-enhet/kristiansand/")
    link = page.locator("a[href='tel:+4740000000']")
    expect(link).to_have_text("+47\u00a0400\u00a000\u00a0000")
    box = link.bounding_box()
    line_height = float(link.evaluate("el => parseFloat(getComputedStyle(el).lineHeight) || 24"))
    assert box["height"] < 1.5 * line_height  # one line
    expect(page.locator("#stale-notice")).to_be_visible()  # never confirmed
    axe(page)
