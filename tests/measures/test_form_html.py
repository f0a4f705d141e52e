"""The measure form renders its fields in Python (core.formpack): the markup is exactly what
`{% crispy form %}` with the Designsystemet template pack makes of the same layout (labels, help
texts, error messages next to the fields, fieldsets, aria attributes, the error summary)."""

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout
from django.http import QueryDict
from django.template import Context, Template
from django.utils.translation import override

from core import formpack
from core.formpack import FIELD_TEMPLATE
from measures.forms import DOCUMENT_SEARCH, FIELDSETS, MeasureForm
from municipalities.models import SLTUnit
from tests.documents.factories import PublicationFactory
from tests.measures.factories import MeasureFactory

pytestmark = pytest.mark.django_db


def crispy_html(form) -> str:
    """The reference: the layout the form had before it was rendered in Python."""

    def item(name):
        if name != "documents":
            return name
        search = (
            '<p class="document-search"><button class="ds-button" data-variant="secondary" type="submit"'
            f' name="{DOCUMENT_SEARCH}" value="1">{{% translate "Søk etter dokumenter" %}}</button></p>'
        )
        return Layout(HTML(search), name)

    form.helper = FormHelper()
    form.helper.form_tag = False
    form.helper.disable_csrf = True
    form.helper.layout = Layout(
        *(
            Fieldset(legend, *[item(name) for name in names if name in form.fields])
            for legend, names in FIELDSETS
            if any(name in form.fields for name in names)
        )
    )
    return Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": form}))


def data(**values) -> QueryDict:
    query = QueryDict(mutable=True)
    for name, value in values.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    return query


@pytest.fixture
def measure(unit_a):
    linked = PublicationFactory(unit=unit_a, title="Årsrapport <2024> & «mer»")
    for i in range(3):
        PublicationFactory(unit=unit_a, title=f"Kartlegging {i}")
    measure = MeasureFactory(
        unit=unit_a,
        title='Tittel med "anførsel" & <tegn>',
        summary="Kort\n\n   sammendrag",
        description="   ",
        ungsinn_url="https://ungsinn.no/?a=1&b=2",
        reach_per_year=1200,
        classifications={"arenas": ["skole"], "age_bands": ["13-15"]},
    )
    measure.documents.add(linked)
    return measure


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize("case", ["empty", "filled", "errors", "search", "bad_choices"])
def test_the_form_renders_as_the_crispy_template_pack(case, language, unit_a, measure, monkeypatch):
    templates, real = [], formpack.get_template
    monkeypatch.setattr(formpack, "get_template", lambda name: templates.append(name) or real(name))
    units = SLTUnit.objects.filter(pk=unit_a.pk)
    kwargs = {"units": units}
    if case == "empty":
        args = (None,)
    elif case == "filled":
        args, kwargs["instance"] = (None,), measure
    elif case == "errors":
        bad = data(title="", summary="x" * 400, ungsinn_url="nei", start_date="2027-13-01", reach_per_year="-1")
        args, kwargs["instance"] = (bad,), measure
    elif case == "search":
        query = data(title="Endret", document_query="kart", documents=["1"], **{DOCUMENT_SEARCH: "1"})
        args, kwargs["instance"] = (query,), measure
    else:
        query = data(unit="999999", themes=["999999"], arenas=["x"], contact_email="@", end_date="i går")
        args = (query,)
    with override(language):
        fast = MeasureForm(*args, **kwargs)
        html = str(fast.html())
        assert FIELD_TEMPLATE not in templates  # every field took the Python path
        assert html == crispy_html(MeasureForm(*args, **kwargs))
        assert html.count('type="checkbox"') > 20
        if case in ("errors", "bad_choices"):
            assert fast.errors and 'class="ds-validation-message"' in html and "aria-invalid" in html
