import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import Measure, Theme
from tests.factories import CoordinatorFactory, SLTUnitFactory, UnitMunicipalityFactory, UserFactory
from tests.helpers import assert_pages

from .factories import MeasureFactory, published

pytestmark = pytest.mark.django_db


def _many(count, **kwargs):
    for i in range(count):
        published(
            title=f"Tiltak nummer {i}",
            themes=["vold", "mobbing"],
            classifications={"arenas": ["skole"], "age_bands": ["13-15", "16-18"]},
            **kwargs,
        )


def test_public_pages_render_in_all_languages(client, published_a):
    assert_pages(
        client,
        [
            reverse("measures:list"),
            published_a.get_absolute_url(),
            reverse("measures:list") + "?q=tiltak&theme=vold&sort=title",
        ],
        max_queries=10,
    )


def test_coordinator_pages_render_in_all_languages(client, coordinator_a, published_a):
    client.force_login(coordinator_a)
    urls = [reverse(name) for name in ["measures:mine", "measures:create"]] + [
        reverse(name, args=[published_a.pk]) for name in ["measures:edit", "measures:copy", "measures:history"]
    ]
    assert_pages(client, urls, max_queries=13)  # the edit form: 13 > the default 10 (issue 14, not done yet)


def test_list_query_count_is_constant(client, unit_a):
    _many(3, unit=unit_a)
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("measures:list") + "?theme=vold").status_code == 200
    _many(25, unit=SLTUnitFactory())
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("measures:list") + "?theme=vold").status_code == 200
    assert len(many) == len(few)


def test_mine_query_count_is_constant(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    MeasureFactory(unit=unit_a)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("measures:mine"))
    for _ in range(10):
        MeasureFactory(unit=unit_a)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("measures:mine"))
    assert len(many) == len(few)


def test_facets_filter_combine_and_count(client, unit_a):
    published(unit=unit_a, title="Skoletiltak", themes=["vold"], classifications={"arenas": ["skole"]})
    published(unit=unit_a, title="Fritidstiltak", themes=["vold"], classifications={"arenas": ["fritid"]})
    published(unit=unit_a, title="Rustiltak", themes=["rus-alkohol"], classifications={"arenas": ["skole"]})
    MeasureFactory(unit=unit_a, title="Hemmelig utkast", themes=["vold"])

    response = client.get(reverse("measures:list"), {"theme": "vold"})
    titles = [m.title for m in response.context["page_obj"]]
    assert sorted(titles) == ["Fritidstiltak", "Skoletiltak"]
    facets = {f.name: {o.value: o.count for o in f.options} for f in response.context["facets"]}
    # the theme facet counts ignore its own filter; others count within it
    assert facets["theme"]["vold"] == 2 and facets["theme"]["rus-alkohol"] == 1
    assert facets["arena"]["skole"] == 1 and facets["arena"]["fritid"] == 1
    assert facets["evidence"]["none"] == 2
    assert facets["status"]["active"] == 2

    response = client.get(reverse("measures:list"), {"theme": "vold", "arena": "skole"})
    assert [m.title for m in response.context["page_obj"]] == ["Skoletiltak"]
    response = client.get(reverse("measures:list"), {"theme": ["vold", "rus-alkohol"], "arena": "skole"})
    assert sorted(m.title for m in response.context["page_obj"]) == ["Rustiltak", "Skoletiltak"]
    assert "Hemmelig utkast" not in response.content.decode()


def test_county_and_evidence_facets(client, unit_a, unit_b):
    published(unit=unit_a, title="I fylke A", ungsinn_level=0, ungsinn_url="https://ungsinn.no/post_tiltak/x/")
    published(unit=unit_b, title="I fylke B")
    county_a = unit_a.municipalities.get().county
    response = client.get(reverse("measures:list"), {"county": county_a.number})
    assert [m.title for m in response.context["page_obj"]] == ["I fylke A"]
    response = client.get(reverse("measures:list"), {"evidence": "0"})
    assert [m.title for m in response.context["page_obj"]] == ["I fylke A"]
    html = response.content.decode()
    assert "uvirksomt tiltak (nivå 0)" in html
    response = client.get(reverse("measures:list"), {"evidence": "none"})
    assert [m.title for m in response.context["page_obj"]] == ["I fylke B"]
    assert "Lokal praksis, ikke evidensvurdert" in response.content.decode()


