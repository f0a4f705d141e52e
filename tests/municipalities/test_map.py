import re

import pytest

from municipalities.map import _ring_path, build_paths, map_paths


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


def _decode(path: str) -> list[list[tuple[int, int]]]:
    """Absolute points, in tenths of a pixel, of "M x y l dx dy … Z" rings."""
    rings = []
    for ring in path.split("Z")[:-1]:
        start, _l, steps = ring[1:].partition("l")
        numbers = [round(float(n) * 10) for n in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", steps)]
        x, y = (round(float(n) * 10) for n in start.split())
        points = [(x, y)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
        rings.append(points)
    return rings


def test_relative_path_data_draws_the_same_points_and_is_short():
    ring = [(10.04, 20.0), (13.26, 20.0), (13.26, 18.97), (9.5, 25.0), (10.04, 20.0)]
    path = _ring_path(ring)
    assert path == "M10 20l3.3 0 0-1-3.8 6 .5-5Z"
    assert _decode(path) == [[(100, 200), (133, 200), (133, 190), (95, 250), (100, 200)]]

    data = build_paths()
    width, height = data["width"] * 10, data["height"] * 10
    for number, path in data["paths"].items():
        for points in _decode(path):
            assert len(points) >= 3, number
            assert all(-5 <= x <= width + 5 and -5 <= y <= height + 5 for x, y in points), number
            assert points[0] == points[-1], number  # each ring comes back to its start
    assert sum(len(path) for path in data["paths"].values()) < 120_000  # absolute coordinates took ~170 000
