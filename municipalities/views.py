from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.models import User
from accounts.permissions import (
    can_change,
    check_can_change,
    coordinator_required,
    coordinator_unit_ids,
    is_sfk_admin,
    sfk_admin_required,
)
from core.exports import Phone, csv_response, xlsx_response
from core.history import resolve
from core.http import form_status, post_data, post_files, private_page
from core.pagecache import cache_public
from core.personal import render_personal
from core.text import normalize_email

from . import hooks, selectors, services
from .forms import (
    CoordinatorForm,
    EndCoordinatorForm,
    InvitationAcceptForm,
    SearchForm,
    UnitAdminForm,
    UnitPublicForm,
)
from .history import LABELS as HISTORY_LABELS
from .history import unit_history
from .map import coverage_svg, legend
from .models import Coordinator, Municipality, SLTUnit

RESULTS_PER_PAGE = 20
HISTORY_PAGE_SIZE = 25


def _search_crumb():
    return (_("Finn din SLT-koordinator"), reverse("municipalities:search"))


def _unit_crumbs(unit, *rest):
    return [_search_crumb(), (unit.name, unit.get_absolute_url()), *rest]


def _admin_crumbs(*rest):
    return [(_("SLT-enheter og koordinatorer"), reverse("municipalities:admin_units")), *rest]


# --- Public directory -------------------------------------------------------------------------


@cache_public("q", "page")
@require_safe
def search(request):
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = selectors.directory_search(query=query) if query else []
    page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))  # reads one page of places
    context = {
        "form": form,
        "query": query,
        "page_obj": page_obj,
        "searched": bool(query),
        "total": len(results),
        "counties_url": reverse("municipalities:counties"),
        "crumbs": [(_("Finn din SLT-koordinator"), "")],
    }
    return render(request, "municipalities/search.html", context)


@cache_public()
@require_safe
def municipality_detail(request, number):
    municipality = get_object_or_404(Municipality.objects.current(), number=number)
    muni_places, _unused = selectors.places(municipality_ids=[municipality.pk])
    crumbs = [_search_crumb(), (municipality.name, "")]
    return render(request, "municipalities/municipality_detail.html", {"place": muni_places[0], "crumbs": crumbs})


@cache_public("tiltak", "dokumenter")
@require_safe
def unit_detail(request, slug):
    sfk_admin = is_sfk_admin(request.user)
    unit = selectors.unit_page_unit(slug=slug, sfk_admin=sfk_admin)
    if unit is None:
        raise Http404
    context = {
        "unit": unit,
        "can_change": can_change(request.user, unit),
        "crumbs": _unit_crumbs(unit),
        "unit_sections": hooks.unit_page_sections(unit=unit, request=request),
        "coordinators": unit.all_coordinators if sfk_admin else None,
    }
    return render(request, "municipalities/unit_detail.html", context)


@cache_public()
@require_safe
def county_list(request):
    rows = selectors.place_rows()
    counties = selectors.counties_with_places(rows)
    summary = selectors.coverage(rows)
    crumbs = [_search_crumb(), (_("SLT i fylkene"), "")]
    context = {"counties": counties, "summary": summary, "crumbs": crumbs}
    return render(request, "municipalities/county_list.html", context)


@cache_public()
@require_safe
def coverage(request):
    rows = selectors.place_rows()
    rows.sort(key=lambda row: row.county_number)  # by county, then (as they come) by name
    context = {
        "places": rows,
        "summary": selectors.coverage(rows),
        "svg": coverage_svg(rows),
        "legend": legend(),
        "crumbs": [_search_crumb(), (_("Kart: hvor finnes SLT?"), "")],
    }
    return render(request, "municipalities/coverage.html", context)


@require_safe
def export_csv(request):
    muni_places, _districts = selectors.places()
    return csv_response("slt-koordinatorer.csv", _export_header(), _export_rows(muni_places))


@require_safe
def export_xlsx(request):
    muni_places, _districts = selectors.places()
    rows = _export_rows(muni_places)
    return xlsx_response("slt-koordinatorer.xlsx", _export_header(), rows, sheet_title=_("SLT-koordinatorer"))


def _export_header():
    return [
        _("Kommunenummer"),
        _("Kommune"),
        _("Bydel"),
        _("Fylke"),
        _("SLT-enhet"),
        _("Status"),
        _("Enhetens e-post"),
        _("Enhetens telefon"),
        _("Koordinator"),
        _("Stillingstittel"),
        _("E-post"),
        _("Telefon"),
        _("Sist bekreftet"),
    ]


def _export_rows(muni_places):
    for place in sorted(muni_places, key=lambda p: p.municipality.number):
        for sub in [place, *place.district_places]:
            unit = sub.unit
            if not unit:
                continue
            for person in unit.public_coordinators or [None]:
                yield [
                    sub.municipality.number,
                    sub.municipality.name,
                    sub.district.name if sub.district else "",
                    sub.municipality.county.name,
                    unit.name,
                    unit.status_text,
                    unit.email,
                    Phone(unit.phone),
                    person.name if person else _("Stilling ledig"),
                    person.title if person else "",
                    person.email if person else "",
                    Phone(person.phone if person else ""),
                    unit.verified_at.date().isoformat() if unit.verified_at else "",
                ]