def test_sort_and_pagination(client, unit_a):
    for title in ["Bravo", "alfa", "Charlie"]:
        published(unit=unit_a, title=title)
    response = client.get(reverse("measures:list"), {"sort": "title"})
    assert [m.title for m in response.context["page_obj"]] == ["alfa", "Bravo", "Charlie"]
    _many(25, unit=unit_a)
    response = client.get(reverse("measures:list"), {"page": 2, "sort": "newest"})
    assert response.context["page_obj"].number == 2
    assert 'aria-current="page"' in response.content.decode()


@pytest.mark.parametrize(
    "q", ["%", "'", "<script>alert(1)</script>", "a" * 10_000, "\x00", "tiltak & | !", '"unclosed', "-", "()"]
)
def test_hostile_queries_never_fail(client, published_a, q):
    response = client.get(reverse("measures:list"), {"q": q, "theme": "<script>", "page": "x"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_long_query_is_shortened_with_message(client, published_a):
    response = client.get(reverse("measures:list"), {"q": "tiltak " * 2000})
    assert response.status_code == 200
    assert "ble forkortet" in response.content.decode()


def test_sqlite_fallback_or_fts_finds_stemmed_word(client, unit_a):
    published(unit=unit_a, title="Leksehjelp for ungdom", summary="Et tiltak på biblioteket.")
    published(unit=unit_a, title="Natteravn", summary="Voksne ute om natta.")
    response = client.get(reverse("measures:list"), {"q": "tiltakene"})
    assert [m.title for m in response.context["page_obj"]] == ["Leksehjelp for ungdom"]


def test_slug_change_redirects_to_current_url(client, unit_a, coordinator_a):
    from measures import services

    measure = published(unit=unit_a, title="Gammelt navn")
    old_url = measure.get_absolute_url()
    services.measure_update(measure=measure, by=coordinator_a, data={"title": "Nytt navn"})
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == f"/tiltak/{measure.pk}-nytt-navn/"
    assert client.get(reverse("measures:detail_short", args=[measure.pk])).status_code == 301
    assert client.get(response["Location"]).status_code == 200


def test_detail_shows_markdown_sanitised_and_lang(client, unit_a):
    measure = published(
        unit=unit_a,
        title="Tiltak",
        language="nn",
        description="# Overskrift\n\n**Viktig** <script>alert(1)</script> [lenke](javascript:alert(1))",
    )
    html = client.get(measure.get_absolute_url()).content.decode()
    assert "<strong>Viktig</strong>" in html
    assert "<h3>Overskrift</h3>" in html
    assert "<script>alert" not in html and "javascript:" not in html
    assert 'lang="nn"' in html
    assert "Lokal praksis, ikke evidensvurdert" in html


def test_who_else_runs_this(client, unit_a, unit_b, coordinator_b):
    from measures import services

    CoordinatorFactory(unit=unit_b, name="Pål Peer", email="paal@b.example.no")
    original = published(unit=unit_a, title="Ungdomslos")
    copy = services.measure_copy(source=original, unit=unit_b, by=coordinator_b)
    services.measure_publish(measure=copy, by=coordinator_b)
    unit_c = SLTUnitFactory(name="SLT Enhet C")
    UnitMunicipalityFactory(unit=unit_c)
    copy_of_copy = services.measure_copy(source=copy, unit=unit_c, by=coordinator_b)
    services.measure_publish(measure=copy_of_copy, by=coordinator_b)
    unit_d = SLTUnitFactory(name="SLT Enhet D")
    services.measure_copy(source=original, unit=unit_d, by=coordinator_b)  # a draft: not shown
    same_article = published(
        title="Annet navn",
        ungsinn_url="https://ungsinn.no/post_tiltak/los/",
        ungsinn_level=2,
        unit=SLTUnitFactory(name="SLT Enhet E"),
    )
    original.ungsinn_url, original.ungsinn_level = same_article.ungsinn_url, 2
    original.save()

    response = client.get(original.get_absolute_url())
    peers = {m.unit.name for m in response.context["peers"]}
    assert peers == {"SLT Enhet B", "SLT Enhet C", "SLT Enhet E"}
    html = response.content.decode()
    assert "paal@b.example.no" in html

    # the viewer's own unit is left out
    client.force_login(coordinator_b)
    response = client.get(original.get_absolute_url())
    assert {m.unit.name for m in response.context["peers"]} == {"SLT Enhet C", "SLT Enhet E"}
    # seen from the copy of the copy, the whole family shows
    response = client.get(copy_of_copy.get_absolute_url())
    assert {m.unit.name for m in response.context["peers"]} == {"SLT Enhet A"}


def _form_data(unit, **overrides):
    data = {
        "unit": unit.pk,
        "title": "Natteravn",
        "summary": "Voksne på tur.",
        "language": "nb",
        "contact_name": "Kari",
        "contact_email": "kari@example.no",
        "status": "active",
        "themes": [Theme.objects.get(slug="vold").pk],
        "ungsinn_level": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"themes": []}, "themes", "Velg minst ett tema."),
        (
            {"start_date": "2025-05-01", "end_date": "2025-01-01"},
            "end_date",
            "Sluttdatoen kan ikke være før startdatoen.",
        ),
        ({"ungsinn_level": "3", "ungsinn_url": "https://example.no/x"}, "ungsinn_url", "ungsinn.no"),
        ({"ungsinn_url": "ikke en lenke"}, "ungsinn_url", "gyldig nettadresse"),
        ({"title": ""}, "title", "Skriv en tittel."),
        ({"summary": "x" * 301}, "summary", "300"),
        ({"ungsinn_level": "9"}, "ungsinn_level", "9"),
    ],
)
def test_create_form_bad_input_is_400_with_message_and_nothing_saved(
    client, coordinator_a, unit_a, overrides, field, message
):
    client.force_login(coordinator_a)
    response = client.post(reverse("measures:create"), _form_data(unit_a, **overrides))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert not Measure.objects.exists()


