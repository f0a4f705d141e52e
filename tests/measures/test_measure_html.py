"""The measure bank's facets and cards built in Python (measures/templatetags/measure_html.py):
every value escaped, the same markup the templates gave."""

from django.template import Context, Template

from measures.cards import MeasureCard
from measures.search.facets import Facet, FacetOption


def _render(source: str, **context) -> str:
    return Template("{% load measure_html %}" + source).render(Context(context))


def test_card_values_are_escaped():
    card = MeasureCard(
        pk=1,
        title="<b>Leksehjelp</b>",
        url='/tiltak/1-a/?x="1"',
        language="nb",
        summary="Barn & unge",
        unit_name="Oslo",
        status_label="Aktivt",
        evidence_label="Ikke vurdert",
        evidence_color="neutral",
        themes=["Skole <og> frafall"],
        age_bands=["13–15 år"],
    )
    html = _render("{% measure_card_items cards %}", cards=[card])
    assert "&lt;b&gt;Leksehjelp&lt;/b&gt;" in html
    assert 'href="/tiltak/1-a/?x=&quot;1&quot;"' in html
    assert "Barn &amp; unge" in html
    assert '<span class="ds-tag" data-color="accent" data-variant="outline">Skole &lt;og&gt; frafall</span>' in html
    assert '<span class="ds-tag" data-color="neutral" data-variant="outline">13–15 år</span>' in html
    assert html.startswith("<li><article") and html.endswith("</article>\n</li>")


def test_facet_options_are_escaped_numbered_and_checked():
    facets = [
        Facet("theme", "Tema", [FacetOption("a", "A & B", 3, False), FacetOption("b", "<i>B</i>", 1200, True)]),
        Facet("status", "Status", [FacetOption("active", "Aktivt", 0, False)]),
    ]
    html = _render("{% measure_facets facets %}", facets=facets)
    assert html.count("<details") == 2
    assert '<details class="ds-details facet" open>' in html  # the first, and any with a choice
    assert '<details class="ds-details facet">' in html
    assert 'name="theme" value="b" id="f-theme-2" checked>' in html
    assert 'for="f-theme-1">A &amp; B <span class="facet-count">(3)</span>' in html
    assert "&lt;i&gt;B&lt;/i&gt;" in html
