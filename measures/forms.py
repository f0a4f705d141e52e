import copy
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, Q, Value, When
from django.forms.models import ModelChoiceIterator
from django.forms.utils import ErrorDict
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.formpack import render_fieldsets
from municipalities.models import SLTUnit

from .lists import list_choices, offered
from .models import PERSONAL_DATA_REMINDER, Classification, Measure, Theme, linkable_documents

FREE_TEXT_FIELDS = ("summary", "description", "local_evaluation", "implementation")
LIST_FIELDS = ("themes", "arenas", "age_bands", "prevention_levels", "partner_sectors", "factors")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# The form's groups, in order: (legend, fields).
FIELDSETS = [
    (_("Beskrivelse"), ["unit", "title", "summary", "description", "language"]),
    (_("Klassifisering"), ["themes", "arenas", "age_bands", "prevention_levels", "partner_sectors", "factors"]),
    (_("Periode og status"), ["status", "start_date", "end_date", "last_reviewed"]),
    (
        _("Kunnskapsgrunnlag"),
        [
            "ungsinn_level",
            "ungsinn_url",
            "international_rating",
            "international_url",
            "local_evaluation",
            "report_links",
            "document_query",
            "documents",
        ],
    ),
    (_("Gjennomføring"), ["implementation", "cost_level", "funding", "reach_per_year"]),
    (_("Kontakt"), ["responsible_org", "contact_name", "contact_email"]),
]


Kind = Classification.Kind
#: Which kinds of classification each field offers (as the model fields' limit_choices_to).
CLASSIFICATION_KINDS = {
    "arenas": {Kind.ARENA},
    "age_bands": {Kind.AGE_BAND},
    "prevention_levels": {Kind.PREVENTION_LEVEL},
    "partner_sectors": {Kind.PARTNER_SECTOR},
    "factors": {Kind.RISK_FACTOR, Kind.PROTECTIVE_FACTOR},
}

#: The most search matches the document field lists (besides the documents already linked).
DOCUMENT_MATCHES = 10
#: The submit button that searches documents instead of saving (works without JavaScript).
DOCUMENT_SEARCH = "document_search"


class _ShownChoiceIterator(ModelChoiceIterator):
    """Iterate the bounded list the form chose to show (`field.shown`: (primary key, label) pairs,
    or model instances), not the whole queryset: validation still checks a submitted id against
    the queryset (every linkable document). Reads no queryset itself (a field's may be deferred)."""

    def __init__(self, field):
        self.field = field

    def __iter__(self):
        for obj in self.field.shown:
            yield obj if isinstance(obj, tuple) else self.choice(obj)

    def __len__(self):
        return len(self.field.shown)

    def __bool__(self):
        return bool(self.field.shown)


class ShownChoiceField(forms.ModelMultipleChoiceField):
    """A many-to-many field that shows `shown` and whose queryset (what validation accepts) may be
    given as a function, called only when something reads it (an unbound form never does)."""

    iterator = _ShownChoiceIterator
    shown = ()
    _make_queryset = None

    def _get_queryset(self):
        if self._make_queryset is not None:
            make, self._make_queryset = self._make_queryset, None
            self._queryset = make().all()
        return self._queryset

    def _set_queryset(self, queryset):
        self._make_queryset = None
        super()._set_queryset(queryset)

    queryset = property(_get_queryset, _set_queryset)

    def _check_values(self, value):
        """As ModelMultipleChoiceField's, but an id too big for the database's integer is an
        unknown choice (SQLite's driver would raise OverflowError: an error page)."""
        for item in value:
            text = str(item).strip()
            if text.lstrip("-").isdigit() and len(text.lstrip("-")) > 18:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                )
        return super()._check_values(value)

    def defer_queryset(self, make) -> None:
        self._make_queryset = make

    def __deepcopy__(self, memo):
        """As ModelChoiceField's, but the copy's queryset is cloned only if something reads it
        (the form defers its own anyway)."""
        result = forms.Field.__deepcopy__(self, memo)
        if self._make_queryset is None and self._queryset is not None:
            result._make_queryset = self._queryset.all
        result.widget.choices = result.choices
        return result


def document_label(title, unit_name, published_on) -> str:
    owner = unit_name if unit_name is not None else _("nasjonal")
    return f"{title} ({owner}, {published_on:%Y})"


class DocumentChoiceField(ShownChoiceField):
    """The documents a measure links, shown as the linked ones plus at most DOCUMENT_MATCHES
    matches of the search field (a page does not grow with the number of publications)."""

    def label_from_instance(self, obj):
        return document_label(obj.title, obj.unit.name if obj.unit_id else None, obj.published_on)


