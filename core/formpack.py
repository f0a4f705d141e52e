"""The Designsystemet form pack (templates/designsystemet/) in Python, for long forms.

`{% crispy form %}` renders each field through templates/designsystemet/field.html and each group
through layout/fieldset.html: on a form with thirty fields and a hundred checkboxes that is most of
the page's CPU time. `render_fieldsets()` builds the same markup, byte for byte, as `{% crispy %}`
with a helper whose layout is `Layout(Fieldset(legend, *items), ...)`, `form_tag = False` and
`disable_csrf = True` (tests/measures/test_form_html.py compares the two). Fields the fast path
does not know (hidden inputs, single checkboxes, radio buttons) still go through field.html.
"""

from html import escape as html_escape

from crispy_forms.templatetags.crispy_forms_utils import remove_spaces
from django import forms
from django.template.loader import get_template
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

FIELD_TEMPLATE = "designsystemet/field.html"
ERRORS_TEMPLATE = "designsystemet/errors.html"
#: Widgets whose field still goes through field.html.
TEMPLATE_WIDGETS = (forms.CheckboxInput, forms.RadioSelect, forms.MultiWidget)


def _esc(value) -> str:
    """django.utils.html.conditional_escape without its lazy-argument wrapper (called per checkbox)."""
    if type(value) is str:  # not SafeData, not lazy
        return html_escape(value)
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html_escape(str(value))


def _add_class(widget, extra: str = "ds-input") -> None:
    """`{% crispy_field field 'class' 'ds-input' %}`: the widget's class name and `extra` in its class."""
    class_name = widget.__class__.__name__.lower()
    css_class = widget.attrs.get("class", "")
    if css_class:
        if css_class.find(class_name) == -1:
            css_class += f" {class_name}"
    else:
        css_class = class_name
    for name in extra.split():
        if name not in css_class.split():
            css_class += f" {name}"
    widget.attrs["class"] = css_class


def _required(field) -> str:
    if not field.field.required:
        return ""
    return f' <span class="required-mark">({_esc(gettext("må fylles ut"))})</span>'


def _errors(field, auto_id: str) -> str:
    errors = field.errors
    if not errors:
        return ""
    text = " ".join(_esc(error) for error in errors)
    return f'<p class="ds-validation-message" data-field="validation" id="{auto_id}_error">{text}</p>'


def _options(field):
    """(id, value, label, selected) of each checkbox, as iterating the bound field gives them:
    straight from the widget's choices when they are flat and the widget makes its options the
    stock way (no BoundWidget and option dict per checkbox), else through the bound field."""
    widget = field.field.widget
    stock = type(widget).optgroups is forms.CheckboxSelectMultiple.optgroups and (
        type(widget).create_option is forms.CheckboxSelectMultiple.create_option
        and type(widget).id_for_label is forms.CheckboxSelectMultiple.id_for_label
        and type(widget).format_value is forms.CheckboxSelectMultiple.format_value
    )
    choices = list(widget.choices) if stock else ()
    if not stock or any(isinstance(label, (list, tuple)) for _value, label in choices):
        for choice in field:
            data = choice.data
            yield data["attrs"].get("id"), data["value"], data["label"], data["selected"]
        return
    id_ = widget.attrs.get("id") or field.auto_id
    selected = widget.format_value(field.value())
    for index, (value, label) in enumerate(choices):
        if value is None:
            value = ""
        yield widget.id_for_label(id_, str(index)) if id_ else None, value, label, str(value) in selected


