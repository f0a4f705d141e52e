from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import (
    can_change,
    check_can_change,
    coordinator_required,
    coordinator_unit_ids,
    is_coordinator,
    is_sfk_admin,
)
from core.history import resolve
from core.http import add_service_errors, form_status, post_data
from core.pagecache import cache_public
from core.personal import render_personal
from documents.selectors import measure_publications
from municipalities.models import SLTUnit
from municipalities.selectors import contact_prefill

from . import exports, fragments, memo, services
from .forms import CopyForm, MeasureForm
from .lists import list_choices
from .models import Measure
from .search import SORTS, SearchParams, measure_search
from .search.facets import FACETS, TEXT
from .selectors import (
    measure_detail_queryset,
    measure_history_entries,
    measure_peers,
    measure_related,
    prefetch_classifications,
    unit_municipality_names,
)

PAGE_SIZE = 20
HISTORY_PAGE_SIZE = 25
#: The measure bank's query parameters (the page cache stores only these).
LIST_PARAMS = (TEXT.name, "sort", "page", *(facet.name for facet in FACETS))


def _user_units(user):
    if is_sfk_admin(user):
        return SLTUnit.objects.all()
    return SLTUnit.objects.filter(pk__in=coordinator_unit_ids(user))


@cache_public(*LIST_PARAMS)
@require_safe
def measure_list(request):
    """The public measure bank: free text, facets with counts, sort, pagination, all in the URL."""
    params = SearchParams.from_querydict(request.GET)
    results, facets = measure_search(params=params)
    page_obj = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "measures/measure_list.html",
        {
            "params": params,
            "facets": facets,
            "page_obj": page_obj,
            "sorts": SORTS.items(),
            "query_string": request.GET.urlencode(),
            "can_register": is_coordinator(request.user) or is_sfk_admin(request.user),
            "crumbs": [(_("Tiltaksbanken"), "")],
        },
    )


@require_safe
def measure_export(request, fmt):
    params = SearchParams.from_querydict(request.GET)
    if fmt == "xlsx":
        return exports.xlsx_response(params=params)
    return exports.csv_response(params=params)


@cache_public()
@require_safe
def measure_detail(request, pk, slug=None):
    measure = get_object_or_404(measure_detail_queryset(request.user), pk=pk)
    if slug != measure.slug:
        return redirect(measure.get_absolute_url(), permanent=True)
    prefetch_classifications(measure)
    user_units = coordinator_unit_ids(request.user)
    return render(
        request,
        "measures/measure_detail.html",
        {
            "measure": measure,
            "municipality_names": unit_municipality_names(measure.unit_id),
            "related": measure_related(measure=measure),
            "peers": measure_peers(measure=measure, user=request.user),
            "documents": measure_publications(measure=measure, user=request.user),
            "can_change": can_change(request.user, measure),
            "can_copy": measure.is_published and (is_coordinator(request.user) or is_sfk_admin(request.user)),
            "own_measure": measure.unit_id in user_units,
            "crumbs": [(_("Tiltaksbanken"), reverse("measures:list")), (measure.title, "", measure.language)],
        },
    )


@coordinator_required
@require_safe
def measure_mine(request):
    """The coordinator's own units' measures in every state (Sfk admins see all)."""
    unit_ids = None if is_sfk_admin(request.user) else sorted(coordinator_unit_ids(request.user))
    stamp = fragments.my_measures_stamp(request, unit_ids=unit_ids)

    def context():
        table = fragments.my_measures_table(request, unit_ids=unit_ids, stamp=stamp)
        return {"table": table, "crumbs": [(_("Mine tiltak"), "")]}

    # Kept rendered until the units' measures or the content change (core.personal).
    return render_personal(request, "measures/measure_mine.html", context, stamp=stamp and stamp.text)


def _initial_contact(user, units) -> dict:
    """The measure's contact person defaults to the user's own coordinator entry in one of `units`."""
    prefill = contact_prefill(user, units=units)
    if "unit" not in prefill:
        return {}
    return {
        "unit": prefill["unit"],
        "contact_name": prefill["coordinator_name"],
        "contact_email": prefill["coordinator_email"],
    }


@coordinator_required
def measure_create(request):
    units = _user_units(request.user)
    form = MeasureForm(post_data(request), units=units, initial=_initial_contact(request.user, units))
    if request.method == "POST" and not form.searching_documents and form.is_valid():
        try:
            measure = services.measure_create(unit=form.cleaned_data["unit"], by=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Tiltaket er lagret som utkast."))
            return redirect("measures:edit", pk=measure.pk)
    crumbs = [(_("Mine tiltak"), reverse("measures:mine")), (_("Registrer tiltak"), "")]
    return render(
        request,
        "measures/measure_form.html",
        {"form": form, "measure": None, "crumbs": crumbs},
        status=form_status(form),
    )


def _changeable(request, pk) -> Measure:
    measure = get_object_or_404(Measure.objects.visible_to(request.user), pk=pk)
    check_can_change(request.user, measure)
    return measure


@coordinator_required
def measure_edit(request, pk):
    measure = _changeable(request, pk)
    version = None  # the content version, once read

    def context(form=None):
        if form is None:
            form = _edit_form(request, measure, version=version)
        crumbs = [(_("Mine tiltak"), reverse("measures:mine")), (measure.title, "", measure.language)]
        return {"form": form, "measure": measure, "crumbs": crumbs}

    if request.method != "POST" and not request.GET:
        # The empty form shows the measure (its `updated_at` changes with every save of it or its
        # lists), the user's units and lists of values and documents (changes to those bump the
        # content version). Kept rendered per user until one of them changes (core.personal).
        stamp = None
        if memo.enabled():
            units, version = sorted(coordinator_unit_ids(request.user)), memo.current_version()
            stamp = f"{measure.pk}|{measure.updated_at.isoformat()}|{units}|{version}"
        return render_personal(request, "measures/measure_form.html", context, stamp=stamp)
    form = _edit_form(request, measure)
    if request.method == "POST" and not form.searching_documents and form.is_valid():
        try:
            services.measure_update(measure=measure, by=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Endringene er lagret."))
            return redirect("measures:edit", pk=measure.pk)
    return render(request, "measures/measure_form.html", context(form), status=form_status(form))


def _edit_form(request, measure, *, version=None) -> MeasureForm:
    # The form's initial values, in one query: the lists, and the linked documents' ids (the
    # labels the form shows come from its own query).
    prefetch_classifications(measure, document_ids=True)
    # The themes and classification lists are kept per process under the content version (the
    # list services bump it); `version`: the one this request has read already.
    lists = memo.versioned("measures.form-list-choices", list_choices, version=version)
    return MeasureForm(post_data(request), instance=measure, units=_user_units(request.user), lists=lists)


@coordinator_required
@require_POST
def measure_publish(request, pk):
    measure = _changeable(request, pk)
    try:
        services.measure_publish(measure=measure, by=request.user)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
        return redirect("measures:edit", pk=measure.pk)
    messages.success(request, _("Tiltaket er publisert i tiltaksbanken."))
    return redirect(measure.get_absolute_url())


@coordinator_required
@require_POST
def measure_archive(request, pk):
    measure = _changeable(request, pk)
    try:
        services.measure_archive(measure=measure, by=request.user)
    except ValidationError as exc:
        for error in exc.messages:
            messages.error(request, error)
    else:
        messages.success(request, _("Tiltaket er arkivert og vises ikke lenger offentlig."))
    return redirect("measures:mine")


@coordinator_required
def measure_copy(request, pk):
    """Copy as a template within the unit, or copy another unit's published measure."""
    source = get_object_or_404(Measure.objects.visible_to(request.user).select_related("unit"), pk=pk)
    units = _user_units(request.user)
    if not source.is_published:
        check_can_change(request.user, source)
    form = CopyForm(
        post_data(request),
        units=units,
        initial={"unit": source.unit_id if source.unit_id in coordinator_unit_ids(request.user) else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.measure_copy(source=source, unit=form.cleaned_data["unit"], by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kopien er lagret som utkast. Tilpass den før du publiserer."))
            return redirect("measures:edit", pk=copy.pk)
    crumbs = [
        (_("Tiltaksbanken"), reverse("measures:list")),
        (source.title, source.get_absolute_url(), source.language),
        (_("Kopier"), ""),
    ]
    return render(
        request,
        "measures/measure_copy.html",
        {"form": form, "source": source, "crumbs": crumbs},
        status=form_status(form),
    )


@coordinator_required
@require_safe
def measure_history(request, pk):
    measure = _changeable(request, pk)
    entries, truncated = measure_history_entries(measure=measure)
    page_obj = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    resolve(page_obj.object_list)
    crumbs = [
        (_("Mine tiltak"), reverse("measures:mine")),
        (measure.title, reverse("measures:edit", args=[measure.pk]), measure.language),
        (_("Endringshistorikk"), ""),
    ]
    context = {"measure": measure, "page_obj": page_obj, "truncated": truncated, "crumbs": crumbs}
    return render(request, "measures/measure_history.html", context)