def _offered_values(kinds, keep):
    """What a list field accepts: its kinds' values in use, plus those the measure has (`keep`)."""
    if kinds is None:
        return offered(Theme.objects.all(), keep=keep)
    by_kind = Classification.objects.filter(kind__in=sorted(kinds)).order_by("kind", "sort_order", "name")
    return offered(by_kind, keep=keep)


class MeasureForm(forms.ModelForm):
    ungsinn_level = forms.TypedChoiceField(
        label=_("Evidensnivå i Ungsinn"),
        choices=[("", _("Ikke vurdert i Ungsinn"))] + list(Measure.UngsinnLevel.choices),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_(
            "«Ikke vurdert» er noe annet enn nivå 0: nivå 0 betyr at Ungsinn har vurdert tiltaket som uvirksomt."
        ),
    )

    class Meta:
        model = Measure
        fields = [name for _legend, names in FIELDSETS for name in names]  # in the order shown
        field_classes = {"documents": DocumentChoiceField, **dict.fromkeys(LIST_FIELDS, ShownChoiceField)}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "description": forms.Textarea(attrs={"rows": 10}),
            "local_evaluation": forms.Textarea(attrs={"rows": 4}),
            "implementation": forms.Textarea(attrs={"rows": 4}),
            "report_links": forms.Textarea(attrs={"rows": 3}),
            "themes": forms.CheckboxSelectMultiple(attrs={"data_columns": True}),
            "arenas": forms.CheckboxSelectMultiple(attrs={"data_columns": True}),
            "age_bands": forms.CheckboxSelectMultiple(attrs={"data_columns": True}),
            "prevention_levels": forms.CheckboxSelectMultiple(),
            "partner_sectors": forms.CheckboxSelectMultiple(attrs={"data_columns": True}),
            "factors": forms.CheckboxSelectMultiple(attrs={"data_columns": True}),
            "documents": forms.CheckboxSelectMultiple(),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "last_reviewed": DateInput(),
        }
        error_messages = {
            "themes": {"required": _("Velg minst ett tema.")},
            "title": {"required": _("Skriv en tittel.")},
            "summary": {"required": _("Skriv et kort sammendrag.")},
            "ungsinn_url": {"invalid": _("Skriv en gyldig nettadresse, for eksempel https://ungsinn.no/...")},
        }

    document_query = forms.CharField(
        label=_("Søk etter dokument å koble til"),
        required=False,
        max_length=100,
        help_text=_("Skriv en del av tittelen og trykk «Søk». Dokumentene du har krysset av, beholdes."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )

    def __init__(self, *args, units, lists=None, **kwargs):
        """`lists`: list_choices() as the view already has it (kept per process), else read here."""
        super().__init__(*args, **kwargs)
        if self.searching_documents:
            self._errors = ErrorDict()  # a search is not a save: show no validation errors
        self.fields["unit"].queryset = units
        self.fields["unit"].empty_label = None
        self.fields["unit"].iterator = _ShownChoiceIterator
        # One query, however often the widget is rendered (a unit's label is its name).
        self.fields["unit"].shown = list(units.values_list("pk", "name"))
        self.fields["unit"].widget.choices = self.fields["unit"].choices
        # Retired list values are offered only where the measure already has them.
        # The measure's values are prefetched (the view does): their keys, not a subquery per field.
        keep = {
            name: sorted(obj.pk for obj in getattr(self.instance, name).all()) if self.instance.pk else None
            for name in LIST_FIELDS
        }
        self.fields["themes"].required = True
        # The themes and every classification list from ONE query; each field shows its kinds,
        # retired values only where the measure already has them (validation uses the field's
        # queryset: the field's kinds, as the model field's limit_choices_to, and offered()).
        themes, classifications = lists or list_choices()
        for name, kinds in {"themes": None, **CLASSIFICATION_KINDS}.items():
            field = self.fields[name]
            kept = set(keep[name] or ())
            field.defer_queryset(partial(_offered_values, kinds, keep[name]))
            values = themes if kinds is None else [c for c in classifications if c.kind in kinds]
            field.shown = [(value.pk, str(value)) for value in values if value.retired_at is None or value.pk in kept]
            field.widget.choices = field.choices
        self.fields["cost_level"].choices = [("", _("Ikke oppgitt")), *Measure.CostLevel.choices]
        self.fields["international_rating"].choices = [
            ("", _("Ingen internasjonal vurdering")),
            *Measure.InternationalRating.choices,
        ]
        for name in FREE_TEXT_FIELDS:
            help_text = self.fields[name].help_text
            self.fields[name].help_text = (
                f"{help_text} {PERSONAL_DATA_REMINDER}" if help_text else PERSONAL_DATA_REMINDER
            )
        if self.instance.pk:
            self.fields["ungsinn_level"].initial = self.instance.ungsinn_level
        self._narrow_documents(units)

    def fieldsets(self):
        """FIELDSETS as shown: (legend, items), an item a field name or the document search button."""
        for legend, names in FIELDSETS:
            items = []
            for name in names:
                if name == "documents" and name in self.fields:
                    items.append(
                        format_html(
                            '<p class="document-search"><button class="ds-button" data-variant="secondary"'
                            ' type="submit" name="{}" value="1">{}</button></p>',
                            DOCUMENT_SEARCH,
                            gettext("Søk etter dokumenter"),
                        )
                    )
                items.append(name)
            yield legend, items

    def html(self):
        """The form's fields in their groups (the Designsystemet form pack, core.formpack)."""
        return render_fieldsets(self, self.fieldsets())

    @property
    def searching_documents(self) -> bool:
        """The user pressed the document search button: re-show the form, save nothing."""
        return self.is_bound and DOCUMENT_SEARCH in self.data

    def _narrow_documents(self, units):
        """Current editions the measure's unit may link (any of the user's units for a new measure),
        plus those already linked; no field at all when there is nothing to link. Shown: the linked
        (or ticked) ones and up to DOCUMENT_MATCHES matches of the search field."""
        if self.instance.pk:
            units = [self.instance.unit_id]
        choices = linkable_documents(units=units).filter(replaced_by__isnull=True)
        linked = [document.pk for document in self.instance.documents.all()] if self.instance.pk else []
        if linked:
            choices = choices.model.objects.filter(Q(pk__in=choices.values("pk")) | Q(pk__in=linked))
        field = self.fields["documents"]
        field.defer_queryset(lambda: choices.select_related("unit").order_by("-published_on", "title"))
        if self.is_bound:
            # Ids the database can hold (a bigger one would overflow its integer: an error page,
            # not a choice; validation reports it as an unknown document).
            ticked = [int(pk) for pk in self.data.getlist("documents") if str(pk).isdigit() and len(str(pk)) < 19]
        elif self.instance.pk:
            ticked = linked
        else:
            ticked = []
        query = (self.data.get("document_query", "") if self.is_bound else "").strip()[:100]
        # ONE query: the ticked ones first, then the matches (at most DOCUMENT_MATCHES of them).
        rows = choices
        if query:
            match = Q(title__icontains=query)
            rows = rows.filter(Q(pk__in=ticked) | match if ticked else match)
        if ticked:
            rows = rows.annotate(ticked=Case(When(pk__in=ticked, then=Value(0)), default=Value(1)))
            order = ("ticked", "-published_on", "title")
        else:
            order = ("-published_on", "title")
        rows = rows.order_by(*order).values_list("pk", "title", "unit__name", "published_on")
        shown, matches = [], 0
        for pk, title, unit_name, published_on in rows[: len(ticked) + DOCUMENT_MATCHES]:
            if pk not in ticked:
                if matches == DOCUMENT_MATCHES:
                    break
                matches += 1
            shown.append((pk, document_label(title, unit_name, published_on)))
        if not shown and not query:
            del self.fields["documents"]
            del self.fields["document_query"]
            return
        field.shown = shown


class _BaseFields(dict):
    """MeasureForm.base_fields. Every form deep-copies them (BaseForm.__init__): each copy still
    gets its own field and widget objects (own attrs, error messages, validators), as
    Field.__deepcopy__ gives them, but a plain choice field shares its list of choices (tuples of
    values and lazy labels, which nothing changes in place) instead of deep-copying it."""

    def __deepcopy__(self, memo):
        copied = {}
        for name, field in self.items():
            if type(field).__deepcopy__ is forms.ChoiceField.__deepcopy__:
                result = forms.Field.__deepcopy__(field, memo)
                result._choices = field._choices
                copied[name] = result
            else:
                copied[name] = copy.deepcopy(field, memo)
        return copied


MeasureForm.base_fields = _BaseFields(MeasureForm.base_fields)

# The form narrows the classification fields to CLASSIFICATION_KINDS itself (a plain kind IN (…)),
# so ModelForm need not add the model fields' limit_choices_to as an EXISTS subquery per field and
# request (tests/measures/test_form_layout.py checks each field offers only its kinds).
for _name in CLASSIFICATION_KINDS:
    MeasureForm.base_fields[_name].limit_choices_to = None


class CopyForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=SLTUnit.objects.none(), label=_("Kopier til SLT-enhet"), empty_label=None)

    def __init__(self, *args, units, lists=None, **kwargs):
        """`lists`: list_values() as the view already has it (kept per process), else read here."""
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class ListValueForm(forms.ModelForm):
    """A managed list value's name in all three languages (the model is set per list)."""

    class Meta:
        model = Theme
        fields = ["name", "name_nn", "name_en"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].required = True


def list_value_form(managed, *args, **kwargs) -> ListValueForm:
    form_class = forms.modelform_factory(managed.model, form=ListValueForm, fields=ListValueForm.Meta.fields)
    return form_class(*args, **kwargs)
