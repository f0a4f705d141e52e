import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _clear_cache_and_language():
    cache.clear()
    translation.activate("nb")
    yield
    cache.clear()
    translation.activate("nb")


@pytest.fixture
def themes(db):
    from tests.documents.factories import ThemeFactory

    return [ThemeFactory(slug="rus", name="Rus og alkohol"), ThemeFactory(slug="vold", name="Vold")]
