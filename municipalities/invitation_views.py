"""Sfk's invitation list: pending, accepted, expired and revoked invitations, with resend and
revoke. Writes go through `services`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import sfk_admin_required
from core.http import form_status

from . import services
from .forms import InvitationFilterForm
from .models import Invitation

PAGE_SIZE = 50


@require_safe
@sfk_admin_required
def invitation_list(request):
    form = InvitationFilterForm(request.GET)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    now = timezone.now()
    counts = Invitation.objects.status_counts(now=now)
    options = [("", _("Alle"), sum(counts.values()))]
    options += [(value, label, counts[value]) for value, label in Invitation.Status.choices]
    page_obj = Paginator(Invitation.objects.admin_list(status=status, now=now), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "form": form,
        "status": status,
        "options": options,
        "page_obj": page_obj,
        "Status": Invitation.Status,
        "crumbs": [(_("Sfk-administrasjon"), reverse("sfk_dashboard")), (_("Invitasjoner"), "")],
    }
    return render(request, "municipalities/invitation_list.html", context, status=form_status(form))


def _back_to_list(request):
    """To the list as it was filtered when the button was pressed."""
    url = reverse("municipalities:invitations")
    status = request.POST.get("status", "")
    return redirect(f"{url}?status={status}" if status in Invitation.Status.values else url)


@require_POST
@sfk_admin_required
def invitation_resend(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        new = services.invitation_resend(invitation=invitation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("En ny invitasjon er sendt til %(email)s. Eldre invitasjonslenker virker ikke lenger.")
            % {"email": new.email},
        )
    return _back_to_list(request)


@require_POST
@sfk_admin_required
def invitation_revoke(request, pk):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.invitation_revoke(invitation=invitation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Invitasjonen til %(email)s er trukket tilbake. Lenken virker ikke lenger.")
            % {"email": invitation.email},
        )
    return _back_to_list(request)
