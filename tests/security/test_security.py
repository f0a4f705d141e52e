"""Security review regressions: hostile input never gives a 500, tokens, redirects, enumeration,
lockout, escaping, and exports of personal data."""

import pytest
from django.core import signing
from django.urls import reverse

from outbox.models import OutboxMessage
from tests.events.factories import EventFactory, RegistrationFactory
from tests.factories import TEST_PASSWORD, CoordinatorFactory, UserFactory
from tests.helpers import Client
from tests.measures.factories import published

pytestmark = pytest.mark.django_db

HOSTILE = ["1); DROP TABLE x;--", "'", "²", "٣", "-1", "0", "99999999999999999999999", "1e9", "<script>", "x" * 500]


@pytest.fixture
def client_500():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", ["/tiltak/", "/tiltak/eksport.csv", "/tiltak/eksport.xlsx"])
@pytest.mark.parametrize(
    "param", ["q", "page", "sort", "theme", "arena", "age", "level", "evidence", "county", "status"]
)
def test_measure_search_hostile_values_never_500(client_500, unit_a, url, param):
    published(unit=unit_a, title="Publisert A", ungsinn_level=3)
    for value in HOSTILE:
        response = client_500.get(url, {param: value})
        assert response.status_code == 200, (param, value)


def test_evidence_unicode_digit_is_ignored(client, unit_a):
    """'²'.isdigit() is true but int('²') raised: the facet now accepts ASCII digits only."""
    published(unit=unit_a, title="Nivå tre", ungsinn_level=3)
    response = client.get("/tiltak/", {"evidence": "²"})
    assert response.status_code == 200
    assert "Nivå tre" in response.content.decode()
    filtered = client.get("/tiltak/", {"evidence": "1"})
    assert "Nivå tre" not in filtered.content.decode()


@pytest.mark.parametrize("year", ["0", "-1", "99999999999999999999999", "abc", "²"])
def test_recording_archive_out_of_range_year(client_500, year):
    response = client_500.get(reverse("events:recordings"), {"ar": year})
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/finn-koordinator/", "/dokumenter/", "/arrangementer/", "/aktuelt/"])
def test_public_lists_hostile_values(client_500, url):
    for param in ["q", "page", "kind", "county", "type", "theme", "language"]:
        for value in HOSTILE:
            assert client_500.get(url, {param: value}).status_code in (200, 400), (param, value)


# --- Tokens ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    ["x", "abc:def", signing.dumps({"r": 1}, salt="other"), signing.dumps({"r": "1"}, salt="events.registration")],
    ids=["short", "malformed", "other-salt", "wrong-type"],  # signed tokens carry a timestamp: stable ids for xdist
)
def test_registration_token_tampered_is_4xx(client_500, token):
    RegistrationFactory()
    assert client_500.get(reverse("events:registration", args=[token])).status_code == 404
    assert client_500.post(reverse("events:registration_cancel", args=[token])).status_code == 404


def test_registration_token_is_not_an_invitation_token(client_500):
    registration = RegistrationFactory()
    from events.tokens import registration_token

    url = reverse("municipalities:invitation_accept", args=[registration_token(registration)])
    assert client_500.get(url).status_code == 400


@pytest.mark.parametrize(
    "token", ["x", "a" * 300, signing.dumps({"i": 1, "n": "x"}, salt="other")], ids=["short", "long", "other-salt"]
)
def test_invitation_token_tampered_is_400(client_500, token):
    assert client_500.get(reverse("municipalities:invitation_accept", args=[token])).status_code == 400


def test_password_reset_bad_token_is_not_500(client_500):
    user = UserFactory()
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    response = client_500.get(
        reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": "bad-token"}), follow=True
    )
    assert response.status_code == 200
    assert "new_password1" not in response.content.decode()


# --- Enumeration, lockout, redirects ---------------------------------------------------------------


