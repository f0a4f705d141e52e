import pytest

from measures.managed_lists import load_managed_lists
from measures.models import Classification, Measure, Theme
from tests.documents.factories import PublicationFactory
from tests.factories import (
    TEST_PASSWORD,
    CoordinatorFactory,
    MunicipalityFactory,
    SLTUnitFactory,
    UnitMunicipalityFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coordinator():
    load_managed_lists(Theme, Classification)  # browser tests truncate reference data
    unit = SLTUnitFactory(name="SLT Fjordby")
    UnitMunicipalityFactory(unit=unit, municipality=MunicipalityFactory(name="Fjordby"))
    user = UserFactory(email="koordinator@fjordby.example.no", full_name="Kari Koordinator")
    CoordinatorFactory(unit=unit, user=user, name="Kari Koordinator", email=user.email)
    return user


def _type_into(page, label, text):
    page.get_by_label(label, exact=True).focus()
    page.keyboard.type(text)


def _enter(page):
    """Press Enter on the focused element and wait for the page it loads."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _check(page, label):
    page.get_by_label(label, exact=True).focus()
    page.keyboard.press("Space")


def test_coordinator_registers_publishes_and_finds_measure_by_keyboard(live_server, page, axe, login, coordinator):
    login(page, coordinator.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/tiltak/ny/")
    axe(page)

    # Submitting an empty form shows the error summary and messages next to the fields.
    page.get_by_role("button", name="Lagre som utkast").focus()
    _enter(page)
    assert page.locator(".ds-error-summary").is_visible()
    assert page.get_by_text("Velg minst ett tema.").first.is_visible()
    axe(page)

    _type_into(page, "Tittel (må fylles ut)", "Tiltak for trygg skolevei")
    _type_into(page, "Kort sammendrag (må fylles ut)", "Foreldre og skole gjør skoleveien tryggere.")
    _check(page, "Trafikk")
    _check(page, "6–12 år")
    _check(page, "Universell")
    page.get_by_role("button", name="Lagre som utkast").focus()
    _enter(page)
    assert page.get_by_text("Tiltaket er lagret som utkast.").is_visible()
    measure = Measure.objects.get()
    assert measure.state == Measure.State.DRAFT

    page.get_by_role("button", name="Publiser i tiltaksbanken").focus()
    _enter(page)
    assert page.get_by_text("Tiltaket er publisert i tiltaksbanken.").is_visible()
    assert page.locator("h1").inner_text() == "Tiltak for trygg skolevei"
    axe(page)

    # Log out and find it in the public bank with an inflected word.
    page.get_by_role("button", name="Logg ut").focus()
    _enter(page)
    page.goto(f"{live_server.url}/tiltak/")
    axe(page)
    page.get_by_label("Søk i tiltak", exact=True).focus()
    page.keyboard.type("tiltakene")
    _enter(page)
    assert "q=tiltakene" in page.url
    link = page.get_by_role("link", name="Tiltak for trygg skolevei")
    assert link.is_visible()
    axe(page)
    link.focus()
    _enter(page)
    assert page.url.endswith(f"/tiltak/{measure.pk}-tiltak-for-trygg-skolevei/")


def test_bank_detail_and_form_pass_axe_in_nynorsk_and_english(live_server, page, axe, login, coordinator):
    from measures import services

    unit = coordinator.coordinator_entries.get().unit
    measure = services.measure_create(
        unit=unit,
        by=None,
        data={
            "title": "Leksehjelp",
            "summary": "Hjelp med lekser.",
            "description": "## Slik\n\nTekst.",
            "language": "nn",
            "contact_name": "Kari",
            "contact_email": "kari@example.no",
            "status": "active",
            "themes": list(Theme.objects.filter(slug="skole-frafall")),
            "ungsinn_level": 0,
            "ungsinn_url": "https://ungsinn.no/post_tiltak/demo/",
        },
    )
    services.measure_publish(measure=measure, by=None)
    report = PublicationFactory(
        unit=unit, title="Evaluering av leksehjelp", kind="report", file="", file_type="", external_url="https://x.no"
    )
    services.measure_update(measure=measure, by=None, data={"documents": [report]})
    other = SLTUnitFactory(name="SLT Nabobyen")
    CoordinatorFactory(unit=other, name="Per Peer")
    copy = services.measure_copy(source=measure, unit=other, by=None)
    services.measure_publish(measure=copy, by=None)
    for prefix in ["/nn", "/en"]:
        page.goto(f"{live_server.url}{prefix}/tiltak/?theme=skole-frafall&sort=title")
        assert page.locator("html").get_attribute("lang") == prefix[1:]
        axe(page)
        page.goto(f"{live_server.url}{prefix}{measure.get_absolute_url()}")
        assert page.get_by_text("Per Peer").is_visible()
        assert page.get_by_role("link", name="Evaluering av leksehjelp").is_visible()
        axe(page)
    login(page, coordinator.email, TEST_PASSWORD)
    for prefix in ["/nn", "/en"]:
        page.goto(f"{live_server.url}{prefix}/tiltak/ny/")
        assert page.locator("html").get_attribute("lang") == prefix[1:]
        axe(page)


@pytest.mark.parametrize("width", [390, 1280])
def test_filter_checkboxes_follow_the_url_after_back_and_forward(live_server, page, coordinator, width):
    """Issue 10 #13: after going back, the results were those of the URL but the checkboxes still
    showed the abandoned selection (back/forward cache and the browser's form refill)."""
    from measures import services

    unit = coordinator.coordinator_entries.get().unit
    for title, slugs in [("Voldsforebygging", ["vold"]), ("Narkotikaprat", ["narkotika"])]:
        measure = services.measure_create(
            unit=unit,
            by=None,
            data={
                "title": title,
                "summary": "Demo.",
                "contact_name": "Kari",
                "contact_email": "kari@example.no",
                "status": "active",
                "themes": list(Theme.objects.filter(slug__in=slugs)),
            },
        )
        services.measure_publish(measure=measure, by=None)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/tiltak/?theme=vold")
    narkotika = page.locator("input[name=theme][value=narkotika]")
    assert page.locator("input[name=theme][value=vold]").is_checked() and not narkotika.is_checked()
    narkotika.check()
    page.get_by_label("Sorter etter").select_option("title")
    with page.expect_navigation():
        page.get_by_role("button", name="Bruk filtre").click()
    assert "theme=narkotika" in page.url
    assert page.get_by_role("link", name="Narkotikaprat").is_visible()

    page.go_back()
    assert page.url.endswith("/tiltak/?theme=vold")
    assert page.locator("input[name=theme][value=vold]").is_checked()
    assert not narkotika.is_checked(), "the abandoned selection is still checked"
    assert page.get_by_label("Sorter etter").input_value() != "title"
    assert not page.get_by_role("link", name="Narkotikaprat").is_visible()

    page.go_forward()
    assert "theme=narkotika" in page.url
    assert narkotika.is_checked() and page.locator("input[name=theme][value=vold]").is_checked()
    assert page.get_by_label("Sorter etter").input_value() == "title"
