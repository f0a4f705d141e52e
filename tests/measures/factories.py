import factory
from django.utils import timezone

from measures.models import Classification, Measure, Theme
from measures.services import measure_update_search_vector
from tests.factories import SLTUnitFactory


class MeasureFactory(factory.django.DjangoModelFactory):
    """A measure; pass state="published" for a public one. Themes default to rus-alkohol."""

    class Meta:
        model = Measure
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Testtiltak {n}")
    summary = "Et kort sammendrag av tiltaket."
    description = "En lengre beskrivelse."
    unit = factory.SubFactory(SLTUnitFactory)
    contact_name = "Kari Kontakt"
    contact_email = factory.Sequence(lambda n: f"kontakt{n}@kommune.example.no")
    state = Measure.State.DRAFT
    published_at = factory.LazyAttribute(lambda o: timezone.now() if o.state == Measure.State.PUBLISHED else None)

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if not create:
            return
        slugs = extracted if extracted is not None else ["rus-alkohol"]
        obj.themes.set(Theme.objects.filter(slug__in=slugs))
        measure_update_search_vector(measure_ids=[obj.pk])

    @factory.post_generation
    def classifications(obj, create, extracted, **kwargs):
        """classifications={"arenas": ["skole"], "age_bands": ["13-15"]}"""
        if not create or not extracted:
            return
        kinds = {
            "arenas": "arena",
            "age_bands": "age_band",
            "prevention_levels": "prevention_level",
            "partner_sectors": "partner_sector",
        }
        for attr, slugs in extracted.items():
            getattr(obj, attr).set(Classification.objects.filter(kind=kinds[attr], slug__in=slugs))


def published(**kwargs):
    return MeasureFactory(state=Measure.State.PUBLISHED, **kwargs)
