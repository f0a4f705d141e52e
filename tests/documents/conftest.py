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


@pytest.fixture(autouse=True)
def info_pages(request):
    """The pages come from a data migration; browser tests (transactional) empty every table, so
    put them back when a test in this folder uses the database."""
    if "db" not in request.fixturenames and not request.node.get_closest_marker("django_db"):
        return
    request.getfixturevalue("db")
    from documents.content import ensure_pages
    from documents.models import InfoPage

    ensure_pages(InfoPage)
