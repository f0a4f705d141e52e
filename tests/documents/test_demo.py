import pytest

from documents import demo
from documents.models import Publication

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_pdfs_are_valid_demo_files(municipalities):
    from accounts import demo as accounts_demo
    from municipalities import demo as municipalities_demo

    accounts_demo.load(log=lambda *a: None)
    municipalities_demo.load(log=lambda *a: None)
    demo.load(log=lambda *a: None)
    demo.load(log=lambda *a: None)
    national = Publication.objects.filter(unit__isnull=True)
    assert national.count() == 2
    assert Publication.objects.filter(unit__slug="bergen").count() == 2
    for publication in national:
        assert "demofil" in publication.title
        assert publication.page_count == 1 and publication.file_type == "pdf"
        with publication.file.open("rb") as handle:
            assert b"DEMOFIL" in handle.read()


def test_demo_links_bergens_annual_report_to_a_bergen_measure(municipalities):
    from accounts import demo as accounts_demo
    from measures import demo as measures_demo
    from measures.models import Measure
    from municipalities import demo as municipalities_demo

    # load_demo runs the apps bottom-up: documents before measures, which links the report.
    for module in (accounts_demo, municipalities_demo, demo, measures_demo, measures_demo):
        module.load(log=lambda *a: None)
    linked = Measure.objects.filter(documents__slug="demo-arsrapport-slt-bergen")
    assert linked.count() == 1 and linked.get().unit.slug == "bergen"


def test_demo_documents_carry_one_demo_marker_in_the_list(client, municipalities):
    from accounts import demo as accounts_demo
    from municipalities import demo as municipalities_demo

    accounts_demo.load(log=lambda *a: None)
    municipalities_demo.load(log=lambda *a: None)
    demo.load(log=lambda *a: None)
    html = client.get("/dokumenter/").content.decode()
    assert "SLT-håndboken (demofil)" in html
    assert "(Demo)" not in html
