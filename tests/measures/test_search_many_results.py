"""The measure bank with more text matches than fit the one-query id list (ID_LIST_LIMIT)."""

import pytest
from django.urls import reverse

from measures.search import query

from .factories import published

pytestmark = pytest.mark.django_db


def _page(client, **params):
    response = client.get(reverse("measures:list"), params)
    assert response.status_code == 200
    context = response.context
    return [m.title for m in context["page_obj"]], context["page_obj"].paginator.count, context["facets"]


@pytest.mark.parametrize("sort", ["title", "newest", "relevance"])
def test_results_and_facets_are_the_same_above_the_id_list_limit(client, unit_a, unit_b, monkeypatch, sort):
    for n in range(14):
        published(unit=unit_a if n % 2 else unit_b, title=f"Leksehjelp {n:02d}", themes=["skole-frafall"])
    published(unit=unit_a, title="Natteravn", themes=["vold"])
    below = _page(client, q="leksehjelp", sort=sort, page=2)
    monkeypatch.setattr(query, "ID_LIST_LIMIT", 3)
    above = _page(client, q="leksehjelp", sort=sort, page=2)
    titles, total, facets = above
    assert total == 14
    assert titles == below[0]
    assert [(f.name, [(o.value, o.count) for o in f.options]) for f in facets] == [
        (f.name, [(o.value, o.count) for o in f.options]) for f in below[2]
    ]
    theme = next(f for f in facets if f.name == "theme")
    assert ("skole-frafall", 14) in [(o.value, o.count) for o in theme.options]
