"""The open data API (/api/v1/): only public data, the measure bank's results, pagination bounds
and JSON errors. HTTP behaviour (304, CORS, 429) is in test_api_http.py, the schema fuzz test in
test_api_schema.py, the documentation pages in test_api_docs.py."""

import datetime as dt

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from documents.models import Publication
from events.models import Event
from measures.models import Measure
from measures.search import SearchParams, measure_search
from municipalities.models import Municipality, SLTUnit
from tests.documents.factories import NewsArticleFactory, PublicationFactory, ThemeFactory
from tests.events.factories import EventFactory, RecordingFactory, RegistrationFactory, SessionFactory
from tests.factories import CoordinatorFactory
from tests.measures.factories import MeasureFactory, published
from tests.municipalities.factories import unit_for

pytestmark = pytest.mark.django_db


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def all_results(client, url):
    """Every item of a list, following `next`."""
    items, page = [], 1
    while True:
        sep = "&" if "?" in url else "?"
        data = get(client, f"{url}{sep}page={page}&page_size=100")
        items += data["results"]
        if data["next"] is None:
            return items
        page += 1


# --- only public data -------------------------------------------------------------------------


def test_units_show_only_active_public_coordinators(client, unit_a):
    shown = CoordinatorFactory(unit=unit_a, name="Synlig Koordinator", phone="+4740000000")
    CoordinatorFactory(unit=unit_a, name="Skjult Koordinator", is_public=False)
    CoordinatorFactory(unit=unit_a, name="Sluttet Koordinator", ended_at=timezone.now())
    unit_a.sfk_notes = "Intern merknad"
    unit_a.save()

    for unit in (get(client, f"/api/v1/units/{unit_a.slug}"), all_results(client, "/api/v1/units")[0]):
        names = [c["name"] for c in unit["coordinators"]]
        assert "Synlig Koordinator" in names
        assert "Skjult Koordinator" not in names and "Sluttet Koordinator" not in names
        coordinator = next(c for c in unit["coordinators"] if c["name"] == shown.name)
        assert coordinator["phone"] == "+4740000000"  # E.164
        assert set(coordinator) == {"name", "title", "position_percent", "employer", "org_placement", "email", "phone"}
    body = client.get("/api/v1/units").content.decode()
    assert "Intern merknad" not in body and "photo" not in body and "sfk_notes" not in body


def test_measures_only_published(client, unit_a):
    shown = published(unit=unit_a, title="Publisert tiltak")
    draft = MeasureFactory(unit=unit_a, title="Utkast tiltak")
    archived = MeasureFactory(unit=unit_a, title="Arkivert tiltak", state=Measure.State.ARCHIVED)

    ids = [m["id"] for m in all_results(client, "/api/v1/measures")]
    assert ids == [shown.pk]
    get(client, f"/api/v1/measures/{shown.pk}")
    get(client, f"/api/v1/measures/{draft.pk}", status=404)
    get(client, f"/api/v1/measures/{archived.pk}", status=404)


def test_measure_fields_are_localized_terms(client, unit_a):
    m = published(
        unit=unit_a,
        themes=["mobbing"],
        classifications={"arenas": ["skole"], "age_bands": ["13-15"]},
        ungsinn_level=4,
        ungsinn_url="https://ungsinn.no/tiltak/x/",
        contact_name="Kari Kontakt",
    )
    data = get(client, f"/api/v1/measures/{m.pk}")
    assert data["themes"] == [{"slug": "mobbing", "name": {"nb": "Mobbing", "nn": "Mobbing", "en": "Bullying"}}]
    assert data["arenas"][0] == {"slug": "skole", "name": {"nb": "Skole", "nn": "Skule", "en": "School"}}
    assert data["evidence"]["slug"] == "4"
    assert data["status"]["slug"] == "active" and set(data["status"]["name"]) == {"nb", "nn", "en"}
    assert data["unit"]["slug"] == unit_a.slug
    assert "Kari Kontakt" not in str(data)  # contact persons stay on the page, not in bulk data


