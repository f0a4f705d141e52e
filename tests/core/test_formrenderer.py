"""core.formrenderer renders selects exactly as Django's templates do, and is the site's renderer."""

import datetime as dt
from decimal import Decimal

import pytest
from django import forms
from django.conf import settings
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from core import formrenderer
from core.formrenderer import FastSelectRenderer

CHOICES = [
    ("", "Alle"),
    ("a", "Ålesund & <Molde>"),
    (1, "One"),
    (Decimal("2.5"), 2.5),
    ("lazy", gettext_lazy("Søk")),
    ("safe", mark_safe("<b>safe</b>")),
    ('q"uote', "it's"),
    (None, "none"),
    ("day", dt.date(2027, 5, 4)),
    ("Group", [("g1", "In group"), ("g2", "Also <in> group")]),
]


class Sample(forms.Form):
    single = forms.ChoiceField(choices=CHOICES, required=False)
    required = forms.ChoiceField(choices=[("", "---"), ("x", "X")])
    many = forms.MultipleChoiceField(choices=CHOICES, required=False)
    flag = forms.NullBooleanField(required=False)
    styled = forms.ChoiceField(
        choices=[("x", "X"), ("y", "Y")],
        widget=forms.Select(attrs={"class": "ds-input", "data-size": "sm", "disabled": True, "hidden": False}),
    )
    empty = forms.ChoiceField(choices=[], required=False)
    when = forms.DateField(widget=forms.SelectDateWidget(years=[2026, 2027]), required=False)


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"single": "a", "required": "x", "many": ["1", "g2", "lazy"], "flag": "true", "styled": "y"},
        {"single": "nope", "many": ["", "day"], "flag": "false", "when_year": "2027", "when_month": "5"},
    ],
)
def test_selects_render_as_djangos_templates(language, data, monkeypatch):
    built, real = [], formrenderer._select
    monkeypatch.setattr(formrenderer, "_select", lambda widget: built.append(1) or real(widget))
    with override(language):
        for name in Sample.base_fields:
            stock = Sample(data, renderer=DjangoTemplates())[name]
            fast = Sample(data, renderer=FastSelectRenderer())[name]
            assert str(fast) == str(stock), name
            assert str(fast.as_widget(attrs={"class": "x", "aria-invalid": "true"})) == str(
                stock.as_widget(attrs={"class": "x", "aria-invalid": "true"})
            ), name
    assert len(built) == 2 * 6  # every select took the fast path (SelectDateWidget's are included by its template)


def test_other_widgets_still_use_templates():
    class Other(forms.Form):
        text = forms.CharField(initial="<x>")
        boxes = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple)
        radio = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)

    for name in Other.base_fields:
        assert str(Other(renderer=FastSelectRenderer())[name]) == str(Other(renderer=DjangoTemplates())[name])


def test_site_forms_use_it():
    assert settings.FORM_RENDERER == "core.formrenderer.FastSelectRenderer"
    assert isinstance(get_default_renderer(), FastSelectRenderer)
    assert get_default_renderer()._stock_select()


class Inputs(forms.Form):
    text = forms.CharField(initial='Ålesund & <Molde> "q" it\'s', required=False)
    empty = forms.CharField(required=False)
    number = forms.IntegerField(required=False, initial=1200)
    amount = forms.DecimalField(required=False, initial=Decimal("2.5"))
    email = forms.EmailField(required=False)
    url = forms.URLField(required=False, initial="https://ungsinn.no/?a=1&b=2")
    day = forms.DateField(required=False, initial=dt.date(2027, 5, 4))
    search = forms.CharField(required=False, widget=forms.TextInput(attrs={"type": "search", "maxlength": 100}))
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True), initial="pw")
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), initial="  line\n<b>x</b>  ")
    blank = forms.CharField(required=False, widget=forms.Textarea)
    safe = forms.CharField(required=False, widget=forms.Textarea, initial=mark_safe("<i>kept</i>"))
    moment = forms.DateTimeField(required=False, initial=dt.datetime(2027, 5, 4, 9, 30))
    styled = forms.DateTimeField(
        required=False, widget=forms.DateTimeInput(format="%Y-%m-%d %H:%M"), initial=dt.datetime(2027, 5, 4, 9, 30)
    )
    at = forms.TimeField(required=False, initial=dt.time(9, 5))
    hidden = forms.CharField(required=False, widget=forms.HiddenInput, initial='<h> & "q"')
    flag = forms.BooleanField(required=False, initial=True)
    off = forms.BooleanField(required=False)
    valued = forms.CharField(required=False, widget=forms.CheckboxInput, initial="on")


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize(
    "data",
    [
        None,
        {
            "text": "  typed  ",
            "number": "1 200",
            "amount": "x",
            "notes": "",
            "blank": "\n\nab\n",
            "day": "2027-13-1",
            "moment": "i morgen <kl> 9",
            "at": "25:00",
            "hidden": "x&y",
            "flag": "on",
        },
    ],
)
def test_inputs_and_textareas_render_as_djangos_templates(language, data, monkeypatch):
    built, real = [], (formrenderer._input, formrenderer._textarea)
    monkeypatch.setattr(formrenderer, "_input", lambda widget: built.append(1) or real[0](widget))
    monkeypatch.setattr(formrenderer, "_textarea", lambda widget: built.append(1) or real[1](widget))
    with override(language):
        for name in Inputs.base_fields:
            stock = Inputs(data, renderer=DjangoTemplates())[name]
            fast = Inputs(data, renderer=FastSelectRenderer())[name]
            assert str(fast) == str(stock), name
            attrs = {"class": "ds-input", "aria-invalid": "true", "required": True, "disabled": False}
            assert str(fast.as_widget(attrs=attrs)) == str(stock.as_widget(attrs=attrs)), name
    assert len(built) == 2 * len(Inputs.base_fields)  # every one took the fast path
