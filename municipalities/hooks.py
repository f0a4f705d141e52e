"""Where apps above municipalities (measures, documents) add sections to the unit page without
municipalities importing them. Providers are registered in their AppConfig.ready()."""

from django.utils.safestring import mark_safe

# (order, callable(unit=, request=) -> HTML) pairs; shown in order after the unit's facts.
UNIT_PAGE_SECTIONS: list[tuple[int, object]] = []


def unit_page_sections(*, unit, request) -> list[str]:
    return [
        mark_safe(html)
        for _order, provider in sorted(UNIT_PAGE_SECTIONS, key=lambda pair: pair[0])
        if (html := provider(unit=unit, request=request))
    ]
