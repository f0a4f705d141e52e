import pytest

from .factories import MeasureFactory, published


@pytest.fixture
def draft_a(unit_a):
    return MeasureFactory(unit=unit_a, title="Utkast A")


@pytest.fixture
def published_a(unit_a):
    return published(unit=unit_a, title="Publisert A")


@pytest.fixture
def published_b(unit_b):
    return published(unit=unit_b, title="Publisert B")


@pytest.fixture(autouse=True)
def _bokmal():
    """Requests in earlier tests may leave another language active in this thread."""
    from django.utils import translation

    with translation.override("nb"):
        yield
