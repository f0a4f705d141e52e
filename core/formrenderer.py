"""The form renderer (settings.FORM_RENDERER): Django's template renderer with a fast path for
<select>, <input> and <textarea>.

Django renders a <select> through three templates, one include per <option> (and one more for its
attributes): a filter form with a county and a theme list spends most of its time there. The fast
path builds the same markup in Python, byte for byte (tests/core/test_formrenderer.py compares it
with Django's templates), for the stock select templates only; any other template, or a project
that overrides the select templates in an app, goes through the templates as before. Text-like
inputs and textareas (one template and an attrs include each, a long form has dozens) take the
same kind of fast path, and so do hidden inputs and single checkboxes (input.html too).
"""

from html import escape as html_escape

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import template_localtime

SELECT = "django/forms/widgets/select.html"
SELECT_OPTION = "django/forms/widgets/select_option.html"
TEXTAREA = "django/forms/widgets/textarea.html"
#: The input templates that only include input.html.
INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in (
        "input",
        "text",
        "email",
        "url",
        "number",
        "date",
        "datetime",
        "time",
        "search",
        "password",
        "tel",
        "hidden",
        "checkbox",
    )
}
STOCK = (SELECT, SELECT_OPTION, TEXTAREA, "django/forms/widgets/attrs.html", *sorted(INPUTS))


def _text(value) -> str:
    """`{{ value }}`: what a template prints for a value (localised, escaped)."""
    if type(value) is str:  # the common case: localize() and template_localtime() return it as is
        return html_escape(value)
    value = localize(template_localtime(value))
    return conditional_escape(value if isinstance(value, str) else str(value))


def _stringformat(value) -> str:
    """`{{ value|stringformat:'s' }}`."""
    if type(value) is str:  # not SafeData: escaped as it is
        return html_escape(value)
    if type(value) is int:
        return str(value)
    try:
        text = "%s" % (str(value) if isinstance(value, tuple) else value)
    except (ValueError, TypeError):
        text = ""
    return conditional_escape(mark_safe(text) if isinstance(value, SafeData) else text)


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {_text(name)}" if value is True else f' {_text(name)}="{_stringformat(value)}"')
    return "".join(parts)


def _select(widget: dict) -> str:
    """django/forms/widgets/select.html with its select_option.html includes, as the template
    renderer returns it (stripped)."""
    out = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            out.append(
                f'\n  <option value="{_stringformat(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out)


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html."""
    value = widget["value"]
    shown = "" if value is None else f' value="{_stringformat(value)}"'
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'


def _textarea(widget: dict) -> str:
    """django/forms/widgets/textarea.html (stripped, as the template renderer returns it)."""
    value = widget["value"]
    text = _text(value) if value else ""
    return f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n{text}</textarea>'.strip()


class FastSelectRenderer(DjangoTemplates):
    """Django's default renderer (`django.forms.renderers.DjangoTemplates`), selects rendered in Python."""

    def render(self, template_name, context, request=None):
        if template_name == SELECT and self._stock_select():
            widget = context["widget"]
            options = (option for _group, group_options, _index in widget["optgroups"] for option in group_options)
            if all(option.get("template_name") == SELECT_OPTION for option in options):
                return _select(widget)
        elif template_name in INPUTS and self._stock_select():
            return _input(context["widget"])
        elif template_name == TEXTAREA and self._stock_select():
            return _textarea(context["widget"])
        return super().render(template_name, context, request=request)

    def _stock_select(self) -> bool:
        """Whether the widget templates are Django's own (no app overrides them)."""
        stock = getattr(self, "_stock", None)
        if stock is None:
            origins = {self.get_template(name).origin.name for name in STOCK}
            stock = self._stock = all("/django/forms/templates/" in origin.replace("\\", "/") for origin in origins)
        return stock
