"""The measure bank's repeated markup (its facets' options, the measure cards) built in Python.

A page of the bank shows some 50 facet options and 20 cards; as template includes and loops they
were most of the page's rendering time with the caches cold (issue 14). The markup is the same as
the templates gave. Every value is escaped by `_escape`, which is `conditional_escape` without its
lazy-string wrapper: that wrapper, run for each of the some 600 values, cost more than the rest of
the markup (so `format_html` is used only for the few outer parts)."""

import html

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

register = template.Library()


def _escape(value) -> str:
    """`conditional_escape(value)`: safe strings as they are, anything else as escaped text."""
    return value if isinstance(value, SafeData) else html.escape(str(value))


_OPTION = (
    '\n                  <div class="ds-field">\n'
    '                    <input class="ds-input" type="checkbox" name="{0}" value="{1}" id="f-{0}-{2}"{3}>\n'
    '                    <label class="ds-label" data-weight="regular" for="f-{0}-{2}">{4}'
    ' <span class="facet-count">({5})</span></label>\n'
    "                  </div>"
)
_FACET = (
    '\n          <details class="ds-details facet"{0}>\n'
    "            <summary>{1}</summary>\n"
    "            <div>\n"
    '              <fieldset class="ds-fieldset">\n'
    '                <legend class="ds-label visually-hidden">{1}</legend>{2}\n'
    "              </fieldset>\n"
    "            </div>\n"
    "          </details>"
)


@register.simple_tag
def measure_facets(facets) -> SafeString:
    """Every facet as a <details> of checkboxes with their counts (the first one, and any with a
    choice, open)."""
    parts = []
    for index, facet in enumerate(facets):
        name = _escape(facet.name)
        options = "".join(
            _OPTION.format(
                name,
                _escape(option.value),
                number,
                " checked" if option.selected else "",
                _escape(option.label),
                _escape(localize(option.count)),
            )
            for number, option in enumerate(facet.options, start=1)
        )
        is_open = mark_safe(" open") if index == 0 or facet.has_selection else ""
        parts.append(format_html(_FACET, is_open, facet.label, mark_safe(options)))
    return mark_safe("".join(parts))


_CARD = (
    '<li><article class="ds-card measure-card" data-variant="default">\n'
    '  <div class="ds-card__block">\n'
    '    <h3 class="ds-heading" data-size="xs" lang="{0}"><a class="ds-link" href="{1}">{2}</a></h3>\n'
    '    <p class="ds-paragraph card-meta" data-size="sm">{3} · {4}</p>\n'
    '    <p class="ds-paragraph" data-size="sm" lang="{0}">{5}</p>\n'
    '    <ul class="tag-list" aria-label="{6}">\n'
    "      {7}{8}\n"
    '      <li><span class="ds-tag" data-color="{9}">{10}</span></li>\n'
    "    </ul>\n"
    "  </div>\n"
    "</article>\n"
    "</li>"
)
_THEME = '<li><span class="ds-tag" data-color="accent" data-variant="outline">{}</span></li>'
_AGE = '<li><span class="ds-tag" data-color="neutral" data-variant="outline">{}</span></li>'


@register.simple_tag
def measure_card_items(cards) -> SafeString:
    """Each card (`measures.cards.MeasureCard`) as an <li> of the result list: title, unit and
    status, summary, themes, age bands and evidence level."""
    tags_label = _escape(gettext("Temaer og aldersgrupper"))
    return mark_safe(
        "".join(
            _CARD.format(
                _escape(card.language),
                _escape(card.url),
                _escape(card.title),
                _escape(card.unit_name),
                _escape(card.status_label),
                _escape(card.summary),
                tags_label,
                "".join(_THEME.format(_escape(theme)) for theme in card.themes),
                "".join(_AGE.format(_escape(age)) for age in card.age_bands),
                _escape(card.evidence_color),
                _escape(card.evidence_label),
            )
            for card in cards
        )
    )