def test_create_and_edit_through_forms(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    response = client.get(reverse("measures:create"))
    assert "Ingen personopplysninger om barn" in response.content.decode()
    # the contact defaults to the coordinator's own entry
    entry = coordinator_a.coordinator_entries.get()
    assert response.context["form"].initial["contact_email"] == entry.email

    response = client.post(
        reverse("measures:create"),
        _form_data(unit_a, ungsinn_level="0", ungsinn_url="https://ungsinn.no/post_tiltak/x/"),
    )
    measure = Measure.objects.get()
    assert response.status_code == 302
    assert measure.ungsinn_level == 0 and measure.state == Measure.State.DRAFT
    response = client.post(
        reverse("measures:edit", args=[measure.pk]), _form_data(unit_a, title="Natteravn 2", ungsinn_level="")
    )
    measure.refresh_from_db()
    assert response.status_code == 302 and measure.title == "Natteravn 2"
    assert measure.ungsinn_level is None
    response = client.post(reverse("measures:edit", args=[measure.pk]), _form_data(unit_a, title=""))
    assert response.status_code == 400
    measure.refresh_from_db()
    assert measure.title == "Natteravn 2"
    history = client.get(reverse("measures:history", args=[measure.pk])).content.decode()
    assert "<strong>Tittel:</strong>" in history and "Natteravn 2" in history


def test_publish_without_theme_shows_error_not_500(client, coordinator_a, unit_a):
    measure = MeasureFactory(unit=unit_a, themes=[])
    client.force_login(coordinator_a)
    response = client.post(reverse("measures:publish", args=[measure.pk]), follow=True)
    assert response.status_code == 200
    assert "Velg minst ett tema." in response.content.decode()
    measure.refresh_from_db()
    assert measure.state == Measure.State.DRAFT


def test_csv_export_has_bom_aeoeaa_and_escapes_formulas(client, unit_a):
    published(unit=unit_a, title='=HYPERLINK("http://evil")', summary="Blåbær og økologi på Ørland")
    published(unit=unit_a, title="Vanlig tiltak", themes=["vold"])
    response = client.get(reverse("measures:export_csv"), {"theme": "rus-alkohol"})
    assert response.status_code == 200
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    assert len(rows) == 2
    assert rows[1][1] == '\'=HYPERLINK("http://evil")'
    assert rows[1][2] == "Blåbær og økologi på Ørland"


def test_xlsx_export(client, unit_a):
    from openpyxl import load_workbook

    published(unit=unit_a, title="+SUM(1)", summary="Æøå")
    response = client.get(reverse("measures:export_xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1] == "'+SUM(1)" and rows[1][2] == "Æøå"


def test_account_link_for_coordinators(coordinator_a):
    from accounts.selectors import account_links

    links = [(str(title), url) for title, url in account_links(user=coordinator_a)]
    assert ("Mine tiltak", reverse("measures:mine")) in links


def test_county_facet_counts_district_units(client):
    from tests.factories import DistrictFactory, UnitDistrictFactory

    district = DistrictFactory()
    unit = SLTUnitFactory(name="SaLTo Bydel")
    UnitDistrictFactory(unit=unit, district=district)
    published(unit=unit, title="Bydelstiltak")
    county = district.municipality.county
    response = client.get(reverse("measures:list"), {"county": county.number})
    assert [m.title for m in response.context["page_obj"]] == ["Bydelstiltak"]
    facets = {f.name: {o.value: o.count for o in f.options} for f in response.context["facets"]}
    assert facets["county"][county.number] == 1
    assert list(Measure.objects.for_unit(unit)) == list(Measure.objects.filter(unit=unit))


def test_related_measures_prefer_theme_and_age_overlap(client, unit_a, unit_b):
    measure = published(unit=unit_a, title="Hoved", themes=["vold"], classifications={"age_bands": ["13-15"]})
    published(unit=unit_b, title="Samme tema og alder", themes=["vold"], classifications={"age_bands": ["13-15"]})
    published(unit=unit_b, title="Bare samme tema", themes=["vold"])
    published(unit=unit_b, title="Ingenting felles", themes=["trafikk"])
    MeasureFactory(unit=unit_b, title="Utkast", themes=["vold"])
    related = [m.title for m in client.get(measure.get_absolute_url()).context["related"]]
    assert related == ["Samme tema og alder", "Bare samme tema"]


def test_mine_link_only_for_those_who_may_open_it(client, coordinator_a):
    """A logged-in user without an active coordinator entry would get 403 on "Mine tiltak"."""
    mine = reverse("measures:mine")
    client.force_login(UserFactory())
    assert client.get(mine).status_code == 403
    assert f'href="{mine}"' not in client.get(reverse("measures:list")).content.decode()
    client.force_login(coordinator_a)
    assert f'href="{mine}"' in client.get(reverse("measures:list")).content.decode()


def test_detail_lists_classifications_in_the_page_language(client, unit_a):
    from measures.models import Classification

    measure = published(unit=unit_a, themes=["vold"], classifications={"age_bands": ["13-15", "16-18"]})
    bands = list(Classification.objects.filter(kind="age_band", slug__in=["13-15", "16-18"]).order_by("sort_order"))
    bands[0].name_en = "Lower secondary <13-15>"
    bands[0].save()
    html = client.get(measure.get_absolute_url()).content.decode()
    assert f"<dd>{bands[0].name}, {bands[1].name}</dd>" in html
    html = client.get("/en" + measure.get_absolute_url()).content.decode()
    assert "Lower secondary &lt;13-15&gt;, " in html