def test_restricted_publications_never_appear(client, unit_a):
    open_pub = PublicationFactory(title="Åpen håndbok")
    restricted = PublicationFactory(title="Intern mal", is_restricted=True)
    newer_restricted = PublicationFactory(title="Ny intern utgave", is_restricted=True, replaces=open_pub)

    listed = all_results(client, "/api/v1/publications")
    assert [p["slug"] for p in listed] == []  # the open one is replaced: the library lists current editions
    data = get(client, f"/api/v1/publications/{open_pub.slug}")
    assert data["download_url"].endswith(f"/dokumenter/{open_pub.slug}/last-ned/")
    assert data["replaced_by"] is None  # the newer edition is restricted
    get(client, f"/api/v1/publications/{restricted.slug}", status=404)
    get(client, f"/api/v1/publications/{newer_restricted.slug}", status=404)

    other = PublicationFactory(title="Veileder", kind=Publication.Kind.GUIDE)
    assert [p["slug"] for p in all_results(client, "/api/v1/publications")] == [other.slug]
    assert "Intern" not in client.get("/api/v1/publications").content.decode()


def test_measure_documents_leave_out_restricted_publications(client, unit_a):
    m = published(unit=unit_a)
    m.documents.set([PublicationFactory(title="Åpen rapport"), PublicationFactory(title="Lukket", is_restricted=True)])
    assert [d["title"] for d in get(client, f"/api/v1/measures/{m.pk}")["documents"]] == ["Åpen rapport"]


def test_news_only_published(client):
    shown = NewsArticleFactory(title="Publisert nyhet")
    draft = NewsArticleFactory(title="Utkast", publish_at=None)
    scheduled = NewsArticleFactory(title="Planlagt", publish_at=timezone.now() + dt.timedelta(days=2))
    assert [a["slug"] for a in all_results(client, "/api/v1/news")] == [shown.slug]
    get(client, f"/api/v1/news/{draft.slug}", status=404)
    get(client, f"/api/v1/news/{scheduled.slug}", status=404)


def test_events_public_only_without_registrations_or_join_link(client):
    upcoming = EventFactory(
        title="Konferansen", format=Event.Format.HYBRID, join_url="https://meet.example.no/hemmelig"
    )
    SessionFactory(event=upcoming, speaker="Innleder Navn")
    RegistrationFactory(event=upcoming, name="Deltaker Hemmelig", email="deltaker@example.no")
    draft = EventFactory(title="Utkast", status=Event.Status.DRAFT)
    cancelled = EventFactory(title="Avlyst", status=Event.Status.CANCELLED)
    start = timezone.now() - dt.timedelta(days=40)
    past = EventFactory(title="I fjor", start=start, end=start + dt.timedelta(hours=3))
    RecordingFactory(event=past, title="Opptaket")

    upcoming_slugs = [e["slug"] for e in all_results(client, "/api/v1/events")]
    assert upcoming_slugs == [upcoming.slug, cancelled.slug]  # by start, then id
    past_list = all_results(client, "/api/v1/events?period=past")
    assert [e["slug"] for e in past_list] == [past.slug]
    assert past_list[0]["recordings"][0]["title"] == "Opptaket"
    get(client, f"/api/v1/events/{draft.slug}", status=404)

    body = client.get(f"/api/v1/events/{upcoming.slug}").content.decode()
    assert "Innleder Navn" in body
    for secret in ("Deltaker Hemmelig", "deltaker@example.no", "hemmelig", upcoming.invite_token):
        assert secret not in body


