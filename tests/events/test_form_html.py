"""The event editor renders its fields in Python (core.formpack): the markup is exactly what
`{% crispy form %}` with the form's helper, and `{% include "designsystemet/field.html" %}` for each
programme row's field, made of the same forms (labels, help texts, radio buttons, errors)."""

import pytest
from django.http import QueryDict
from django.template import Context, Template
from django.utils.translation import override

from events.forms import EventForm, SessionFormSet

from .factories import EventFactory, SessionFactory

pytestmark = pytest.mark.django_db


def data(**values) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, value in values.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    return query


def formset_data(**values) -> dict:
    base = {"sessions-TOTAL_FORMS": "2", "sessions-INITIAL_FORMS": "0", "sessions-MIN_NUM_FORMS": "0"}
    return base | {"sessions-MAX_NUM_FORMS": "1000"} | values


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("case", ["empty", "filled", "errors"])
def test_the_event_form_renders_as_the_crispy_template_pack(case, language):
    event = EventFactory(title='Kurs med "anførsel" & <tegn>', capacity=20, price_note="Gratis & åpent")
    args, kwargs = (None,), {}
    if case == "filled":
        kwargs["instance"] = event
    elif case == "errors":
        args = (data(title="", start="i morgen", capacity="0", contact_email="@", audience="x"),)
        kwargs["instance"] = event
    with override(language):
        html = str(EventForm(*args, **kwargs).html())
        reference = Template("{% load crispy_forms_tags %}{% crispy form %}").render(
            Context({"form": EventForm(*args, **kwargs)})
        )
        assert html == reference
        if case == "errors":
            assert 'class="ds-validation-message"' in html and "aria-invalid" in html


@pytest.mark.parametrize("case", ["empty", "filled", "errors"])
def test_programme_rows_render_as_the_field_template(case):
    event = EventFactory()
    SessionFactory(event=event, title="Åpning & <velkommen>")
    bound = formset_data(**{"sessions-0-title": "", "sessions-0-start_time": "25:99"}) if case == "errors" else None
    formset = SessionFormSet(bound, instance=event if case != "empty" else None, prefix="sessions")
    if case == "errors":
        formset.is_valid()
    include = Template(
        '{% for field in session_form.visible_fields %}{% include "designsystemet/field.html" %}{% endfor %}'
    )
    for session_form in formset:
        reference = include.render(Context({"session_form": session_form, "form": EventForm()}))
        assert str(session_form.visible_fields_html()) == reference
