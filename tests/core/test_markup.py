import pytest
from django.template import Context, Template

from core.markup import render_markdown


def test_raw_html_and_unsafe_links_are_removed():
    html = render_markdown(
        "**Viktig** <script>alert(1)</script><img src=x onerror=alert(1)> [a](javascript:alert(1)) "
        "<a href='https://ok.no' onclick='x()'>ok</a>"
    ).html
    assert "<strong>Viktig</strong>" in html
    assert "<script" not in html and "onerror" not in html and "onclick" not in html
    assert "javascript:" not in html
    assert 'href="https://ok.no"' in html and 'rel="noopener noreferrer"' in html


def test_headings_fit_under_the_base_level_in_rank_order():
    html = render_markdown("# Topp\n\n### Under\n\n##### Dypt", base_level=3).html
    assert "<h3>Topp</h3>" in html and "<h4>Under</h4>" in html and "<h5>Dypt</h5>" in html
    assert "<h1" not in html and "<h2" not in html


def test_heading_levels_are_capped_at_h6():
    html = render_markdown("# A\n\n## B\n\n### C\n\n#### D", base_level=4).html
    assert "<h6>C</h6>" in html and "<h6>D</h6>" in html


def test_default_base_level_is_h2_and_no_anchors_without_toc():
    rendered = render_markdown("# Tittel\n\nTekst")
    assert rendered.html.startswith("<h2>Tittel</h2>")
    assert rendered.toc == []
    assert "id=" not in rendered.html


def test_table_of_contents_lists_base_level_headings_with_anchors():
    rendered = render_markdown("## Hvem bruker SLT?\n\ntekst\n\n### Detalj\n\n## Les mer & mer", toc=True)
    assert rendered.toc == [("del-hvem-bruker-slt", "Hvem bruker SLT?"), ("del-les-mer-mer", "Les mer & mer")]
    assert 'id="del-hvem-bruker-slt"' in rendered.html
    assert "<h3" in rendered.html


def test_code_blocks_are_not_headings():
    rendered = render_markdown("## Ekte\n\n```\n# ikke overskrift\n```", toc=True)
    assert [title for _anchor, title in rendered.toc] == ["Ekte"]
    assert "<pre><code># ikke overskrift" in rendered.html


def test_designsystemet_classes_on_request():
    html = render_markdown("## Del\n\nTekst [lenke](https://ok.no)\n\n|a|b|\n|-|-|\n|1|2|", ds_classes=True).html
    heading = html.split(">Del</h2>")[0]  # attribute order is not fixed
    assert heading.startswith("<h2 ") and 'class="ds-heading"' in heading and 'data-size="sm"' in heading
    assert '<p class="ds-paragraph">' in html and 'class="ds-link"' in html
    assert '<table class="ds-table">' in html and '<th scope="col">a</th>' in html
    assert "class=" not in render_markdown("Tekst").html


def test_rejects_impossible_base_level():
    with pytest.raises(ValueError):
        render_markdown("x", base_level=7)


def test_template_filter_takes_the_base_level():
    template = Template("{% load portal %}{{ text|markdown:3 }}|{{ text|markdown }}")
    html = template.render(Context({"text": "# A <b>x</b>"}))
    assert html == "<h3>A x</h3>|<h2>A x</h2>"
    assert Template("{% load portal %}{{ text|markdown }}").render(Context({"text": None})) == ""


def test_rendering_is_kept_per_process_for_the_same_arguments_only():
    text = "## Om SLT\n\nTekst [Sfk: sjekk dette]."
    first = render_markdown(text, toc=True)
    assert render_markdown(text, toc=True) is first  # converted once
    assert render_markdown(text, toc=True, show_notes=True) is not first
    assert "sjekk dette" in render_markdown(text, show_notes=True).html
    assert "sjekk dette" not in first.html
    assert "Ny tekst" in render_markdown(text.replace("Tekst", "Ny tekst"), toc=True).html