def test_municipalities_use_the_directorys_status(client, municipalities):
    unit = unit_for("4601", name="SLT Bergen")
    unit_for("1103", name="SLT Stavanger", status=SLTUnit.Status.ESTABLISHING)
    bergen = get(client, "/api/v1/municipalities/4601")
    assert bergen["status"] == "active"
    assert bergen["status_text"] == {"nb": "SLT i drift", "nn": "SLT i drift", "en": "SLT in operation"}
    assert bergen["unit"]["slug"] == unit.slug
    assert get(client, "/api/v1/municipalities/1103")["status"] == "establishing"
    assert get(client, "/api/v1/municipalities/1151")["status"] is None
    listed = all_results(client, "/api/v1/municipalities")
    assert len(listed) == Municipality.objects.current().count()
    assert [m["number"] for m in listed] == sorted(m["number"] for m in listed)
    vestland = all_results(client, "/api/v1/municipalities?county=46")
    assert {m["county"] for m in vestland} == {"46"} and "4601" in [m["number"] for m in vestland]
    counties = {c["number"]: c for c in all_results(client, "/api/v1/counties")}
    assert counties["46"]["coverage"]["covered"] == 1
    assert get(client, "/api/v1/counties/46") == counties["46"]


# --- the measure bank's results ------------------------------------------------------------------


@pytest.fixture
def bank(unit_a, unit_b):
    specs = [
        ("Mobbeprogram i skolen", ["mobbing"], {"arenas": ["skole"], "age_bands": ["6-12"]}, 5),
        ("Foreldremøter om rus", ["rus-alkohol"], {"arenas": ["hjem-familie"], "age_bands": ["13-15"]}, None),
        ("Natteravner", ["kriminalitet", "rus-alkohol"], {"arenas": ["naermiljo"], "age_bands": ["16-18"]}, 2),
        ("Skolemiljø og trivsel", ["mobbing", "psykisk-helse"], {"arenas": ["skole"], "age_bands": ["13-15"]}, 0),
    ]
    measures = []
    for i, (title, themes, classifications, level) in enumerate(specs):
        measures.append(
            published(
                unit=unit_a if i % 2 else unit_b,
                title=title,
                themes=themes,
                classifications=classifications,
                ungsinn_level=level,
                ungsinn_url="https://ungsinn.no/x/" if level is not None else "",
                published_at=timezone.now() - dt.timedelta(days=i),
            )
        )
    MeasureFactory(unit=unit_a, title="Mobbeutkast", themes=["mobbing"])
    return measures


@pytest.mark.parametrize(
    "query",
    [
        "",
        "theme=mobbing",
        "theme=mobbing&theme=rus-alkohol",
        "arena=skole&age=13-15",
        "evidence=none",
        "evidence=5&evidence=0",
        "status=active",
        "q=skolen",
        "q=mobbing&theme=mobbing",
        "sort=title",
        "sort=newest&theme=rus-alkohol",
    ],
)
def test_measure_filters_equal_the_measure_bank(client, bank, query):
    expected, _facets = measure_search(params=SearchParams.from_querydict(QueryDict(query)))
    expected_ids = [m.pk for m in expected[:100]]
    got = get(client, f"/api/v1/measures?{query}&page_size=100")
    assert [m["id"] for m in got["results"]] == expected_ids
    assert got["count"] == len(expected_ids)
    # and the public page shows the same measures
    page = client.get(f"/tiltak/?{query}").content.decode()
    for item in got["results"]:
        assert item["url"].removeprefix("http://127.0.0.1:8000") in page


def test_unknown_filter_values_are_422(client, bank):
    data = get(client, "/api/v1/measures?theme=finnes-ikke&age=13-15", status=422)
    assert "theme=finnes-ikke" in data["detail"]
    get(client, "/api/v1/measures?sort=tilfeldig", status=422)
    get(client, "/api/v1/measures?evidence=6", status=422)
    get(client, f"/api/v1/measures?q={'x' * 201}", status=422)


# --- pagination and errors ---------------------------------------------------------------------


def test_pagination_bounds(client, municipalities):
    first = get(client, "/api/v1/municipalities?page_size=100")
    assert first["count"] == 357 and first["pages"] == 4 and len(first["results"]) == 100
    assert first["previous"] is None and first["next"].endswith("page_size=100&page=2")
    last = get(client, "/api/v1/municipalities?page_size=100&page=4")
    assert len(last["results"]) == 57 and last["next"] is None
    seen = [
        m["number"]
        for p in range(1, 5)
        for m in get(client, f"/api/v1/municipalities?page_size=100&page={p}")["results"]
    ]
    assert len(seen) == len(set(seen)) == 357
    assert "page" in get(client, "/api/v1/municipalities?page=5&page_size=100", status=404)["detail"].lower()
    for bad in ("page=0", "page=-1", "page=abc", "page_size=0", "page_size=101", "page_size=1e3"):
        data = get(client, f"/api/v1/municipalities?{bad}", status=422)
        assert data["detail"] and data["errors"]
    empty = get(client, "/api/v1/news")
    assert empty["count"] == 0 and empty["pages"] == 1 and empty["results"] == []


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/municipalities/abcd",
        "/api/v1/municipalities/123",
        "/api/v1/counties/4",
        "/api/v1/measures/abc",
        "/api/v1/measures/0",
        "/api/v1/measures/99999999999999999999",
        "/api/v1/units?status=gone",
        "/api/v1/units?county=x",
        "/api/v1/events?period=later",
        "/api/v1/events?kind=party",
        "/api/v1/publications?kind=novel",
        "/api/v1/publications?theme=finnes-ikke",
    ],
)
def test_bad_parameters_are_422_json(client, url):
    data = get(client, url, status=422)
    assert data["detail"]


@pytest.mark.parametrize(
    "url",
    ["/api/v1/units/finnes-ikke", "/api/v1/municipalities/9999", "/api/v1/counties/99", "/api/v1/measures/12345"],
)
def test_missing_objects_are_404_json(client, url):
    assert get(client, url, status=404)["detail"]


def test_nul_characters_are_400_json(client):
    assert get(client, "/api/v1/measures?q=a%00b", status=400)["detail"]
    assert get(client, "/api/v1/units/a%00b", status=400)["detail"]


def test_list_query_counts_do_not_grow_with_rows(client, unit_a, unit_b, municipalities, one_rate_window):
    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def add_rows(n):
        for _i in range(n):
            theme = ThemeFactory()
            m = published(unit=unit_a, themes=[theme.slug], classifications={"arenas": ["skole"]})
            m.documents.set([PublicationFactory()])
            CoordinatorFactory(unit=unit_b)
            NewsArticleFactory()
            event = EventFactory()
            SessionFactory(event=event)
            RecordingFactory(event=event)

    urls = ["/api/v1/measures", "/api/v1/units", "/api/v1/publications", "/api/v1/news", "/api/v1/events"]
    urls += ["/api/v1/municipalities", "/api/v1/counties"]
    add_rows(1)
    before = {url: count(url) for url in urls}
    add_rows(4)
    assert {url: count(url) for url in urls} == before


def test_list_answers_built_without_ninja_validation_are_what_their_schemas_make_of_them(client, unit_a):
    """The measure and unit lists answer with their records as built (api.base.built_response):
    each page must be exactly what pydantic makes of it through the operation's response schema,
    field order, types and all (the bytes the API sent before it skipped that validation)."""
    import json

    from ninja.responses import NinjaJSONEncoder

    from slt_portal.api.directory import UnitPage
    from slt_portal.api.measure_bank import MeasurePage

    CoordinatorFactory(unit=unit_a, phone="+4740000000")
    document = PublicationFactory(unit=unit_a)
    measure = published(unit=unit_a, themes=["mobbing"], classifications={"arenas": ["skole"], "age_bands": ["13-15"]})
    measure.documents.add(document)
    published(unit=unit_a, ungsinn_level=None, report_links="https://a.example\n\n https://b.example ")
    for url, schema in (("/api/v1/measures", MeasurePage), ("/api/v1/units", UnitPage)):
        response = client.get(url)
        assert response.status_code == 200
        data = response.json()
        assert data["results"]
        validated = schema.model_validate(data).model_dump()
        assert response.content == json.dumps(validated, cls=NinjaJSONEncoder).encode()
