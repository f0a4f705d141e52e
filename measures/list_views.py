"""Sfk's pages for the managed lists: themes and the classification lists (add, rename in three
languages, reorder, retire and restore). Writes go through `services`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import sfk_admin_required
from core.http import add_service_errors, form_status, post_data

from . import services
from .forms import list_value_form
from .lists import BY_KEY, MANAGED_LISTS


def _managed(key):
    try:
        return BY_KEY[key]
    except KeyError:
        raise Http404 from None


def _crumbs(*items):
    return [(_("Sfk-administrasjon"), reverse("sfk_dashboard")), (_("Lister"), reverse("measures:lists"))] + [
        (title, url) for title, url in items
    ]


@require_safe
@sfk_admin_required
def lists(request):
    return render(
        request,
        "measures/sfk/lists.html",
        {"lists": MANAGED_LISTS, "crumbs": [(_("Sfk-administrasjon"), reverse("sfk_dashboard")), (_("Lister"), "")]},
    )


def _save(request, form, key, message):
    """Save a valid value form through the service: the redirect back to the list, or None with
    the service's refusal added to the form."""
    if not form.is_valid():
        return None
    try:
        value = services.list_value_save(value=form.instance, by=request.user)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None
    messages.success(request, message % {"name": value.name})
    return redirect("measures:list_detail", key=key)


@require_http_methods(["GET", "HEAD", "POST"])
@sfk_admin_required
def list_detail(request, key):
    """The list's values in order with their actions, and the form to add a value."""
    managed = _managed(key)
    form = list_value_form(
        managed, post_data(request), instance=managed.model(**({"kind": managed.kind} if managed.kind else {}))
    )
    if request.method == "POST" and (saved := _save(request, form, key, _("«%(name)s» er lagt til."))):
        return saved
    return render(
        request,
        "measures/sfk/list_detail.html",
        {"managed": managed, "values": managed.values(), "form": form, "crumbs": _crumbs((managed.title, ""))},
        status=form_status(form),
    )


@require_http_methods(["GET", "HEAD", "POST"])
@sfk_admin_required
def list_value_edit(request, key, pk):
    managed = _managed(key)
    value = get_object_or_404(managed.values(), pk=pk)
    form = list_value_form(managed, post_data(request), instance=value)
    if request.method == "POST" and (saved := _save(request, form, key, _("«%(name)s» er lagret."))):
        return saved
    return render(
        request,
        "measures/sfk/list_value_form.html",
        {
            "managed": managed,
            "value": value,
            "form": form,
            "crumbs": _crumbs((managed.title, reverse("measures:list_detail", args=[key])), (_("Gi nytt navn"), "")),
        },
        status=form_status(form),
    )


@require_POST
@sfk_admin_required
def list_value_action(request, key, pk):
    """Move up/down, retire or restore (the button's `action`)."""
    managed = _managed(key)
    value = get_object_or_404(managed.values(), pk=pk)
    action = request.POST.get("action")
    try:
        if action in {"up", "down"}:
            services.list_value_move(value=value, up=action == "up", by=request.user)
            messages.success(request, _("«%(name)s» er flyttet.") % {"name": value.name})
        elif action == "retire":
            services.list_value_retire(value=value, by=request.user)
            messages.success(request, _("«%(name)s» er tatt ut av bruk.") % {"name": value.name})
        elif action == "restore":
            services.list_value_restore(value=value, by=request.user)
            messages.success(request, _("«%(name)s» er tatt i bruk igjen.") % {"name": value.name})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("measures:list_detail", key=key)
