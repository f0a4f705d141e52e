import re

from django import forms
from django.template import Context, Template

CHOICES = [("a", "A"), ("b", "B")]


class ExampleForm(forms.Form):
    name = forms.CharField(label="Navn")
    kind = forms.ChoiceField(label="Type", choices=CHOICES)
    status = forms.ChoiceField(label="Status", choices=CHOICES, widget=forms.RadioSelect)
    themes = forms.MultipleChoiceField(label="Tema", choices=CHOICES, widget=forms.CheckboxSelectMultiple)
    agree = forms.BooleanField(label="Enig")


def test_error_summary_links_point_at_an_element_on_the_page():
    form = ExampleForm(data={})
    html = Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(Context({"form": form}))
    targets = re.findall(r'<a class="ds-link" href="#([^"]+)"', html)
    assert len(targets) == 5
    for target in targets:
        assert f'id="{target}"' in html, f"#{target} is not on the page"
    # A choice group's link goes to its first option, which the user can then change.
    assert "id_status_0" in targets and "id_themes_0" in targets
