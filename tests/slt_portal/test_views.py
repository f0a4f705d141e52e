import pytest

from tests.helpers import assert_page, assert_pages


@pytest.mark.django_db
def test_foundation_pages_render_in_all_languages(client):
    assert_pages(
        client, ["/sok/", "/konto/logg-inn/", "/konto/glemt-passord/", "/konto/glemt-passord/sendt/"], max_queries=3
    )
    # The home page also states the directory's coverage (municipalities.selectors.covered_municipalities():
    # one aggregate query, issue 10 item 11 and issue 14), next to three events and three articles.
    assert_pages(client, ["/"], max_queries=3)


@pytest.mark.django_db
def test_account_pages_render_for_logged_in_user(client, coordinator_a):
    client.force_login(coordinator_a)
    assert_pages(client, ["/konto/", "/konto/mine-data/", "/konto/passord/"], max_queries=10)


@pytest.mark.django_db
def test_account_subpages_lead_back_to_my_page_in_breadcrumbs(client, coordinator_a):
    client.force_login(coordinator_a)
    for url in ["/nn/konto/mine-data/", "/nn/konto/passord/"]:
        html = client.get(url).content.decode()
        crumbs = html.split('class="ds-breadcrumbs"', 1)[1].split("</nav>", 1)[0]
        assert '<a class="ds-link" href="/nn/konto/">Mi side</a>' in crumbs, url
        assert 'aria-current="page"' in crumbs, url


@pytest.mark.django_db
def test_home_explains_slt_and_links_to_main_sections(client):
    html = client.get("/").content.decode()
    assert "forebygge rus og kriminalitet" in html
    for url in [
        "/finn-koordinator/",
        "/tiltak/",
        "/dokumenter/",
        "/arrangementer/",
        "/aktuelt/",
        "/om-slt/",
        "/kontakt/",
    ]:
        assert f'href="{url}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix,heading", [("", "Fant ikke siden"), ("/nn", "Fann ikkje sida"), ("/en", "Page not found")]
)
def test_404_page_is_friendly_in_each_language(client, prefix, heading):
    response = assert_page(client, f"{prefix}/finnes-ikke/", status=404, max_queries=2)
    assert heading in response.content.decode()


@pytest.mark.django_db
def test_403_page_has_heading_and_way_back(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.get("/admin/login/")
    assert response.status_code == 403
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'href="/"' in html
    # The coordinator cannot see this page at all, so the text must not say they can.
    assert "Er du logget inn med riktig konto?" in html and "Du kan se denne siden" not in html


def test_500_and_400_pages_render_without_database(rf):
    from slt_portal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert response.content.decode().count("<h1") == 1
    assert "Noe gikk galt" in response.content.decode()


@pytest.mark.django_db
def test_400_page(client, rf):
    from slt_portal.views import bad_request

    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = bad_request(request)
    assert response.status_code == 400
    assert "Noe var galt med forespørselen" in response.content.decode()


@pytest.mark.django_db
def test_robots_txt_disallows_everything_once_demo_data_is_loaded(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /\n" not in body and "Disallow: /konto/" in body
    from accounts import demo

    demo.load(log=lambda *_: None)
    assert "Disallow: /\n" in client.get("/robots.txt").content.decode()


@pytest.mark.django_db
def test_healthz_checks_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_unavailable(client):
    from unittest import mock

    from django.db import OperationalError, connection

    with mock.patch.object(connection, "cursor", side_effect=OperationalError("connection refused")) as cursor:
        response = client.get("/healthz")
    assert cursor.called
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "error", "database": "unavailable"}
    assert "connection refused" not in response.content.decode()  # no internals in the answer


@pytest.mark.django_db
def test_favicon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico")


@pytest.mark.django_db
def test_home_shows_upcoming_events_latest_news_and_coordinator_search(client):
    import datetime as dt

    from django.utils import timezone

    from documents.models import NewsArticle
    from events.models import Event

    now = timezone.now()
    Event.objects.create(
        title="SLT-konferansen 2027",
        slug="slt-2027",
        kind="conference",
        summary="To dager.",
        start=now + dt.timedelta(days=30),
        end=now + dt.timedelta(days=31),
        status="published",
    )
    NewsArticle.objects.create(
        title="Ny håndbok", slug="ny-handbok", lead="Kort.", body="Tekst.", publish_at=now - dt.timedelta(hours=1)
    )
    html = assert_page(client, "/", max_queries=7).content.decode()
    assert "SLT-konferansen 2027" in html
    assert "Ny håndbok" in html
    assert 'action="/finn-koordinator/"' in html and 'name="q"' in html
    assert "Avlyst" not in html
    Event.objects.filter(slug="slt-2027").update(status="cancelled")
    html = client.get("/en/").content.decode()
    assert "SLT-konferansen 2027" in html and ">Cancelled</span>" in html


@pytest.mark.django_db
def test_header_links_sfk_admins_to_their_area(client, sfk_admin, coordinator_a):
    client.force_login(coordinator_a)
    assert 'href="/sfk/"' not in client.get("/").content.decode()
    client.force_login(sfk_admin)
    assert 'href="/sfk/"' in client.get("/").content.decode()
    assert 'href="/en/sfk/"' in client.get("/en/").content.decode()
