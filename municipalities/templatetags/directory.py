"""The directory's long tables (every municipality: the county list, the coverage table) as rows
made in Python: 357 rows through the template engine, or through format_html (whose lazy-aware
escaping costs more per call than the rest of the row), cost more than the rest of the page. The
values are plain strings (selectors.PlaceRow); every one is escaped with html.escape, as Django's
escape() does, and only the joined rows are marked safe."""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def county_rows(places):
    """<tr>s of a county's table: municipality (linked), SLT status, unit (linked) or "per district"."""
    per_district = escape(gettext("Per bydel"))
    rows = []
    for p in places:
        if p.unit_url:
            unit = f'<a class="ds-link" href="{escape(p.unit_url)}">{escape(p.unit_name)}</a>'
        else:
            unit = per_district if p.has_districts else "–"
        rows.append(
            f'<tr><th scope="row"><a class="ds-link" href="{escape(p.url)}">{escape(p.name)}</a></th>'
            f"<td>{escape(p.status_text)}</td><td>{unit}</td></tr>"
        )
    return mark_safe("\n".join(rows))


@register.simple_tag
def coverage_rows(places):
    """<tr>s of the coverage table: municipality (linked), county, SLT status."""
    return mark_safe(
        "\n".join(
            f'<tr><th scope="row"><a class="ds-link" href="{escape(p.url)}">{escape(p.name)}</a></th>'
            f"<td>{escape(p.county_name)}</td><td>{escape(p.status_text)}</td></tr>"
            for p in places
        )
    )
