"""The open data API (/api/v1/, read-only JSON, OpenAPI 3) and its documentation pages (/api/).

The project package's top layer: it reads every app through their selectors and querysets and
nothing imports it except slt_portal.urls. `base` holds the NinjaAPI object, licence, errors
and pagination; one module per group of datasets adds its routes; `http` wraps every answer
(rate limit, CORS, conditional GET, JSON for everything); `docs` turns the OpenAPI schema into
the documentation pages.
"""