def _choices(field, auto_id: str, label: str) -> str:
    """The checkbox-group branch of field.html."""
    help_text, errors = field.help_text, field.errors
    described = ""
    if help_text or errors:
        described = (
            f' aria-describedby="{f"{auto_id}_helptext" if help_text else ""}{f" {auto_id}_error" if errors else ""}"'
        )
    help_html = f'<p data-field="description" id="{auto_id}_helptext">{help_text}</p>' if help_text else ""
    columns = " choice-list--columns" if field.field.widget.attrs.get("data_columns") else ""
    name = _esc(field.html_name)
    invalid = ' aria-invalid="true"' if errors else ""
    rows = []
    for choice_id, value, choice_label, selected in _options(field):
        choice_id = _esc(choice_id)
        value = _esc(str(value))
        checked = " checked" if selected else ""
        rows.append(
            '\n        <div class="ds-field">\n'
            f'          <input class="ds-input" type="checkbox" name="{name}" value="{value}" id="{choice_id}"'
            f"{checked}{invalid}>\n"
            f'          <label class="ds-label" data-weight="regular" for="{choice_id}">'
            f"{_esc(choice_label)}</label>\n"
            "        </div>\n      "
        )
    return (
        f'\n  <fieldset class="ds-fieldset form-field" id="div_{auto_id}"{described}>\n'
        f'    <legend class="ds-label">{label}{_required(field)}</legend>\n'
        f"    {help_html}\n"
        f'    <div class="choice-list{columns}">\n      {"".join(rows)}\n    </div>\n'
        f"    {_errors(field, auto_id)}\n"
        "  </fieldset>\n"
    )


def render_field(field, show_errors: bool) -> str:
    """templates/designsystemet/field.html for one bound field."""
    widget = field.field.widget
    if show_errors:
        for item in getattr(widget, "widgets", [widget]):
            item.attrs.pop("autofocus", None)  # the error summary takes the focus ({% drop_autofocus %})
    choices = isinstance(widget, forms.CheckboxSelectMultiple)  # a RadioSelect subclass
    if field.is_hidden or not choices and isinstance(widget, TEMPLATE_WIDGETS):
        context = {"field": field, "form": field.form, "form_show_errors": True}
        return get_template(FIELD_TEMPLATE).render(context)
    auto_id = _esc(field.auto_id)
    label = _esc(field.label)
    head = "\n\n\n"  # the template's {% load %}, comment and drop_autofocus lines
    if choices:
        return head + _choices(field, auto_id, label) + "\n"
    help_text = field.help_text
    help_html = f'<div data-field="description" id="{auto_id}_helptext">{help_text}</div>' if help_text else ""
    label_for = _esc(field.id_for_label)
    _add_class(widget)
    return (
        f'{head}\n  <div class="ds-field form-field" id="div_{auto_id}">\n'
        f'    <label class="ds-label" for="{label_for}">{label}{_required(field)}</label>\n'
        f"    {help_html}\n"
        f"    {field}\n"
        f"    {_errors(field, auto_id)}\n"
        "  </div>\n\n"
    )


def render_fieldsets(form, fieldsets, *, form_show_errors: bool = True) -> SafeString:
    """`{% crispy form %}` for a helper laid out as Fieldset(legend, *items) groups; an item is a
    field name (skipped when the form has no such field) or a SafeString of HTML.
    `form_show_errors` is the helper's: False leaves out the error summary (the page shows its own)
    and keeps the fields' autofocus; each field's own errors are shown either way."""
    show_errors = form_show_errors and bool(form.errors)
    parts = []
    for legend, items in fieldsets:
        fields = [
            item if isinstance(item, SafeString) else render_field(form[item], show_errors)
            for item in items
            if isinstance(item, SafeString) or item in form.fields
        ]
        if not fields:
            continue
        parts.append(
            f'<fieldset class="ds-fieldset" >\n  <legend class="ds-label">{legend}</legend>\n  {"".join(fields)}\n'
            "</fieldset>\n"
        )
    errors = get_template(ERRORS_TEMPLATE).render({"form": form}) if show_errors else ""
    html = f"\n\n  \n  {errors}\n  {''.join(parts)}\n\n\n  \n\n"
    return mark_safe(f"\n{remove_spaces(html.strip())}\n")  # as whole_uni_form.html (its load and last line)


def render_uni_form(form) -> SafeString:
    """`{{ form|crispy }}` (templates/designsystemet/uni_form.html: the error summary, then every
    field through field.html), byte for byte, with the fields built in Python (the filter forms of
    the public lists; tests/test_formpack.py compares the two)."""
    show_errors = bool(form.errors)
    errors = get_template(ERRORS_TEMPLATE).render({"form": form}) if show_errors else ""
    fields = "".join(render_field(field, show_errors) for field in form)
    html = f"\n  \n  {errors}\n  {fields}\n"
    return mark_safe(f"\n{remove_spaces(html.strip())}\n")  # as uni_form.html (its load and last line)
