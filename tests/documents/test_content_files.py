"""The information pages' initial text: Markdown files under documents/content/, read by
documents.content.loader and created by `manage.py load_pages` (and the data migration)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from documents.content import HERE, PAGES, fill_settings
from documents.content.loader import ContentError, read_bodies, read_pages, split_header
from documents.models import InfoPage

# One sentence (start) per page and language: (bokmål, nynorsk, English).
KNOWN = {
    "om-slt": (
        "SLT er forkortelsen for *Samordning av lokale rus- og kriminalitetsforebyggende tiltak*.",
        "SLT er forkortinga for *Samordning av lokale rus- og kriminalitetsførebyggjande tiltak*.",
        "SLT is the Norwegian abbreviation for *Samordning av lokale rus- og",
    ),
    "kom-i-gang": (
        "SLT fungerer best når kommuneledelsen og politiet står bak.",
        "SLT fungerer best når kommuneleiinga og politiet står bak.",
        "SLT works best when the municipal leadership and the police stand behind it.",
    ),
    "tre-nivaaer": (
        "Politirådet eller en styringsgruppe med ordfører, kommunedirektør og politiets ledelse.",
        "Politirådet eller ei styringsgruppe med ordførar, kommunedirektør og leiinga i politiet.",
        "The police council (politiråd) or a steering group with the mayor,",
    ),
    "sfk-rolle": (
        "Har du spørsmål om SLT-modellen, håndboken eller kursene? Bruk kontaktskjemaet.",
        "Har du spørsmål om SLT-modellen, handboka eller kursa? Bruk kontaktskjemaet.",
        "Questions about the SLT model, the handbook or the courses? Use the contact form.",
    ),
    "kurs-og-konferanser": (
        "Sfk holder innføringskurs for nye SLT-koordinatorer.",
        "Sfk held innføringskurs for nye SLT-koordinatorar.",
        "Sfk runs an introductory course for new SLT coordinators.",
    ),
    "tilskudd": (
        "Kommuner som vil etablere eller videreutvikle SLT-arbeidet.",
        "Kommunar som vil etablere eller vidareutvikle SLT-arbeidet.",
        "Municipalities that want to establish or develop their SLT work.",
    ),
    "apne-data": (
        "Oversikten over hvilke kommuner som har SLT, og den offentlige delen",
        "Oversikta over kva kommunar som har SLT, og den offentlege delen av",
        "The overview of which municipalities use SLT, and the public part of",
    ),
    "tilgjengelighet": (
        "Offentlige nettsteder i Norge skal oppfylle kravene i WCAG 2.1 på",
        "Offentlege nettstader i Noreg skal oppfylle krava i WCAG 2.1 på nivå",
        "Public websites in Norway must meet WCAG 2.1 at level AA,",
    ),
    "personvern": (
        "Sekretariatet for konfliktrådene (Sfk) er behandlingsansvarlig for",
        "Sekretariatet for konfliktråda (Sfk) er behandlingsansvarleg for",
        "Messages from the contact form are deleted automatically 90 days after they arrive.",
    ),
    "kontakt": (
        "Sekretariatet for konfliktrådene (Sfk) svarer på spørsmål om",
        "Sekretariatet for konfliktråda (Sfk) svarar på spørsmål om",
        "Questions about SLT work in a particular municipality are best answered by the local SLT coordinator.",
    ),
}
SUFFIXES = ("", "_nn", "_en")


@pytest.mark.django_db
def test_load_pages_creates_every_page_in_bokmal_nynorsk_and_english(settings):
    settings.CONTACT_RETENTION_DAYS = 90
    InfoPage.objects.all().delete()
    out = StringIO()
    call_command("load_pages", stdout=out)
    assert f"Created {len(KNOWN)} of {len(KNOWN)}" in out.getvalue()
    pages = {page.slug: page for page in InfoPage.objects.all()}
    assert set(pages) == set(KNOWN)
    for slug, sentences in KNOWN.items():
        page = pages[slug]
        for suffix, sentence in zip(SUFFIXES, sentences, strict=True):
            for field in ("title", "summary", "body"):
                assert getattr(page, field + suffix).strip(), (slug, field + suffix)
            assert sentence in getattr(page, "body" + suffix), (slug, suffix)
    assert pages["om-slt"].title == "Hva er SLT?"
    assert pages["om-slt"].title_nn == "Kva er SLT?"
    assert pages["om-slt"].title_en == "What is SLT?"
    assert [pages[slug].show_in_menu for slug in ("om-slt", "kom-i-gang")] == [False, True]
    assert list(InfoPage.objects.values_list("sort_order", flat=True)) == list(range(10, 101, 10))


@pytest.mark.django_db
def test_load_pages_is_idempotent_and_never_overwrites_edited_text():
    InfoPage.objects.filter(slug="kontakt").delete()
    InfoPage.objects.filter(slug="om-slt").update(body_nn="Redigert av Sfk")
    out = StringIO()
    call_command("load_pages", stdout=out)
    call_command("load_pages", stdout=out)
    assert "Created 1 of" in out.getvalue() and "Created 0 of" in out.getvalue()
    assert InfoPage.objects.get(slug="om-slt").body_nn == "Redigert av Sfk"
    assert InfoPage.objects.filter(slug="kontakt").exists()


@pytest.mark.django_db
def test_page_text_is_the_file_text_after_its_header_byte_for_byte():
    for data in PAGES:
        page = InfoPage.objects.get(slug=data["slug"])
        for lang, suffix in zip(("nb", "nn", "en"), SUFFIXES, strict=True):
            path = HERE / "pages" / f"{data['slug']}.{lang}.md"
            body = path.read_bytes().decode("utf-8").split("\n---\n", 1)[1]
            assert getattr(page, "body" + suffix) == fill_settings(body), path


def test_frozen_originals_are_read_for_both_statements():
    originals = read_bodies(HERE / "previous" / "2026-11")
    assert set(originals) == {"personvern", "tilgjengelighet"}
    for bodies in originals.values():
        assert set(bodies) == {"body", "body_nn", "body_en"} and all(bodies.values())
    assert "WCAG 2.1" in originals["tilgjengelighet"]["body"]


def _write(directory: Path, name: str, text: str) -> None:
    (directory / name).write_text(text, encoding="utf-8")


def test_reader_parses_header_and_keeps_the_body_exactly(tmp_path):
    _write(tmp_path, "a-b.nb.md", "---\ntitle: Tittel: med kolon\nsummary: Kort\nsort_order: 5\n---\n## H\n\ntekst  \n")
    _write(tmp_path, "a-b.en.md", "---\ntitle: Title\nsummary: Short\n---\nText")
    [page] = read_pages(tmp_path)
    assert page == {
        "slug": "a-b",
        "sort_order": 5,
        "title": "Tittel: med kolon",
        "title_nn": "",
        "title_en": "Title",
        "summary": "Kort",
        "summary_nn": "",
        "summary_en": "Short",
        "body": "## H\n\ntekst  \n",
        "body_nn": "",
        "body_en": "Text",
    }


@pytest.mark.parametrize(
    "name,text,message",
    [
        ("a.nb.md", "title: T\n", "must start with a '---' header"),
        ("a.nb.md", "---\ntitle: T\nsummary: S\nsort_order: 1\n", "no closing '---'"),
        ("a.nb.md", "---\ntitle: T\nsummary: S\n---\nx", "missing header field(s) ['sort_order']"),
        ("a.nb.md", "---\ntitle: T\nsummary: S\nsort_order: 1\nmenu: no\n---\nx", "unknown header field(s) ['menu']"),
        ("a.nb.md", "---\ntitle: T\nsummary: S\nsort_order: 1\nshow_in_menu: ja\n---\nx", "true or false"),
        ("a.nb.md", "---\ntitle: T\ntitle: U\nsummary: S\nsort_order: 1\n---\nx", "given twice"),
        ("a.nn.md", "---\ntitle: T\nsummary: S\n---\nx", "has no bokmål file"),
        ("a.se.md", "---\ntitle: T\nsummary: S\n---\nx", "name must be"),
    ],
)
def test_reader_rejects_malformed_files(tmp_path, name, text, message):
    _write(tmp_path, name, text)
    with pytest.raises(ContentError) as error:
        read_pages(tmp_path)
    assert message in str(error.value)


def test_split_header_reports_the_line_of_a_bad_header_line():
    with pytest.raises(ContentError, match="line 3"):
        split_header("---\ntitle: T\nno colon here\n---\nbody", source="x.nb.md")
