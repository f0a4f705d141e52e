"""Property-based fuzzing (issue 11, item 14), on PostgreSQL: hostile input never gives a server
error, and a form post that fails stores nothing.

- every public form (contact, event registration, login, password reset) with random field values,
  some plausible, most hostile (NUL bytes, huge numbers, any Unicode, very long strings);
- every query parameter of the public lists and searches (the GET forms: directory, measure bank,
  library, news, events, recordings, site search), with several values per parameter;
- the Django admin's change lists, as a verified superuser, for every registered ModelAdmin: random
  values for its filters' parameters, date hierarchy, search, ordering and paging.

Hypothesis draws 25 examples per test, derandomised (the same examples on every run, so a failure
repeats). The data is made once per module in a transaction that is rolled back at the end; each
example runs in a savepoint that is rolled back, with an empty cache (rate limits), so no example
sees another's writes.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.core.cache import cache
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.documents.factories import NewsArticleFactory, PublicationFactory
from tests.events.factories import EventFactory, RecordingFactory, RegistrationFactory
from tests.factories import (
    CoordinatorFactory,
    MunicipalityFactory,
    SLTUnitFactory,
    UnitMunicipalityFactory,
    UserFactory,
)
from tests.helpers import Client, finish_response
from tests.measures.factories import MeasureFactory, published

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

FUZZ = settings(
    derandomize=True,
    database=None,
    max_examples=25,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure shows the example as drawn
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- Values --------------------------------------------------------------------------------------

NASTY = [
    "\x00",
    "a\x00b",
    "9" * 30,
    "-" + "9" * 30,
    "1e999",
    "NaN",
    "-1",
    "0",
    "²",
    "٣",
    "2024-02-30",
    "99999-12-31",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "%",
    "_",
    "\\",
    "\u202e",
    " ",
    "x" * 3000,
]
HUGE_NUMBERS = st.integers(min_value=-(10**40), max_value=10**40).map(str)
WITH_NUL = st.builds(lambda before, after: f"{before}\x00{after}", st.text(max_size=8), st.text(max_size=8))
HOSTILE = st.one_of(st.sampled_from(NASTY), st.text(max_size=40), HUGE_NUMBERS, WITH_NUL)


def hostile_query(names):
    """A query string: 1–4 of `names` and now and then an unknown name, each with 1–3 values."""
    values = st.lists(HOSTILE, min_size=1, max_size=3)
    known = st.dictionaries(st.sampled_from(names), values, min_size=1, max_size=4)
    unknown = st.dictionaries(st.text(min_size=1, max_size=10), values, max_size=1)
    return st.tuples(known, unknown).map(lambda parts: parts[1] | parts[0])


# --- Data: made once per module, rolled back at its end ------------------------------------------


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        unit = SLTUnitFactory(name="SLT Fuzz", slug="slt-fuzz")
        UnitMunicipalityFactory(unit=unit, municipality=MunicipalityFactory(name="Fuzzkommune"))
        coordinator = CoordinatorFactory(unit=unit, is_public=True)
        published(unit=unit, title="Publisert tiltak", classifications={"age_bands": ["13-15"]}, ungsinn_level=3)
        MeasureFactory(unit=unit, title="Utkast")
        PublicationFactory(unit=unit)
        PublicationFactory(unit=unit, is_restricted=True)
        NewsArticleFactory(title="Nyhet om mobbing")
        event = EventFactory(slug="fuzz-samling", capacity=5)
        RecordingFactory(event=event)
        RegistrationFactory(event=event)
        superuser = UserFactory(is_staff=True, is_superuser=True)
        yield {"event": event, "coordinator": coordinator, "superuser": superuser, "unit": unit}
        transaction.set_rollback(True)


@pytest.fixture
def fuzz_client(data, db):
    return Client(raise_request_exception=False)


def _request(client, method, url, params):
    """One example: in a savepoint that is rolled back, with an empty cache."""
    cache.clear()
    with transaction.atomic():
        response = getattr(client, method)(url, params)
        transaction.set_rollback(True)
    finish_response(response)
    return response


def _row_counts() -> dict[str, int]:
    """Rows per table (in one query), except django-axes's records of failed logins (kept by
    design) and sessions."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.app_label not in {"axes", "sessions"} and model._meta.managed and not model._meta.proxy
        }
    )
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT count(*) FROM {quote(table)})" for table in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))


# --- Public lists and searches (GET) -------------------------------------------------------------

