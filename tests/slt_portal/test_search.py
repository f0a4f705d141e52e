"""The site-wide search (/sok/): groups, counts, links to each kind's own list, the query bound."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from documents.models import InfoPage
from slt_portal.search import site_search
from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory
from tests.factories import CoordinatorFactory
from tests.helpers import assert_pages
from tests.measures.factories import published

pytestmark = pytest.mark.django_db


def _groups(client, q, prefix=""):
    response = client.get(f"{prefix}/sok/", {"q": q})
    assert response.status_code == 200
    return response, {group.key: group for group in response.context["groups"]}


def _titles(group):
    return [hit.title for hit in group.hits]


@pytest.mark.parametrize(
    "q,kind,expected",
    [
        ("Fredrikstad kommune", "places", "Fredrikstad"),
        ("Fredrikstd", "places", "Fredrikstad"),  # a typo, as in the directory
        ("foreldrene", "measures", "Foreldremøte på 8. trinn"),
        ("handbok", "publications", "SLT-håndboken"),
        ("handbok", "news", "Ny utgave av SLT-håndboken"),
        ("konferansen 2027", "events", "SLT-konferansen 2027"),
    ],
)
def test_the_four_phrases_find_what_a_person_means(client, site_content, q, kind, expected):
    _response, groups = _groups(client, q)
    assert _titles(groups[kind])[0] == expected


def test_place_words_are_ignored_but_the_name_is_not(client, site_content):
    _response, groups = _groups(client, "Fredrikstad kommune")
    places = groups["places"]
    assert _titles(places)[:2] == ["Fredrikstad", "SLT Fredrikstad"]
    assert places.hits[0].url == "/kommune/3107/"
    assert "SLT Fredrikstad" in places.hits[0].meta  # the municipality's unit
    assert not groups["places"].count == 0
    assert site_search(q="kommune", user=None)[1].count == 0  # only a place word: nothing to match


def test_conference_search_finds_this_years_conference_and_not_the_old_one_first(client, site_content):
    _response, groups = _groups(client, "konferansen 2027")
    events = groups["events"]
    assert _titles(events) == ["SLT-konferansen 2027"]  # not the draft, not 2025
    assert events.list_url == "/arrangementer/?q=konferansen+2027"
    listed = client.get(events.list_url)  # the event list takes the same text (q)
    assert [e.title for e in listed.context["page_obj"]] == ["SLT-konferansen 2027"]
    assert client.get("/arrangementer/", {"q": "nettverksmøte"}).context["page_obj"].paginator.count == 0


def test_groups_show_counts_and_link_to_their_own_list_filtered_by_the_same_text(client, site_content):
    response, groups = _groups(client, "håndbok")
    html = response.content.decode()
    assert [g.key for g in response.context["groups"]] == [
        "pages",
        "places",
        "measures",
        "publications",
        "news",
        "events",
    ]
    expected = {
        "publications": ("/dokumenter/", ["SLT-håndboken"]),
        "news": ("/aktuelt/", ["Ny utgave av SLT-håndboken"]),
    }
    for key, (path, titles) in expected.items():
        group = groups[key]
        assert _titles(group) == titles and group.count == len(titles)
        url = urlsplit(group.list_url)
        assert url.path == path and parse_qs(url.query) == {"q": ["håndbok"]}
        assert f'href="{group.list_url.replace("&", "&amp;")}"' in html
        listed = client.get(group.list_url)
        assert listed.context["page_obj"].paginator.count == group.count
        assert "SLT-håndboken" in listed.content.decode()
    assert f"Dokumenter ({groups['publications'].count})" in html
    assert "Se 1 treff i Dokumenter" in html


def test_measure_group_count_equals_the_measure_bank(client, site_content):
    _response, groups = _groups(client, "foreldre")
    measures = groups["measures"]
    assert measures.count == 1 and measures.list_url == "/tiltak/?q=foreldre"
    listed = client.get(measures.list_url)
    assert [m.title for m in listed.context["page_obj"]] == ["Foreldremøte på 8. trinn"]


def test_past_events_are_found_and_linked_to_the_past_list(client, site_content):
    _response, groups = _groups(client, "konferansen")
    events = groups["events"]
    assert _titles(events) == ["SLT-konferansen 2027", "SLT-konferansen 2025"]  # upcoming first
    assert events.count == 2 and events.list_count == 1
    (label, url), *_ = events.more_links
    assert url == "/arrangementer/tidligere/?q=konferansen"
    past = client.get(url)
    assert [e.title for e in past.context["page_obj"]] == ["SLT-konferansen 2025"]


def test_drafts_restricted_and_scheduled_content_is_not_found(client, site_content):
    for q in ["utkast", "intern håndbok", "kommer", "foreldrekurs"]:
        _response, groups = _groups(client, q)
        hits = [hit.title for group in groups.values() for hit in group.hits]
        assert not {"Foreldrekurs (utkast)", "Intern håndbok for koordinatorer", "Håndbok kommer"} & set(hits), q
        assert "Konferansen 2027: utkast" not in hits


def test_info_pages_are_found_in_the_page_language(client, site_content):
    _response, groups = _groups(client, "tilgjengelighetserklæring", prefix="/en")
    pages = groups["pages"]
    assert pages.count >= 1
    assert pages.hits[0].url.startswith("/en/")


def test_no_match_says_so(client, site_content):
    response, groups = _groups(client, "xyzzyqwerty")
    assert sum(g.count for g in groups.values()) == 0
    assert "Ingen treff for «xyzzyqwerty»" in response.content.decode()


@pytest.mark.parametrize("as_user", [False, True])
def test_search_page_stays_within_twelve_queries(client, site_content, django_assert_max_num_queries, as_user):
    if as_user:  # a coordinator sees restricted publications too: the page still stays bounded
        client.force_login(CoordinatorFactory(unit=site_content["unit"]).user)
    InfoPage.objects.create(slug="slt-i-fredrikstad", title="SLT i Fredrikstad", summary="Et eksempel.", body="Tekst.")
    published(unit=site_content["unit"], title="Natteravn i Fredrikstad", summary="Voksne ute.")
    PublicationFactory(title="Handlingsplan for Fredrikstad", slug="plan-fredrikstad")
    NewsArticleFactory(title="Fredrikstad får pris", slug="pris")
    EventFactory(title="Nettverksmøte i Fredrikstad")
    with django_assert_max_num_queries(12):
        _response, groups = _groups(client, "Fredrikstad")
    assert all(group.count for group in groups.values()), {k: g.count for k, g in groups.items()}


def test_query_count_does_not_grow_with_the_number_of_hits(client, site_content, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/sok/", {"q": "konferansen"})
    for n in range(8):
        EventFactory(title=f"Regionkonferansen {n}")
        published(unit=site_content["unit"], title=f"Konferansen for foreldre {n}")
    with django_assert_num_queries(len(few)):
        client.get("/sok/", {"q": "konferansen"})


def test_search_page_follows_the_page_rules(client, site_content):
    assert_pages(client, ["/sok/", "/sok/?q=h%C3%A5ndbok"], max_queries=12)


def test_empty_query_shows_only_the_form(client, db):
    response = client.get("/sok/", {"q": "   "})
    assert response.status_code == 200
    assert response.context["groups"] == []
    assert 'id="search-q"' in response.content.decode()


def test_header_search_field_is_on_every_page_and_labelled(client, site_content):
    for url in ["/", "/nn/tiltak/", "/en/dokumenter/", reverse("events:list")]:
        html = client.get(url).content.decode()
        assert 'role="search"' in html and 'action="' in html
        assert '<label class="visually-hidden" for="site-search-q">' in html
        assert 'id="site-search-q" name="q"' in html
    html = client.get("/en/").content.decode()
    assert 'action="/en/sok/"' in html and "Search the site" in html


def test_search_results_keep_the_query_in_the_header_field(client, site_content):
    html = client.get("/sok/", {"q": "håndbok"}).content.decode()
    assert 'id="site-search-q" name="q" value="håndbok"' in html
    assert '<meta name="robots" content="noindex">' in html
