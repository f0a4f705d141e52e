import pytest
from django.core.cache import cache

from municipalities.map import CACHE_KEY, build_paths, map_paths


def test_every_municipality_gets_a_path():
    data = build_paths()
    assert len(data["paths"]) == 357
    assert all(path.startswith("M") and path.endswith("Z") for path in data["paths"].values())
    assert data["height"] > data["width"]  # Norway is tall


def test_paths_are_cached():
    cache.delete(CACHE_KEY)
    first = map_paths()
    assert cache.get(CACHE_KEY) == first


@pytest.mark.django_db
def test_map_links_to_municipality_pages(client, municipalities):
    html = client.get("/dekningskart/").content.decode()
    assert 'href="/kommune/4601/"' in html
    assert "<title>Bergen: Ingen SLT-enhet</title>" in html
