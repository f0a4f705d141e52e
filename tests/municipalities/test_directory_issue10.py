"""Issue 10, items 7, 9, 11, 21: old phone numbers migrated without loss, stale entries say so,
coverage sentences say what they count, the no-SLT message links the contact form."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from municipalities.models import SLTUnit
from tests.factories import CoordinatorFactory

from .factories import unit_for

BEFORE = [("municipalities", "0005_phone_numbers")]


@pytest.mark.django_db(transaction=True)
def test_migration_normalises_phone_numbers_and_moves_bad_ones_into_sfk_notes():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    unit = old.get_model("municipalities", "SLTUnit").objects.create(
        name="SLT Molde", slug="molde", sfk_notes="Fra før."
    )
    make = old.get_model("municipalities", "Coordinator").objects.create
    good = make(unit=unit, name="Kari", email="kari@example.no", phone="400 00 000")
    bad = make(unit=unit, name="Ola", email="ola@example.no", phone="ring meg ikke")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from municipalities.models import Coordinator

    assert Coordinator.objects.get(pk=good.pk).phone == "+4740000000"
    assert Coordinator.objects.get(pk=bad.pk).phone == ""
    notes = SLTUnit.objects.get(pk=unit.pk).sfk_notes
    assert notes.startswith("Fra før.") and "Ola" in notes and "«ring meg ikke»" in notes


@pytest.mark.django_db
def test_stale_unit_page_says_so_and_prompts_its_coordinator(client, unit_a, coordinator_a):
    unit_a.verified_at = timezone.now() - dt.timedelta(days=400)
    unit_a.save()
    html = client.get(f"/slt-enhet/{unit_a.slug}/").content.decode()
    assert "ikke bekreftet det siste året" in html
    assert f'action="/slt-enhet/{unit_a.slug}/bekreft/"' not in html  # the public sees no button
    client.force_login(coordinator_a)
    html = client.get(f"/slt-enhet/{unit_a.slug}/").content.decode()
    assert f'action="/slt-enhet/{unit_a.slug}/bekreft/"' in html and "bekreft dem" in html
    client.post(f"/slt-enhet/{unit_a.slug}/bekreft/")
    assert "ikke bekreftet det siste året" not in client.get(f"/slt-enhet/{unit_a.slug}/").content.decode()


@pytest.mark.django_db
def test_recently_confirmed_unit_has_no_warning(client, unit_a):
    unit_a.verified_at = timezone.now() - dt.timedelta(days=300)
    unit_a.save()
    assert "ikke bekreftet" not in client.get(f"/slt-enhet/{unit_a.slug}/").content.decode()


@pytest.fixture
def coverage_units(municipalities):
    unit_for("4601", name="SLT Bergen")
    unit_for("3107", name="SLT Fredrikstad")
    unit_for("4205", name="SLT Lindesnes", status=SLTUnit.Status.ESTABLISHING)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/fylker/", "/dekningskart/"])
def test_coverage_sentence_does_not_count_a_unit_being_set_up_as_in_operation(client, coverage_units, url):
    html = client.get(url).content.decode()
    assert "fordelt på 3 SLT-enheter" not in html
    assert "2 av 357 kommuner har SLT i drift." in html
    assert "2 SLT-enheter er i drift, og 1 er under etablering." in html


@pytest.mark.django_db
def test_home_page_uses_the_directory_figures(client, coverage_units):
    html = client.get("/").content.decode()
    assert "Rundt 180" not in html and "2 av 357 kommuner har SLT i drift" in html


@pytest.mark.django_db
def test_no_slt_message_links_the_contact_form(client, municipalities):
    html = client.get("/kommune/1151/").content.decode()  # Utsira
    assert "har ingen registrert SLT-enhet" in html
    assert 'href="/kontakt/"' in html
    assert 'href="/en/kontakt/"' in client.get("/en/kommune/1151/").content.decode()


@pytest.mark.django_db
def test_unit_page_lists_the_coordinator_before_the_adviser(client, unit_a):
    CoordinatorFactory(unit=unit_a, name="Anne Aasen", title="Rådgiver SLT")
    CoordinatorFactory(unit=unit_a, name="Øystein Øvre", title="SLT-koordinator")
    html = client.get(f"/slt-enhet/{unit_a.slug}/").content.decode()
    assert html.index("Øystein Øvre") < html.index("Anne Aasen")
