import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def bokmal():
    """A request to /en/ leaves English active in the test thread, which would make the next
    test's reverse() produce /en/ URLs; start every test in bokmål."""
    translation.activate("nb")
    yield
    translation.activate("nb")