MEASURE_PARAMS = ["q", "theme", "arena", "age", "level", "evidence", "county", "status", "sort", "page"]
LISTS = {
    "/sok/": ["q"],
    "/finn-koordinator/": ["q", "page"],
    "/tiltak/": MEASURE_PARAMS,
    "/tiltak/eksport.csv": MEASURE_PARAMS,
    "/dokumenter/": ["q", "kind", "language", "scope", "theme", "page"],
    "/aktuelt/": ["q", "page"],
    "/arrangementer/": ["q", "kind", "county", "page"],
    "/arrangementer/tidligere/": ["q", "page"],
    "/arrangementer/opptak/": ["ar"],
    "/arrangementer/fuzz-samling/": ["invitasjon"],
}


@pytest.mark.parametrize("url", list(LISTS))
@FUZZ
@given(params=st.data())
def test_public_lists_never_fail(fuzz_client, url, params):
    query = params.draw(hostile_query(LISTS[url]), label="query")
    response = _request(fuzz_client, "get", url, query)
    assert response.status_code in (200, 400), (url, query, response.status_code)


# --- Public forms (POST) -------------------------------------------------------------------------


def _fields(spec: dict) -> st.SearchStrategy:
    """Either each field absent, hostile or plausible, or every field plausible but one hostile."""
    mixed = st.fixed_dictionaries({}, optional={name: st.one_of(HOSTILE, good) for name, good in spec.items()})
    plausible = st.fixed_dictionaries(spec)
    one_bad = st.tuples(plausible, st.sampled_from(list(spec)), HOSTILE).map(lambda t: t[0] | {t[1]: t[2]})
    return st.one_of(mixed, one_bad)


TEXT = st.text(min_size=1, max_size=60)
EMAIL = st.emails()
FORMS = {
    "documents:contact": {
        "name": TEXT,
        "email": EMAIL,
        "subject": TEXT,
        "message": st.text(min_size=1, max_size=500),
        "municipality": st.integers(min_value=-5, max_value=2000).map(str),
        "website": st.just(""),
    },
    "events:register": {
        "name": TEXT,
        "email": EMAIL,
        "organisation": TEXT,
        "unit": st.sampled_from(["", "1", "2", "3"]),
        "role": TEXT,
        "dietary_needs": TEXT,
        "accessibility_needs": TEXT,
        "consent_participant_list": st.sampled_from(["on", "true", "1", ""]),
    },
    "accounts:login": {"username": EMAIL, "password": TEXT},
    "accounts:password_reset": {"email": EMAIL},
}


def _form_url(name, data):
    return reverse(name, args=[data["event"].slug]) if name == "events:register" else reverse(name)


@pytest.mark.parametrize("name", list(FORMS))
@FUZZ
@given(draw=st.data())
def test_public_forms_never_fail_and_store_nothing_when_refused(fuzz_client, data, name, draw):
    fields = draw.draw(_fields(FORMS[name]), label="fields")
    url = _form_url(name, data)
    cache.clear()
    with transaction.atomic():
        before = _row_counts()
        response = fuzz_client.post(url, fields)
        after = _row_counts()
        transaction.set_rollback(True)
    assert response.status_code < 500, (name, fields, response.status_code)
    if response.status_code != 302:  # refused (400, 429): nothing stored, not even in part
        changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
        assert not changed, (name, fields, response.status_code, changed)


# --- The Django admin's change lists -------------------------------------------------------------

# Every change list, including a NUL byte or a huge number in a filter value (issue 11 item 12: 400, not 500).
ADMIN_MODELS = [
    pytest.param(model, id=model._meta.label)
    for model in sorted(admin.site._registry, key=lambda model: model._meta.label)
]


_PARAMS: dict[str, list[str]] = {}


def _changelist_params(client, url) -> list[str]:
    """The parameters of the change list's own filters and date hierarchy, plus search, ordering,
    paging and facets (asked once per change list)."""
    if url in _PARAMS:
        return _PARAMS[url]
    response = client.get(url)
    assert response.status_code == 200, url
    changelist = response.context["cl"]
    names = ["q", "o", "p", "all", "e", "_facets", "_to_field", "_popup"]
    for spec in changelist.filter_specs:
        names += spec.expected_parameters()
    if changelist.date_hierarchy:
        names += [f"{changelist.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    _PARAMS[url] = names
    return names


@pytest.mark.parametrize("model", ADMIN_MODELS)
@FUZZ
@given(draw=st.data())
def test_admin_change_list_filters_never_fail(data, db, model, draw):
    client = Client(raise_request_exception=False)
    client.force_login(data["superuser"])
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    query = draw.draw(hostile_query(_changelist_params(client, url)), label="query")
    response = _request(client, "get", url, query)
    # Django answers unknown or invalid filters by redirecting to ?e=1.
    assert response.status_code in (200, 302, 400), (url, query, response.status_code)
