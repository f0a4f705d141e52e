"""The measure bank's search: free text and facets with counts.

Full-text search runs on PostgreSQL: the `norwegian` configuration on `Measure.search_vector`
(title A, summary B, description C; GIN index; written by the service layer), queried with
`websearch_to_tsquery`, so any user input is valid syntax. On SQLite (development only) the
fallback is a plain `icontains` per word after stripping a few common Norwegian endings
(tiltakene → tiltak); it has no ranking ("relevance" sorts by newest) and no real stemming.

`facets.py` holds the facet kinds and the registry `FACETS`; `query.py` runs the search.
"""

from .facets import FACETS, Facet, FacetOption
from .query import SORTS, SearchParams, measure_export_rows, measure_search

__all__ = ["FACETS", "SORTS", "Facet", "FacetOption", "SearchParams", "measure_export_rows", "measure_search"]