# --- Self-service -----------------------------------------------------------------------------


def _visible_coordinators(user):
    """Public active entries, plus every entry of the user's own units (all for Sfk)."""
    if is_sfk_admin(user):
        return Coordinator.objects.all()
    return Coordinator.objects.filter(
        Q(is_public=True, ended_at__isnull=True) | Q(unit_id__in=coordinator_unit_ids(user))
    )


@coordinator_required
def my_units(request):
    # The page shows each unit's own fields and its active coordinators (not with_details()).
    unit_ids = coordinator_unit_ids(request.user)

    def context():
        units = SLTUnit.objects.filter(pk__in=unit_ids).with_active_coordinators()
        return {"units": units, "crumbs": [(_("Min side"), reverse("accounts:account")), (_("Min SLT-enhet"), "")]}

    # Kept rendered until a unit or coordinator entry changes (core.personal).
    stamp = selectors.units_stamp(unit_ids=unit_ids)
    return render_personal(request, "municipalities/my_units.html", context, stamp=stamp)


@coordinator_required
def unit_edit(request, slug):
    unit = get_object_or_404(SLTUnit, slug=slug)
    check_can_change(request.user, unit)
    form_class = UnitAdminForm if is_sfk_admin(request.user) else UnitPublicForm
    form = form_class(post_data(request), instance=unit)
    if request.method == "POST" and form.is_valid():
        try:
            _save_unit(form, request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Endringene er lagret."))
            return redirect(unit.get_absolute_url())
    context = {"form": form, "unit": unit, "crumbs": _unit_crumbs(unit, (_("Rediger"), ""))}
    return render(request, "municipalities/unit_form.html", context, status=form_status(form))


def _save_unit(form, user):
    if isinstance(form, UnitAdminForm):
        return services.unit_save(
            unit=form.instance,
            by=user,
            municipalities=form.cleaned_data["municipalities"],
            districts=form.cleaned_data["districts"],
        )
    return services.unit_save(unit=form.instance, by=user)


@require_POST
@coordinator_required
def unit_verify(request, slug):
    unit = get_object_or_404(SLTUnit, slug=slug)
    check_can_change(request.user, unit)
    services.unit_verify(unit=unit, by=request.user)
    messages.success(request, _("Takk! Opplysningene er bekreftet."))
    return redirect(reverse("municipalities:my_units") if not is_sfk_admin(request.user) else unit.get_absolute_url())


@coordinator_required
def coordinator_edit(request, pk):
    coordinator = get_object_or_404(_visible_coordinators(request.user).select_related("unit"), pk=pk)
    check_can_change(request.user, coordinator)
    form = CoordinatorForm(post_data(request), post_files(request), instance=coordinator)
    if request.method == "POST" and form.is_valid():
        try:
            services.coordinator_save(
                coordinator=form.instance, by=request.user, photo_consent=form.cleaned_data["photo_consent"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Endringene er lagret."))
            return redirect(coordinator.unit.get_absolute_url())
    context = {
        "form": form,
        "coordinator": coordinator,
        "unit": coordinator.unit,
        "crumbs": _unit_crumbs(coordinator.unit, (coordinator.name, "")),
    }
    return render(request, "municipalities/coordinator_form.html", context, status=form_status(form))


@coordinator_required
def coordinator_end(request, pk):
    coordinator = get_object_or_404(_visible_coordinators(request.user).active().select_related("unit", "user"), pk=pk)
    check_can_change(request.user, coordinator)
    form = EndCoordinatorForm(post_data(request))
    if request.method == "POST" and form.is_valid():
        services.coordinator_end(coordinator=coordinator, by=request.user)
        messages.success(request, _("%(name)s er registrert som sluttet.") % {"name": coordinator.name})
        if coordinator.user_id == request.user.pk and not request.user.is_sfk_admin:
            request.user.refresh_from_db(fields=["is_active"])
            if not request.user.is_active:
                logout(request)
        return redirect(coordinator.unit.get_absolute_url())
    context = {
        "form": form,
        "coordinator": coordinator,
        "unit": coordinator.unit,
        "crumbs": _unit_crumbs(coordinator.unit, (_("Sluttet"), "")),
    }
    return render(request, "municipalities/coordinator_end.html", context, status=form_status(form))


# --- Sfk administration -----------------------------------------------------------------------


@sfk_admin_required
def admin_units(request):
    status = request.GET.get("status", "")
    page_obj = selectors.admin_unit_page(status=status, page_number=request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "status": status,
        "statuses": SLTUnit.Status.choices,
        "crumbs": [(_("SLT-enheter og koordinatorer"), "")],
    }
    return render(request, "municipalities/admin_units.html", context)


@sfk_admin_required
def unit_create(request):
    form = UnitAdminForm(post_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            unit = _save_unit(form, request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("SLT-enheten er opprettet."))
            return redirect(unit.get_absolute_url())
    context = {"form": form, "unit": None, "crumbs": _admin_crumbs((_("Ny SLT-enhet"), ""))}
    return render(request, "municipalities/unit_form.html", context, status=form_status(form))


@sfk_admin_required
def coordinator_create(request, slug):
    unit = get_object_or_404(SLTUnit, slug=slug)
    form = CoordinatorForm(post_data(request), post_files(request), instance=Coordinator(unit=unit))
    if request.method == "POST" and form.is_valid():
        try:
            coordinator = services.coordinator_save(
                coordinator=form.instance, by=request.user, photo_consent=form.cleaned_data["photo_consent"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.POST.get("invite"):
                services.invitation_send(coordinator=coordinator, by=request.user)
                messages.success(request, _("Koordinatoren er lagt til, og invitasjonen er sendt."))
            else:
                messages.success(request, _("Koordinatoren er lagt til."))
            return redirect(unit.get_absolute_url())
    context = {"form": form, "coordinator": None, "unit": unit, "crumbs": _unit_crumbs(unit, (_("Ny koordinator"), ""))}
    return render(request, "municipalities/coordinator_form.html", context, status=form_status(form))


@require_POST
@sfk_admin_required
def coordinator_invite(request, pk):
    coordinator = get_object_or_404(Coordinator.objects.active().select_related("unit", "user"), pk=pk)
    services.invitation_send(coordinator=coordinator, by=request.user)
    messages.success(request, _("Invitasjonen er sendt til %(email)s.") % {"email": coordinator.email})
    return redirect(coordinator.unit.get_absolute_url())


@require_safe
@coordinator_required
def unit_history_view(request, slug):
    """The unit's coordinators and Sfk; a unit page is public, so other coordinators get 403."""
    unit = get_object_or_404(SLTUnit, slug=slug)
    check_can_change(request.user, unit)
    entries, truncated = unit_history(unit, sfk=is_sfk_admin(request.user))
    page_obj = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    resolve(page_obj.object_list, labels=HISTORY_LABELS)
    context = {
        "unit": unit,
        "page_obj": page_obj,
        "truncated": truncated,
        "crumbs": _unit_crumbs(unit, (_("Endringslogg"), "")),
    }
    return render(request, "municipalities/unit_history.html", context)


@sfk_admin_required
def stale_list(request):
    context = {
        "page_obj": selectors.stale_page(request.GET.get("page")),
        "crumbs": _admin_crumbs((_("Ikke bekreftet"), "")),
    }
    return render(request, "municipalities/stale_list.html", context)


# --- Invitations ------------------------------------------------------------------------------


@private_page
def invitation_accept(request, token):
    try:
        invitation = services.invitation_from_token(token)
    except services.InvitationError as error:
        return _invitation_invalid(request, error)
    coordinator = invitation.coordinator
    existing = _existing_account(invitation)
    if existing is not None:
        return _accept_existing(request, invitation, existing)
    form = InvitationAcceptForm(post_data(request), email=invitation.email, initial={"full_name": coordinator.name})
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(
                invitation=invitation,
                password=form.cleaned_data["password1"],
                full_name=form.cleaned_data["full_name"],
            )
        except services.InvitationError as error:
            return _invitation_invalid(request, error)
        messages.success(request, _("Kontoen din er klar. Logg inn med e-postadressen og passordet ditt."))
        return redirect(reverse("accounts:login") + "?next=" + reverse("municipalities:my_units"))
    context = {"form": form, "invitation": invitation, "coordinator": coordinator}
    return render(request, "municipalities/invitation_accept.html", context, status=form_status(form))


def _invitation_invalid(request, error):
    return render(request, "municipalities/invitation_invalid.html", {"reason": error.reason}, status=400)


def _existing_account(invitation):
    # An inactive account (someone who left and is invited back) sets a new password instead.
    return User.objects.filter(email=normalize_email(invitation.email), is_active=True).first()


def _accept_existing(request, invitation, account):
    """The address already has an account: it must be logged in to take the entry."""
    if request.user.is_authenticated and request.user.pk == account.pk:
        if request.method == "POST":
            try:
                services.invitation_accept(invitation=invitation, password=None, user=request.user)
            except services.InvitationError as error:  # used or revoked since the link was checked
                return _invitation_invalid(request, error)
            messages.success(request, _("Du er nå koblet til %(unit)s.") % {"unit": invitation.coordinator.unit})
            return redirect("municipalities:my_units")
        return render(
            request,
            "municipalities/invitation_accept.html",
            {"invitation": invitation, "coordinator": invitation.coordinator, "form": None},
        )
    if request.user.is_authenticated:
        raise PermissionDenied
    return render(
        request,
        "municipalities/invitation_accept.html",
        {"invitation": invitation, "coordinator": invitation.coordinator, "form": None, "login_required": True},
    )
