"""The directory's long tables (every municipality: the county list, the coverage table) as rows
made with format_html_join: 357 rows through the template engine cost more than the rest of the
page, and these rows are plain values already (selectors.PlaceRow)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def county_rows(places):
    """<tr>s of a county's table: municipality (linked), SLT status, unit (linked) or "per district"."""
    per_district = gettext("Per bydel")

    def unit_cell(place):
        if place.unit_url:
            return format_html('<a class="ds-link" href="{}">{}</a>', place.unit_url, place.unit_name)
        return per_district if place.has_districts else "–"

    return format_html_join(
        "\n",
        '<tr><th scope="row"><a class="ds-link" href="{}">{}</a></th><td>{}</td><td>{}</td></tr>',
        ((p.url, p.name, p.status_text, unit_cell(p)) for p in places),
    )


@register.simple_tag
def coverage_rows(places):
    """<tr>s of the coverage table: municipality (linked), county, SLT status."""
    return format_html_join(
        "\n",
        '<tr><th scope="row"><a class="ds-link" href="{}">{}</a></th><td>{}</td><td>{}</td></tr>',
        ((p.url, p.name, p.county_name, p.status_text) for p in places),
    )
