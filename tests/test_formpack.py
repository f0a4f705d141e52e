"""core.formpack.render_uni_form (the `uni_form` filter) makes exactly what `{{ form|crispy }}` makes
of the same form with the Designsystemet template pack: the public lists' filter forms, unbound,
filled and with errors."""

import pytest
from django.template import Context, Template
from django.utils.translation import override

from documents.forms import LibraryFilterForm, NewsSearchForm
from events.forms import EventFilterForm, EventSearchForm

pytestmark = pytest.mark.django_db

CASES = {
    "empty": None,
    "filled": {"q": 'leksehjelp & "mer" <b>', "kind": "report", "language": "nb", "scope": "local"},
    "errors": {"q": "x" * 300, "kind": "nope", "theme": "finnes-ikke", "county": "99", "format": "?"},
}


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("form_class", [LibraryFilterForm, EventFilterForm, EventSearchForm, NewsSearchForm])
def test_uni_form_is_what_the_crispy_filter_makes(form_class, case, language, municipalities):
    with override(language):
        fast = Template("{% load portal %}{{ form|uni_form }}").render(Context({"form": form_class(CASES[case])}))
        slow = Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(
            Context({"form": form_class(CASES[case])})
        )
    assert fast == slow
    if case == "errors" and form_class is LibraryFilterForm:
        assert "ds-error-summary" in fast
