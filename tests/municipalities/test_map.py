import pytest

from municipalities.map import build_paths, map_paths


def test_every_municipality_gets_a_path():
    data = build_paths()
    assert len(data["paths"]) == 357
    assert all(path.startswith("M") and path.endswith("Z") for path in data["paths"].values())
    assert data["height"] > data["width"]  # Norway is tall


def test_paths_are_built_once_per_process():
    map_paths.cache_clear()
    first = map_paths()
    assert map_paths() is first


@pytest.mark.django_db
def test_map_links_to_municipality_pages(client, municipalities):
    html = client.get("/dekningskart/").content.decode()
    assert 'href="/kommune/4601/"' in html
    assert "<title>Bergen: Ingen SLT-enhet</title>" in html