def test_password_reset_does_not_reveal_accounts(client):
    UserFactory(email="finnes@example.no")
    known = client.post(reverse("accounts:password_reset"), {"email": "finnes@example.no"})
    unknown = client.post(reverse("accounts:password_reset"), {"email": "finnes-ikke@example.no"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert OutboxMessage.objects.count() == 1


def _login(client, email, password):
    return client.post(reverse("accounts:login"), {"username": email, "password": password})


def test_login_lockout_with_email_field(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="laas@example.no")
    for _attempt in range(3):
        _login(client, "laas@example.no", "feil")
    # Locked out even with the right password, and changing the case of the address does not help.
    assert _login(client, "laas@example.no", TEST_PASSWORD).status_code == 429
    assert _login(client, "LAAS@example.no", TEST_PASSWORD).status_code == 429


def test_login_case_variants_count_towards_one_lockout(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="laas@example.no")
    for email in ["laas@example.no", "LAAS@example.no", "Laas@Example.no"]:
        _login(client, email, "feil")
    assert _login(client, "laas@example.no", TEST_PASSWORD).status_code == 429


@pytest.mark.parametrize("target", ["https://evil.example.com/", "//evil.example.com/", "/\\evil.example.com"])
def test_login_next_open_redirect(client, target):
    user = UserFactory()
    response = client.post(
        reverse("accounts:login") + "?next=" + target, {"username": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert "evil" not in response["Location"]


# --- Escaping -------------------------------------------------------------------------------------


def test_in_language_escapes_text_and_language():
    from core.templatetags.portal import in_language

    html = in_language("<img src=x onerror=alert(1)>", '"><script>')
    assert "<img" not in html and "<script" not in html


def test_markdown_link_schemes():
    from core.markup import render_markdown

    for href in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x"]:
        html = render_markdown(f"[lenke]({href})").html
        assert "href" not in html or href.split(":")[0].lower() not in html.lower()
    assert 'href="https://example.no"' in render_markdown("[lenke](https://example.no)").html


def test_directory_search_echo_is_escaped(client):
    response = client.get(reverse("municipalities:search"), {"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)" not in response.content.decode()


def test_measure_search_echo_is_escaped(client):
    response = client.get(reverse("measures:list"), {"q": '"><script>alert(1)</script>'})
    assert "<script>alert(1)" not in response.content.decode()


def test_coverage_map_titles_are_escaped(client, unit_a):
    municipality = unit_a.memberships.first().municipality
    municipality.name = "<script>x</script>"
    municipality.number = "4601"  # one the map has an area for
    municipality.save()
    from municipalities.map import coverage_svg
    from municipalities.selectors import place_rows

    svg = coverage_svg(place_rows())
    assert "<script>" not in svg
    assert "&lt;script&gt;x&lt;/script&gt;: SLT i drift" in svg


def test_county_list_and_coverage_table_escape_names(client, unit_a):
    municipality = unit_a.memberships.first().municipality
    municipality.name = "<script>x</script>"
    municipality.save()
    unit_a.name = '<img src=x onerror="y">'
    unit_a.save()
    for url in ("/fylker/", "/dekningskart/"):
        html = client.get(url).content.decode()
        assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    html = client.get("/fylker/").content.decode()
    assert "<img src=x" not in html and "&lt;img src=x onerror=&quot;y&quot;&gt;" in html


# --- Personal data exports ------------------------------------------------------------------------


def test_directory_csv_has_public_fields_only(client, unit_a):
    CoordinatorFactory(unit=unit_a, name="Offentlig Person", is_public=True)
    CoordinatorFactory(unit=unit_a, name="Skjult Person", is_public=False)
    unit_a.sfk_notes = "hemmelig notat"
    unit_a.save()
    body = client.get(reverse("municipalities:export")).content.decode()
    assert "Offentlig Person" in body
    assert "Skjult Person" not in body and "hemmelig notat" not in body


@pytest.mark.parametrize("name", ["participants_csv", "participants_xlsx", "participants"])
def test_participant_exports_are_sfk_only(client, roles, name):
    event = EventFactory()
    RegistrationFactory(event=event)
    url = reverse(f"events:{name}", args=[event.slug])
    assert client.get(url).status_code == 302
    client.force_login(roles["coordinator_a"])
    assert client.get(url).status_code == 403
    client.force_login(roles["sfk_admin"])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["sfk_export_csv", "sfk_export_xlsx"])
def test_sfk_exports_are_sfk_only(client, roles, name):
    url = reverse(name)
    assert client.get(url).status_code == 302
    client.force_login(roles["coordinator_a"])
    assert client.get(url).status_code == 403
    client.force_login(roles["sfk_admin"])
    assert client.get(url).status_code == 200


# --- Stored content reaches pages escaped ---------------------------------------------------------

PAYLOAD = '<img src=x onerror=alert(1)> "><script>alert(2)</script> [x](javascript:alert(3))'


def _no_payload(html: str):
    assert "<img src=x" not in html
    assert "<script>alert(2)" not in html
    assert 'href="javascript' not in html.lower()


def test_info_page_body_and_toc_escaped(client):
    from documents.content import ensure_pages
    from documents.models import InfoPage

    ensure_pages(InfoPage)
    page = InfoPage.objects.get(slug="om-slt")
    page.body = f"## Første {PAYLOAD}\n\ntekst {PAYLOAD}\n\n## Andre\n\nmer"
    page.save()
    response = client.get(reverse("documents:about"))
    assert response.status_code == 200
    _no_payload(response.content.decode())


def test_measure_and_event_text_escaped(client, unit_a):
    measure = published(unit=unit_a, title=f"Tiltak {PAYLOAD}", description=PAYLOAD, summary=PAYLOAD)
    _no_payload(client.get(measure.get_absolute_url()).content.decode())
    _no_payload(client.get(reverse("measures:list")).content.decode())
    event = EventFactory(title=f"Samling {PAYLOAD}", description=PAYLOAD)
    _no_payload(client.get(event.get_absolute_url()).content.decode())
    _no_payload(client.get(reverse("events:list")).content.decode())


def test_measure_exports_contain_published_measures_only(client, unit_a):
    from tests.measures.factories import MeasureFactory

    published(unit=unit_a, title="Offentlig tiltak")
    MeasureFactory(unit=unit_a, title="Hemmelig utkast")
    for url in [reverse("measures:export_csv"), reverse("measures:export_xlsx")]:
        response = client.get(url)
        assert response.status_code == 200
    body = client.get(reverse("measures:export_csv")).content.decode()
    assert "Offentlig tiltak" in body and "Hemmelig utkast" not in body


def test_directory_hides_ended_and_hidden_entries(client, unit_a, coordinator_b):
    from django.utils import timezone

    CoordinatorFactory(unit=unit_a, name="Sluttet Person", is_public=True, ended_at=timezone.now())
    CoordinatorFactory(unit=unit_a, name="Skjult Person", is_public=False)
    assert "Sluttet Person" not in client.get(reverse("municipalities:export")).content.decode()
    client.force_login(coordinator_b)  # another unit's coordinator sees only the public entries
    page = client.get(unit_a.get_absolute_url()).content.decode()
    assert "Skjult Person" not in page and "Sluttet Person" not in page


def test_lockout_behind_proxy_is_per_client_address(client, settings):
    """Behind the proxy every request has the proxy's REMOTE_ADDR; the lockout must use the client's."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(email="offer@example.no")
    url = reverse("accounts:login")
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.9", "REMOTE_ADDR": "10.0.0.2"}
    for _attempt in range(3):
        client.post(url, {"username": "offer@example.no", "password": "feil"}, **attacker)
    assert client.post(url, {"username": "offer@example.no", "password": TEST_PASSWORD}, **attacker).status_code == 429
    victim = {"HTTP_X_FORWARDED_FOR": "198.51.100.7", "REMOTE_ADDR": "10.0.0.2"}
    response = Client().post(url, {"username": "offer@example.no", "password": TEST_PASSWORD}, **victim)
    assert response.status_code == 302
