import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from measures import services
from measures.models import Classification, Measure, Theme

from .factories import MeasureFactory, published

pytestmark = pytest.mark.django_db


def _data(**overrides):
    data = {
        "title": "Natteravn i sentrum",
        "summary": "Voksne går tur i sentrum på fredagskvelder.",
        "description": "## Slik gjør vi\n\nVi går i grupper.",
        "language": "nb",
        "contact_name": "Kari Kontakt",
        "contact_email": "kari@kommune.example.no",
        "status": Measure.Status.ACTIVE,
        "themes": list(Theme.objects.filter(slug__in=["vold", "rus-alkohol"])),
        "age_bands": list(Classification.objects.filter(kind="age_band", slug="13-15")),
    }
    data.update(overrides)
    return data


def test_create_makes_a_draft_with_slug_and_themes(unit_a, coordinator_a):
    measure = services.measure_create(
        unit=unit_a, by=coordinator_a, data=_data(title="Tiltak for små og store på Ålgård")
    )
    assert measure.state == Measure.State.DRAFT
    assert measure.slug == "tiltak-for-sma-og-store-pa-algard"
    assert {t.slug for t in measure.themes.all()} == {"vold", "rus-alkohol"}
    assert measure.created_by == coordinator_a
    assert measure.history.count() == 1


def test_create_without_theme_is_rejected_and_nothing_saved(unit_a, coordinator_a):
    with pytest.raises(ValidationError) as exc:
        services.measure_create(unit=unit_a, by=coordinator_a, data=_data(themes=[]))
    assert "themes" in exc.value.error_dict
    assert not Measure.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"start_date": dt.date(2025, 5, 1), "end_date": dt.date(2025, 1, 1)}, "end_date"),
        ({"ungsinn_level": 3, "ungsinn_url": "https://example.no/tiltak"}, "ungsinn_url"),
        ({"ungsinn_level": 3, "ungsinn_url": ""}, "ungsinn_url"),
        ({"international_rating": "eif_3", "international_url": ""}, "international_url"),
        ({"report_links": "https://ok.example.no\nikke en lenke"}, "report_links"),
        ({"status": Measure.Status.ENDED, "end_date": None}, "end_date"),
        ({"summary": "x" * 301}, "summary"),
    ],
)
def test_validation_rules(unit_a, coordinator_a, overrides, field):
    with pytest.raises(ValidationError) as exc:
        services.measure_create(unit=unit_a, by=coordinator_a, data=_data(**overrides))
    assert field in exc.value.error_dict
    assert not Measure.objects.exists()


def test_ungsinn_level_zero_is_a_verdict_not_missing(unit_a, coordinator_a):
    zero = services.measure_create(
        unit=unit_a,
        by=coordinator_a,
        data=_data(ungsinn_level=0, ungsinn_url="https://ungsinn.no/post_tiltak/eksempel/"),
    )
    unrated = services.measure_create(unit=unit_a, by=coordinator_a, data=_data())
    assert zero.ungsinn_level == 0 and zero.is_evidence_rated
    assert unrated.ungsinn_level is None and not unrated.is_evidence_rated


def test_end_before_start_is_also_a_database_constraint(unit_a):
    from django.db import IntegrityError, transaction

    measure = MeasureFactory(unit=unit_a)
    measure.start_date, measure.end_date = dt.date(2025, 5, 1), dt.date(2025, 1, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        measure.save()


def test_publish_and_archive_transitions(unit_a, coordinator_a):
    measure = MeasureFactory(unit=unit_a)
    services.measure_publish(measure=measure, by=coordinator_a)
    assert measure.state == Measure.State.PUBLISHED and measure.published_at
    with pytest.raises(ValidationError):
        services.measure_publish(measure=measure, by=coordinator_a)
    services.measure_archive(measure=measure, by=coordinator_a)
    assert measure.state == Measure.State.ARCHIVED
    with pytest.raises(ValidationError):
        services.measure_archive(measure=measure, by=coordinator_a)
    services.measure_publish(measure=measure, by=coordinator_a)
    assert Measure.objects.published().filter(pk=measure.pk).exists()
    assert measure.history.count() == 4  # created, published, archived, published


def test_publish_requires_a_theme(unit_a, coordinator_a):
    measure = MeasureFactory(unit=unit_a, themes=[])
    with pytest.raises(ValidationError):
        services.measure_publish(measure=measure, by=coordinator_a)
    measure.refresh_from_db()
    assert measure.state == Measure.State.DRAFT


def test_copy_within_unit_is_a_template_without_link(unit_a, coordinator_a):
    source = MeasureFactory(unit=unit_a, title="Leksehjelp", themes=["skole-frafall"])
    copy = services.measure_copy(source=source, unit=unit_a, by=coordinator_a)
    assert copy.pk != source.pk and copy.state == Measure.State.DRAFT
    assert copy.title == "Kopi av Leksehjelp"
    assert copy.based_on is None
    assert [t.slug for t in copy.themes.all()] == ["skole-frafall"]


def test_copy_from_other_unit_links_based_on_and_family(unit_a, unit_b, coordinator_b):
    from tests.factories import CoordinatorFactory

    CoordinatorFactory(unit=unit_b, name="Berit B", email="berit@b.example.no")
    own_entry = coordinator_b.coordinator_entries.get()
    source = published(unit=unit_a, title="Ungdomslos", reach_per_year=40)
    copy = services.measure_copy(source=source, unit=unit_b, by=coordinator_b)
    assert copy.unit == unit_b and copy.state == Measure.State.DRAFT
    assert copy.based_on == source and copy.family_root == source
    assert copy.title == "Ungdomslos"
    assert copy.reach_per_year is None
    assert copy.contact_email == own_entry.email
    # a copy of the copy belongs to the same family
    services.measure_publish(measure=copy, by=coordinator_b)
    third = services.measure_copy(source=copy, unit=MeasureFactory().unit, by=coordinator_b)
    assert third.based_on == copy and third.family_root == source


def test_copy_of_other_units_draft_is_refused(unit_a, unit_b, coordinator_b):
    source = MeasureFactory(unit=unit_a)
    with pytest.raises(ValidationError):
        services.measure_copy(source=source, unit=unit_b, by=coordinator_b)


def test_history_excludes_search_vector():
    field_names = {f.name for f in Measure.history.model._meta.get_fields()}
    assert "search_vector" not in field_names
    assert "title" in field_names


def test_managed_lists_exist_with_translations():
    assert Theme.objects.count() == 11
    vold = Theme.objects.get(slug="vold")
    assert (vold.name, vold.name_nn, vold.name_en) == ("Vold", "Vald", "Violence")
    assert Classification.objects.filter(kind="age_band").count() == 5
    assert Classification.objects.filter(kind="protective_factor").exists()
    assert not Classification.objects.filter(name_nn="").exists()
    assert not Classification.objects.filter(name_en="").exists()
