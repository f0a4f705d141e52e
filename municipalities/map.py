"""The coverage map: Kartverket's municipality boundaries (WGS84 GeoJSON) projected to a
transverse Mercator plane (central meridian 15° E, like UTM zone 33), simplified and drawn as
SVG. The projected paths do not depend on content: they are computed once per process (about
a quarter of a second); the SVG is assembled per request from each municipality's status."""

import json
import math
from functools import cache as once
from html import escape
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .models import SLTUnit, status_text

DATA_FILE = Path(__file__).resolve().parent / "data" / "kommuner-2024-s.geojson"
WIDTH = 600
CENTRAL_MERIDIAN = math.radians(15)
TOLERANCE = 0.6  # pixels, Douglas–Peucker
MIN_RING_AREA = 1.5  # square pixels; smaller islands are dropped (the largest ring always kept)


def _project(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon) - CENTRAL_MERIDIAN, math.radians(lat)
    b = math.cos(phi) * math.sin(lam)
    x = 0.5 * math.log((1 + b) / (1 - b))
    y = math.atan2(math.tan(phi), math.cos(lam))
    return x, y


def _simplify(points, tolerance):
    """Douglas–Peucker, iterative."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        index, distance = None, tolerance
        for i in range(first + 1, last):
            x0, y0 = points[i]
            if norm < 1e-9:  # closed ring: distance to the shared end point
                d = math.hypot(x0 - x1, y0 - y1)
            else:
                d = abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / norm
            if d > distance:
                index, distance = i, d
        if index is not None:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def _area(ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def build_paths() -> dict:
    """{'width', 'height', 'paths': {kommunenummer: svg path data}}."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    projected = {}
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        rings = [[_project(lon, lat) for lon, lat in ring] for polygon in polygons for ring in polygon]
        projected[feature["properties"]["kommunenummer"]] = rings
    xs = [x for rings in projected.values() for ring in rings for x, _y in ring]
    ys = [y for rings in projected.values() for ring in rings for _x, y in ring]
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    scale = WIDTH / (max_x - min_x)
    height = math.ceil((max_y - min_y) * scale)
    paths = {}
    for number, rings in projected.items():
        screen = [[((x - min_x) * scale, (max_y - y) * scale) for x, y in ring] for ring in rings]
        largest = max(screen, key=_area)
        parts = []
        for ring in screen:
            if ring is not largest and _area(ring) < MIN_RING_AREA:
                continue
            simple = _simplify(ring, TOLERANCE)
            if len(simple) < 3:
                continue
            parts.append(_ring_path(simple))
        paths[number] = "".join(parts)
    return {"width": WIDTH, "height": height, "paths": paths}


def _tenths(value: int) -> str:
    """A number of tenths of a pixel as short SVG text: 32 -> "3.2", -2 -> "-.2", 40 -> "4"."""
    whole, tenth = divmod(abs(value), 10)
    text = (str(whole) if whole else "") + (f".{tenth}" if tenth else "") or "0"
    return "-" + text if value < 0 else text


def _ring_path(ring) -> str:
    """One closed ring as path data: the first point absolute, then relative steps ("l"), to a
    tenth of a pixel. Relative steps are short numbers, so the map's HTML is about 40 % smaller
    than with absolute coordinates, for the same drawing."""
    points = [(round(x * 10), round(y * 10)) for x, y in ring]
    numbers = []
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if (x0, y0) != (x1, y1):
            numbers += [x1 - x0, y1 - y0]
    text = ""
    for value in numbers:
        part = _tenths(value)
        text += part if not text or part.startswith("-") else " " + part
    return f"M{_tenths(points[0][0])} {_tenths(points[0][1])}l{text}Z"


@once
def map_paths() -> dict:
    """build_paths(), once per process: the boundaries are vendored reference data."""
    return build_paths()


def legend() -> list[tuple[str, str]]:
    """(CSS modifier, wording) for the map's legend, in the words of the areas' titles."""
    return [
        ("active", status_text(SLTUnit.Status.ACTIVE)),
        ("establishing", status_text(SLTUnit.Status.ESTABLISHING)),
        ("none", status_text(None)),
    ]


def coverage_svg(rows) -> str:
    """The map as inline SVG; each municipality a link with a <title>. `rows`: selectors.place_rows()."""
    data = map_paths()
    paths = data["paths"]
    items = []
    for row in rows:
        path = paths.get(row.number)
        if not path:
            continue
        # f-strings for speed (357 areas; format_html's lazy-aware escaping costs more than the rest):
        # every value is escaped with html.escape, as Django's escape() does.
        items.append(
            f'<a href="{escape(row.url)}" class="map-area map-area--{row.status or "none"}">'
            f'<title>{escape(row.name)}: {escape(row.status_text)}</title><path d="{path}"/></a>'
        )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" class="coverage-map" '
        'aria-labelledby="coverage-map-title"><title id="coverage-map-title">{}</title>{}</svg>',
        data["width"],
        data["height"],
        _("Kart over kommuner med SLT"),
        mark_safe("".join(items)),
    )
