"""Schema-based fuzz test of the open data API with schemathesis: at most 25 generated cases per
operation, derandomized, sent through the WSGI application, once. Every answer must be a
documented status with the documented JSON body: no server error, no schema violation.
Runs on PostgreSQL (CI), where the measure bank's full-text search and NUL handling matter."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import translation
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from documents.models import Publication
from slt_portal.api.docs import schema as openapi_schema
from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory, RecordingFactory, SessionFactory
from tests.factories import CoordinatorFactory
from tests.measures.factories import published
from tests.municipalities.factories import unit_for

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def keep_test_connection():
    """The WSGI handler closes the database connection after each request (Django's test client
    turns that off): keep the test's connection and transaction open, as the test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def content(municipalities):
    unit = unit_for("4601", name="SLT Bergen")
    CoordinatorFactory(unit=unit, phone="+4740000000")
    published(unit=unit, themes=["mobbing"], classifications={"arenas": ["skole"], "age_bands": ["13-15"]})
    PublicationFactory(slug="handbok")
    PublicationFactory(slug="intern", is_restricted=True, kind=Publication.Kind.TEMPLATE)
    NewsArticleFactory(slug="nyhet")
    event = EventFactory(slug="konferansen")
    SessionFactory(event=event)
    RecordingFactory(event=event)


def _load():
    # The schema the API serves at /api/v1/openapi.json (built without a request, so collecting
    # this module needs no database); the cases are sent to the WSGI application.
    from ninja.responses import NinjaJSONEncoder

    with translation.override("en"):
        spec = json.loads(json.dumps(openapi_schema(), cls=NinjaJSONEncoder))
    loaded = schemathesis.openapi.from_dict(spec)
    loaded.app = get_wsgi_application()
    return loaded


schema = _load()


@schema.parametrize()
@settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema(case):
    case.call_and_validate(
        # The WSGI transport does not decompress: ask for the body as it is (GZipMiddleware).
        headers={"Accept-Encoding": "identity"},
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )
