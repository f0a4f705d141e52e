import datetime as dt
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Publication
from documents.selectors import library_search, publication_editions
from tests.documents import files
from tests.documents.factories import PublicationFactory
from tests.helpers import assert_page, assert_pages

pytestmark = pytest.mark.django_db


def get(client, url):
    """GET and read the body (a file response holds its file open until it has been read)."""
    response = client.get(url)
    if response.streaming:
        response.body = b"".join(response.streaming_content)
    return response


def protected_files() -> list[Path]:
    root = Path(Publication._meta.get_field("file").storage.location)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def form_data(**overrides):
    data = {
        "title": "Ny håndbok",
        "kind": "handbook",
        "language": "nb",
        "summary": "Om SLT.",
        "published_on": "2025-05-01",
        "edition": "",
        "external_url": "",
    }
    data.update(overrides)
    return data


# Storage -------------------------------------------------------------------------------------


def test_files_are_stored_outside_media_root_under_generated_names():
    publication = PublicationFactory(original_filename="../../hemmelig plan.pdf")
    storage = publication.file.storage
    path = Path(storage.path(publication.file.name)).resolve()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError):
        storage.url(publication.file.name)


def test_upload_through_form_gets_generated_name_and_metadata(client, sfk_admin, themes):
    client.force_login(sfk_admin)
    upload = SimpleUploadedFile("../../../etc/SLT håndbok.pdf", files.good_pdf("PDF-tittel"), content_type="text/html")
    response = client.post(reverse("documents:create"), {**form_data(), "themes": [themes[0].pk], "upload": upload})
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.unit is None and publication.created_by == sfk_admin
    assert (publication.file_type, publication.page_count) == ("pdf", 1)
    assert publication.original_filename == "SLT håndbok.pdf"  # directories never reach us
    stored = Path(publication.file.name)
    assert stored.parent == Path("publications")
    assert stored.suffix == ".pdf" and "håndbok" not in stored.name and len(stored.stem) == 32
    assert list(publication.themes.all()) == [themes[0]]


def test_upload_through_form_is_inspected_once(client, sfk_admin, monkeypatch):
    """The form's inspection is handed to the service; a large PDF is not parsed twice."""
    from documents import forms, services

    calls = []

    def counting(uploaded, inspect=forms.inspect_upload):
        calls.append(uploaded.name)
        return inspect(uploaded)

    monkeypatch.setattr(forms, "inspect_upload", counting)
    monkeypatch.setattr(services, "inspect_upload", counting)
    client.force_login(sfk_admin)
    upload = SimpleUploadedFile("plan.pdf", files.good_pdf("Plan"), content_type="application/pdf")
    assert client.post(reverse("documents:create"), {**form_data(), "upload": upload}).status_code == 302
    assert calls == ["plan.pdf"]
    assert Publication.objects.get().page_count == 1


@pytest.mark.parametrize(
    ("maker", "words"),
    [
        (files.html_as_pdf, "ikke en PDF"),
        (files.exe_as_pdf, "ikke en PDF"),
        (files.encrypted_pdf, "kryptert"),
        (files.javascript_pdf, "JavaScript"),
        (files.truncated_pdf, "skadet"),
        (files.docm, "makroer"),
    ],
)
def test_bad_upload_is_rejected_next_to_the_field_and_nothing_is_stored(client, sfk_admin, maker, words):
    client.force_login(sfk_admin)
    before = protected_files()
    upload = SimpleUploadedFile("../plan.pdf", maker(), content_type="application/pdf")
    response = client.post(reverse("documents:create"), {**form_data(), "upload": upload})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_upload_error"' in html and words in html
    assert Publication.objects.count() == 0
    assert protected_files() == before


def test_oversize_upload_is_rejected(client, sfk_admin, settings):
    settings.UPLOAD_MAX_BYTES = 500
    client.force_login(sfk_admin)
    upload = SimpleUploadedFile("stor.pdf", files.good_pdf() + b"0" * 600)
    response = client.post(reverse("documents:create"), {**form_data(), "upload": upload})
    assert response.status_code == 400
    assert "Filen er for stor" in response.content.decode()
    assert Publication.objects.count() == 0


