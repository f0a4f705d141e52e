"""Shared factories: one per model. Apps may add their own in tests/<app>/factories.py."""

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.models import SFK_ADMIN_GROUP, User
from municipalities.models import (
    Coordinator,
    County,
    District,
    Invitation,
    Municipality,
    SLTUnit,
    UnitDistrict,
    UnitMunicipality,
)

TEST_PASSWORD = "korrekt-hest-batteri-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"bruker{n}@example.no")
    full_name = factory.Sequence(lambda n: f"Testbruker {n}")
    preferred_language = "nb"
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def sfk_admin(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.add(Group.objects.get_or_create(name=SFK_ADMIN_GROUP)[0])
        if create:
            obj.save()


class CountyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = County
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: f"{50 + n % 49:02d}")
    name = factory.Sequence(lambda n: f"Testfylke {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    county = factory.SubFactory(CountyFactory)
    number = factory.Sequence(lambda n: f"{9000 + n % 999:04d}")
    name = factory.Sequence(lambda n: f"Testkommune {n}")
    official_name = factory.SelfAttribute("name")
    slug = factory.Sequence(lambda n: f"testkommune-{n}")
    valid_from = timezone.datetime(2024, 1, 1).date()


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    municipality = factory.SubFactory(MunicipalityFactory)
    number = factory.Sequence(lambda n: f"{900000 + n:06d}")
    name = factory.Sequence(lambda n: f"Testbydel {n}")
    slug = factory.Sequence(lambda n: f"testbydel-{n}")


class SLTUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SLTUnit

    name = factory.Sequence(lambda n: f"SLT Testenhet {n}")
    slug = factory.Sequence(lambda n: f"slt-testenhet-{n}")
    status = SLTUnit.Status.ACTIVE
    email = factory.Sequence(lambda n: f"slt{n}@kommune.example.no")


class UnitMunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitMunicipality

    unit = factory.SubFactory(SLTUnitFactory)
    municipality = factory.SubFactory(MunicipalityFactory)


class UnitDistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitDistrict

    unit = factory.SubFactory(SLTUnitFactory)
    district = factory.SubFactory(DistrictFactory)


class CoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coordinator

    unit = factory.SubFactory(SLTUnitFactory)
    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Koordinator {n}")
    title = "SLT-koordinator"
    email = factory.Sequence(lambda n: f"koordinator{n}@kommune.example.no")


class InvitationFactory(factory.django.DjangoModelFactory):
    """A stored invitation row (no e-mail; `municipalities.services.invitation_send` sends one).
    Pass `used_at`, `revoked_at` or a past `expires_at` for the other states."""

    class Meta:
        model = Invitation

    coordinator = factory.SubFactory(CoordinatorFactory, user=None)
    email = factory.LazyAttribute(lambda o: o.coordinator.email)
    nonce = factory.Sequence(lambda n: f"nonce-{n:08d}")
    created_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyAttribute(lambda o: o.created_at + timezone.timedelta(days=7))
