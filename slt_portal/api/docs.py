"""The documentation pages' content, generated from the OpenAPI schema: per dataset its
endpoints with parameters and its fields with types and descriptions. The schema's texts are
lazy translations, so the same schema reads in bokmål, nynorsk or English on the page (and in
English in openapi.json)."""

from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .urls import api

PREFIX = "/api/v1/"

# (key, heading, item schema, example query for curl)
DATASETS = [
    ("municipalities", _("Kommuner"), "MunicipalityOut", "municipalities?county=46"),
    ("counties", _("Fylker"), "CountyOut", "counties"),
    ("units", _("SLT-enheter og koordinatorer"), "UnitOut", "units?status=active&page_size=20"),
    ("measures", _("Tiltak"), "MeasureOut", "measures?q=mobbing&evidence=4&evidence=5&sort=title"),
    ("publications", _("Publikasjoner"), "PublicationOut", "publications?kind=handbook"),
    ("events", _("Arrangementer"), "EventOut", "events?period=past&kind=conference"),
    ("news", _("Nyheter"), "NewsOut", "news?page=2&page_size=10"),
]
# Nested objects described once, after the datasets.
SHARED = ["Term", "Name", "UnitRef", "SltStatus", "DistrictOut", "CoordinatorOut", "MemberRef", "Coverage"]
SHARED += ["DocumentRef", "PublicationRef", "SessionOut", "RecordingOut", "Licence", "Error"]


@dataclass
class Parameter:
    name: str
    location: str
    type: str
    required: bool
    description: object


@dataclass
class Operation:
    path: str
    summary: object
    description: object
    parameters: list[Parameter] = field(default_factory=list)


@dataclass
class Property:
    name: str
    type: str
    description: object


@dataclass
class Dataset:
    key: str
    title: object
    operations: list[Operation]
    fields: list[Property]
    example: str


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def type_of(prop: dict) -> str:
    """A short, readable type for a JSON Schema property ("string", "Term[]", "integer | null")."""
    if "$ref" in prop:
        return _ref_name(prop["$ref"])
    if "anyOf" in prop:
        return " | ".join(type_of(p) for p in prop["anyOf"])
    if "enum" in prop:
        return " | ".join(f'"{value}"' for value in prop["enum"])
    if "const" in prop:
        return f'"{prop["const"]}"'
    kind = prop.get("type", "object")
    if kind == "array":
        return f"{type_of(prop.get('items', {}))}[]"
    return kind


def _properties(component: dict) -> list[Property]:
    return [Property(name, type_of(p), p.get("description", "")) for name, p in component.get("properties", {}).items()]


@cache
def schema() -> dict:
    return api.get_openapi_schema(path_prefix=PREFIX)


def _operations(paths: dict, key: str) -> list[Operation]:
    found = []
    for path, methods in paths.items():
        if path.removeprefix(PREFIX).split("/", 1)[0] != key:
            continue
        get = methods["get"]
        params = [
            Parameter(p["name"], p["in"], type_of(p["schema"]), p.get("required", False), p.get("description", ""))
            for p in get.get("parameters", [])
        ]
        found.append(Operation(path, get.get("summary", ""), get.get("description", ""), params))
    return found


def documentation() -> dict:
    """Context for the documentation page."""
    spec = schema()
    components = spec["components"]["schemas"]
    base = f"{settings.SITE_URL}{PREFIX}"
    datasets = [
        Dataset(key, title, _operations(spec["paths"], key), _properties(components[item]), f"{base}{example}")
        for key, title, item, example in DATASETS
    ]
    shared = [(name, _properties(components[name])) for name in SHARED if name in components]
    return {
        "datasets": datasets,
        "shared": shared,
        "page_fields": [p for p in _properties(components["CountyPage"]) if p.name != "results"],
        "base_url": base,
        "openapi_url": f"{base}openapi.json",
        "max_page_size": settings.API_MAX_PAGE_SIZE,
        "rate_limit": settings.API_RATE_LIMIT,
    }