def test_form_needs_file_or_link(client, sfk_admin):
    client.force_login(sfk_admin)
    response = client.post(reverse("documents:create"), form_data(title=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Last opp en fil eller oppgi en ekstern lenke" in html
    assert 'id="id_title_error"' in html
    response = client.post(reverse("documents:create"), form_data(external_url="https://example.no/plan"))
    assert response.status_code == 302


def test_office_upload_is_accepted(client, coordinator_a, unit_a):
    client.force_login(coordinator_a)
    upload = SimpleUploadedFile("Årsrapport.docx", files.docx())
    response = client.post(
        reverse("documents:create"),
        {**form_data(kind="annual_report", unit=unit_a.pk), "upload": upload},
    )
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert (publication.unit, publication.file_type) == (unit_a, "docx")


# Downloads and visibility --------------------------------------------------------------------


def test_download_streams_file_with_sanitised_name(client):
    publication = PublicationFactory(original_filename='Plan "2025"\r\n.pdf')
    response = client.get(reverse("documents:download", args=[publication.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and "\r" not in disposition and '"2025"' not in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_restricted_publication_is_hidden_from_anonymous_users(client, coordinator_a, sfk_admin):
    publication = PublicationFactory(is_restricted=True, title="Hemmelig årsrapport")
    detail = reverse("documents:detail", args=[publication.slug])
    download = reverse("documents:download", args=[publication.slug])
    assert "Hemmelig årsrapport" not in client.get(reverse("documents:library")).content.decode()
    for url in (detail, download):
        response = client.get(url)
        assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]
    # The file has no public URL: not under MEDIA_URL, and the storage refuses to make one.
    assert client.get(settings.MEDIA_URL + publication.file.name).status_code == 404
    assert client.get("/media/" + os.path.basename(publication.file.name)).status_code == 404
    for user in (coordinator_a, sfk_admin):
        client.force_login(user)
        assert get(client, download).status_code == 200
        assert "Hemmelig årsrapport" in client.get(reverse("documents:library")).content.decode()


def test_restricted_download_is_not_cached_publicly(client, coordinator_a):
    publication = PublicationFactory(is_restricted=True)
    client.force_login(coordinator_a)
    response = get(client, reverse("documents:download", args=[publication.slug]))
    assert "no-store" in response["Cache-Control"]


def test_logged_in_user_without_role_gets_404_for_restricted(client, django_user_model):
    from tests.factories import UserFactory

    publication = PublicationFactory(is_restricted=True)
    client.force_login(UserFactory())
    assert client.get(reverse("documents:download", args=[publication.slug])).status_code == 404


def test_external_link_only_publication_redirects(client):
    publication = PublicationFactory(file="", file_type="", external_url="https://example.no/rapport")
    response = client.get(reverse("documents:download", args=[publication.slug]))
    assert response.status_code == 302 and response["Location"] == "https://example.no/rapport"


# Edition chain ---------------------------------------------------------------------------------


def test_edition_chain_newest_is_default_and_old_ones_stay_reachable(client):
    first = PublicationFactory(title="SLT-håndboken", edition="1. utgave", published_on=dt.date(2015, 1, 1))
    second = PublicationFactory(
        title="SLT-håndboken", edition="2. utgave", replaces=first, published_on=dt.date(2020, 1, 1)
    )
    third = PublicationFactory(
        title="SLT-håndboken",
        edition="3. utgave",
        replaces=second,
        published_on=dt.date(2025, 1, 1),
    )
    assert publication_editions(publication=first, user=None) == [third, second, first]
    assert publication_editions(publication=third, user=None) == [third, second, first]
    assert list(library_search(user=None)) == [third]
    html = assert_page(client, reverse("documents:detail", args=[first.slug])).content.decode()
    assert "Dette er en eldre utgave" in html and third.get_absolute_url() in html
    html = client.get(reverse("documents:detail", args=[third.slug])).content.decode()
    assert "Dette er en eldre utgave" not in html and "1. utgave" in html
    assert get(client, reverse("documents:download", args=[first.slug])).status_code == 200


def test_editions_in_another_language_are_marked(client):
    first = PublicationFactory(title="SLT handbook", language="en", published_on=dt.date(2015, 1, 1))
    second = PublicationFactory(title="SLT-håndboka", language="nn", replaces=first, published_on=dt.date(2020, 1, 1))
    html = client.get(reverse("documents:detail", args=[first.slug])).content.decode()
    assert f'href="{second.get_absolute_url()}" lang="nn">SLT-håndboka' in html  # the newer-edition notice
    assert '<strong lang="en">SLT handbook' in html  # this edition in the list


def test_restricted_edition_is_not_shown_to_those_who_may_not_see_it(client, coordinator_a):
    """The report: anonymous GET of a public publication showed the title, link and year of the
    restricted edition that replaces it."""
    public = PublicationFactory(
        title="Offentlig B", slug="offentlig-b", edition="1. utgave", published_on=dt.date(2019, 1, 1)
    )
    restricted = PublicationFactory(
        title="Intern B hemmelig tittel",
        slug="offentlig-b-ny-utgave",
        edition="2. utgave",
        replaces=public,
        is_restricted=True,
        published_on=dt.date(2024, 1, 1),
    )
    assert publication_editions(publication=public, user=None) == [public]
    html = assert_page(client, reverse("documents:detail", args=[public.slug])).content.decode()
    for leak in ["Intern B hemmelig tittel", restricted.get_absolute_url(), "2024", "Dette er en eldre utgave"]:
        assert leak not in html
    # Coordinators may see restricted publications: for them the chain is whole.
    client.force_login(coordinator_a)
    assert publication_editions(publication=public, user=coordinator_a) == [restricted, public]
    html = client.get(reverse("documents:detail", args=[public.slug])).content.decode()
    assert "Dette er en eldre utgave" in html and restricted.get_absolute_url() in html


def test_publication_cannot_replace_itself():
    from django.core.exceptions import ValidationError

    publication = PublicationFactory()
    publication.replaces = publication
    with pytest.raises(ValidationError):
        publication.full_clean()


# Library ---------------------------------------------------------------------------------------


def test_library_filters(client, unit_a, themes):
    handbook = PublicationFactory(title="Nasjonal håndbok", kind="handbook")
    handbook.themes.add(themes[0])
    plan = PublicationFactory(title="Lokal plan", kind="action_plan", unit=unit_a, language="nn")
    county = unit_a.memberships.get().municipality.county
    url = reverse("documents:library")

    def titles(**params):
        return [p.title for p in client.get(url, params).context["page_obj"]]

    assert titles() == ["Lokal plan", "Nasjonal håndbok"]
    assert titles(kind="handbook") == ["Nasjonal håndbok"]
    assert titles(language="nn") == ["Lokal plan"]
    assert titles(scope="national") == ["Nasjonal håndbok"]
    assert titles(scope="local") == ["Lokal plan"]
    assert titles(theme="rus") == ["Nasjonal håndbok"]
    assert titles(county=county.number) == ["Lokal plan"]
    assert titles(q="håndbok") == ["Nasjonal håndbok"]
    assert plan.pk


def test_library_county_filter_finds_oslo_district_units(client):
    """A SaLTo unit is made of Oslo districts, not municipalities; its documents are in Oslo."""
    from tests.factories import CountyFactory, DistrictFactory, MunicipalityFactory, UnitDistrictFactory

    oslo = CountyFactory(number="03", name="Oslo")
    district = DistrictFactory(municipality=MunicipalityFactory(county=oslo, number="0301", name="Oslo"))
    salto = UnitDistrictFactory(district=district).unit
    PublicationFactory(title="Handlingsplan SaLTo", kind="action_plan", unit=salto)
    PublicationFactory(title="Nasjonal håndbok", kind="handbook")
    response = client.get(reverse("documents:library"), {"county": "03"})
    assert [p.title for p in response.context["page_obj"]] == ["Handlingsplan SaLTo"]


def test_library_ignores_only_the_invalid_filter(client):
    PublicationFactory(title="Nasjonal håndbok", kind="handbook")
    PublicationFactory(title="Lokal plan", kind="action_plan")
    response = client.get(reverse("documents:library"), {"q": "håndbok", "county": "9999"})
    assert response.status_code == 200
    assert [p.title for p in response.context["page_obj"]] == ["Nasjonal håndbok"]
    assert "county" in response.context["form"].errors


def test_library_newest_first():
    old = PublicationFactory(published_on=dt.date(2010, 1, 1))
    new = PublicationFactory(published_on=dt.date(2024, 1, 1))
    assert list(library_search(user=None)) == [new, old]


def test_library_rows_show_each_documents_facts_in_the_pages_language(client, sfk_admin, unit_a):
    local = PublicationFactory(
        title="Lokal plan",
        kind="action_plan",
        language="nn",
        page_count=12,
        file_size=2_500_000,
        unit=unit_a,
        edition="2. utgåve",
        summary=" ".join(f"ord{n}" for n in range(50)),
    )
    PublicationFactory(
        title="Lenke",
        kind="report",
        page_count=1,
        file_size=None,
        file="",
        external_url="https://example.org/r",
        published_on=dt.date(2025, 5, 4),
        is_restricted=True,
    )
    rows = {
        "nb": [
            "Lokal handlingsplan",
            "Nynorsk",
            "12 sider",
            "PDF, 2,4",
            "SLT Enhet A",
            "Rapport",
            "1 side",
            "Ekstern lenke",
            '<time datetime="2025-05-04">4. mai 2025</time>',
            "Nasjonal (Sfk)",
            "Bare for koordinatorer",
            f'<a class="ds-link" href="/dokumenter/{local.slug}/" lang="nn">Lokal plan</a>'
            ' <span class="publication-edition">(2. utgåve)</span>',
            '<p class="ds-paragraph" data-size="sm" lang="nn">ord0 ord1',
            "ord38 ord39 …</p>",
        ],
        "nn": [
            f'<a class="ds-link" href="/nn/dokumenter/{local.slug}/">Lokal plan</a>',
            "Lokal handlingsplan",
            "Nynorsk",
            "12 sider",
            "Rapport",
            "1 side",
            "Ekstern lenkje",
            '<time datetime="2025-05-04">4. mai 2025</time>',
        ],
        "en": [
            "Local action plan",
            "Norwegian Nynorsk",
            "12 pages",
            "Report",
            "1 page",
            "External link",
            '<time datetime="2025-05-04">4 May 2025</time>',
            "National (Sfk)",
        ],
    }
    client.force_login(sfk_admin)
    for language, facts in rows.items():
        prefix = "" if language == "nb" else f"/{language}"
        html = client.get(f"{prefix}/dokumenter/").content.decode()
        for fact in facts:
            assert fact in html, (language, fact)


def test_library_pages_query_count_is_constant(client, unit_a, themes):
    for i in range(3):
        PublicationFactory(unit=unit_a if i % 2 else None).themes.set(themes)
    assert_pages(client, ["/dokumenter/"], max_queries=8)
    for i in range(15):
        PublicationFactory(unit=unit_a if i % 2 else None).themes.set(themes)
    assert_pages(client, ["/dokumenter/", "/dokumenter/?kind=handbook&theme=rus"], max_queries=8)
    publication = Publication.objects.first()
    assert_pages(client, [f"/dokumenter/{publication.slug}/"], max_queries=8)


@pytest.mark.postgres
def test_norwegian_full_text_search_stems_words():
    PublicationFactory(title="Handlingsplanene for kommunene", summary="Tiltakene mot rus")
    PublicationFactory(title="Noe annet", summary="Helt urelatert")
    assert [p.title for p in library_search(user=None, q="tiltak")] == ["Handlingsplanene for kommunene"]
    assert [p.title for p in library_search(user=None, q="kommune")] == ["Handlingsplanene for kommunene"]


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (20, 30), "green").save(buffer, "PNG")
    return buffer.getvalue()


def test_cover_image_is_verified_stored_protected_and_served_with_permission(client, sfk_admin):
    client.force_login(sfk_admin)
    bad = SimpleUploadedFile("omslag.png", files.html_as_pdf())
    response = client.post(
        reverse("documents:create"), {**form_data(external_url="https://example.no/a"), "cover": bad}
    )
    assert response.status_code == 400 and 'id="id_cover_error"' in response.content.decode()
    assert not Publication.objects.exists()

    cover = SimpleUploadedFile("../omslag.png", _png())
    response = client.post(
        reverse("documents:create"),
        {**form_data(external_url="https://example.no/a", is_restricted="on"), "cover": cover},
    )
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.cover_image.name.startswith("covers/") and publication.cover_image.name.endswith(".png")
    assert "omslag" not in publication.cover_image.name
    url = reverse("documents:cover", args=[publication.slug])
    assert url in client.get(publication.get_absolute_url()).content.decode()
    response = get(client, url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response.body.startswith(b"\x89PNG")
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]


def test_replacing_the_file_deletes_the_old_one(client, sfk_admin, django_capture_on_commit_callbacks):
    publication = PublicationFactory()
    old = publication.file.name
    storage = publication.file.storage
    client.force_login(sfk_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("documents:edit", args=[publication.slug]),
            {**form_data(), "upload": SimpleUploadedFile("ny.docx", files.docx())},
        )
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.file_type == "docx" and publication.original_filename == "ny.docx"
    assert storage.exists(publication.file.name) and not storage.exists(old)


def test_unit_publications_respect_visibility(unit_a, unit_b, coordinator_b):
    from documents.selectors import unit_publications

    PublicationFactory(unit=unit_a, title="Åpen plan")
    PublicationFactory(unit=unit_a, title="Intern rapport", is_restricted=True)
    PublicationFactory(unit=unit_b, title="Annen enhet")
    assert [p.title for p in unit_publications(unit=unit_a, user=None)] == ["Åpen plan"]
    assert {p.title for p in unit_publications(unit=unit_a, user=coordinator_b)} == {"Åpen plan", "Intern rapport"}
