import datetime as dt

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language

from core import phone
from core.choices import choice_label as _choice_label
from core.http import site_url
from core.markup import render_markdown

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **changes):
    """The current query string with some parameters replaced (None removes one)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def query_page(context, name, number):
    """The current query string with the page parameter `name` set to `number` (1 removes it)."""
    return query_replace(context, **{name: None if number == 1 else number})


@register.filter
def absolute_url(url: str) -> str:
    """An absolute address: a path gets SITE_URL in front; a URL that has its own host (an upload in
    object storage) stays as it is."""
    url = str(url)
    return url if url.startswith(("https://", "http://")) else site_url(url)


@register.filter
def page_window(paginator, current: int):
    """Page numbers around the current page, with None for gaps: 1 … 4 5 6 … 20."""
    pages = paginator.get_elided_page_range(current, on_each_side=2, on_ends=1)
    return [None if number == paginator.ELLIPSIS else number for number in pages]


@register.filter
def markdown(text: str, base_level: int = 2):
    """Markdown → sanitised HTML; the argument is the level of its top heading (3 under a page's h2)."""
    return render_markdown(text, base_level=int(base_level)).html


@register.filter
def uni_form(form):
    """`{{ form|crispy }}`, the same markup built in Python (core.formpack.render_uni_form)."""
    from core.formpack import render_uni_form

    return render_uni_form(form)


@register.filter
def in_language(text, lang):
    """Editor-written text inside translated UI text, in a <span lang> (WCAG 3.1.2 Language of Parts).

    Use it in visible text only, e.g. {% blocktranslate with title=event.title|in_language:event.language %};
    never in <title> or attributes.
    """
    return format_html('<span lang="{}">{}</span>', lang, text)


@register.simple_tag(takes_context=True)
def nav_current(context, url: str):
    """` aria-current="page"` on the menu link of the page itself, ` aria-current="true"` on the
    link of the section the page is in (its path starts with the link's path), else nothing."""
    request = context.get("request")
    path = request.path if request is not None else ""
    if path == url:
        return format_html(' aria-current="{}"', "page")
    if url.endswith("/") and url.count("/") > 1 and path.startswith(url):
        return format_html(' aria-current="{}"', "true")
    return ""


@register.filter
def datetime_attr(value) -> str:
    """A valid HTML `datetime` attribute value in Oslo time, to the second: 2027-05-04T09:00:00+02:00.

    (`|date:'c'` adds microseconds when the value has them, which the Nu Html Checker rejects.)"""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.simple_tag
def drop_autofocus(field) -> str:
    """Remove `autofocus` from a bound field's widget (renders nothing).

    The form pack calls it when the error summary, which takes the focus, is shown: a page has at most
    one autofocus element. Widgets are copied per form instance, so this changes only this form."""
    widget = field.field.widget
    for item in getattr(widget, "widgets", [widget]):
        item.attrs.pop("autofocus", None)
    return ""


@register.filter
def phone_link(e164: str):
    """A stored (E.164) phone number as a tel: link, grouped ("+47 400 00 000") and never wrapped."""
    if not e164:
        return ""
    return format_html('<a class="ds-link nowrap" href="{}">{}</a>', phone.tel_uri(e164), phone.display(e164))


@register.filter
def choice_label(instance, field_name: str) -> str:
    """`{{ event|choice_label:"kind" }}`: get_kind_display(), cheaper in a list (core.choices.choice_label)."""
    return _choice_label(instance, field_name)


# --- fragments that depend on the language only -------------------------------------------------

#: Rendered `{% fixed %}` fragments: (template, name, language, script prefix) → HTML.
_FIXED: dict[tuple, str] = {}


@receiver(setting_changed)
def _forget_fixed(**kwargs):
    """A test's settings override (SITE_NAME, STORAGES, …) renders the fragments afresh."""
    _FIXED.clear()


class FixedNode(template.Node):
    def __init__(self, nodelist, name: str):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Not while templates are reloaded when edited (DEBUG), nor without the site context
        # processor (a template rendered without a request would keep empty links).
        if settings.DEBUG or "site_links" not in context:
            return self.nodelist.render(context)
        key = (self.origin.name if self.origin else "", self.name, get_language(), get_script_prefix())
        html = _FIXED.get(key)
        if html is None:
            html = _FIXED[key] = self.nodelist.render(context)
        return html


@register.tag
def fixed(parser, token):
    """`{% fixed "name" %}…{% endfixed %}`: a part of the layout that depends on the language and
    the settings only (translations, settings, `site_links`, `{% static %}`; never the request,
    the user or content), rendered once per process, template, language and script prefix instead
    of on every page (kept until a setting changes: tests). The name tells the fragments of one
    template apart."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Usage: {% fixed "name" %}…{% endfixed %}')
    nodelist = parser.parse(("endfixed",))
    parser.delete_first_token()
    return FixedNode(nodelist, bits[1][1:-1])
