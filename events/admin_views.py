"""Sfk admin pages: participants per event, export, attendance, e-mail, waiting list moves,
approving or declining registrations that await approval."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.permissions import sfk_admin_required
from core.exports import csv_response, xlsx_response
from core.http import form_status, post_data

from . import selectors, services
from .forms import ParticipantEmailForm
from .models import Event, Registration
from .views import crumbs


def _admin_crumbs(*items, event=None):
    trail = [*crumbs(), (_("Administrer påmeldinger"), reverse("events:admin_list"))]
    if event is not None:
        trail.append((event.title, reverse("events:participants", kwargs={"slug": event.slug}), event.language))
    return trail + [(title, "") for title in items]


def _event(slug):
    return get_object_or_404(Event.objects.with_counts().select_related("county"), slug=slug)


@require_safe
@sfk_admin_required
def event_admin_list(request):
    return render(
        request,
        "events/admin/event_admin_list.html",
        {
            "page_obj": selectors.admin_list_page(request.GET.get("page")),
            "crumbs": crumbs(_("Administrer påmeldinger")),
        },
    )


@require_safe
@sfk_admin_required
def participants(request, slug):
    event = _event(slug)
    rows = selectors.registrations_for_admin(event=event)
    cancelled = event.registrations.filter(status=Registration.Status.CANCELLED).count()
    return render(
        request,
        "events/admin/participants.html",
        {"event": event, "rows": rows, "cancelled": cancelled, "crumbs": _admin_crumbs(event=event)},
    )


@require_POST
@sfk_admin_required
def participant_attendance(request, slug, pk):
    registration = get_object_or_404(Registration, event__slug=slug, pk=pk)
    value = {"yes": True, "no": False}.get(request.POST.get("attended"))
    services.registration_set_attendance(registration=registration, attended=value, by=request.user)
    messages.success(request, _("Oppmøte er lagret for %(name)s.") % {"name": registration.name})
    return redirect("events:participants", slug=slug)


@require_POST
@sfk_admin_required
def participant_move(request, slug, pk):
    registration = get_object_or_404(Registration, event__slug=slug, pk=pk)
    try:
        services.registration_move(
            registration=registration, to_confirmed=request.POST.get("to") == "confirmed", by=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(name)s er flyttet.") % {"name": registration.name})
    return redirect("events:participants", slug=slug)


@require_POST
@sfk_admin_required
def participant_decision(request, slug, pk):
    """Approve or decline a registration awaiting approval (audience "coordinators and partners")."""
    registration = get_object_or_404(Registration, event__slug=slug, pk=pk)
    approve = request.POST.get("decision") == "approve"
    service = services.registration_approve if approve else services.registration_decline
    try:
        registration = service(registration=registration, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if registration.is_declined:
            text = _("Påmeldingen fra %(name)s er avslått. Vedkommende får beskjed på e-post.")
        elif registration.is_waiting:
            text = _("Påmeldingen fra %(name)s er godkjent. Arrangementet er fullt, så vedkommende står på venteliste.")
        else:
            text = _("Påmeldingen fra %(name)s er godkjent og har fått plass.")
        messages.success(request, text % {"name": registration.name})
    return redirect("events:participants", slug=slug)


@require_http_methods(["GET", "HEAD", "POST"])
@sfk_admin_required
def participant_email(request, slug):
    event = _event(slug)
    form = ParticipantEmailForm(post_data(request))
    if request.method == "POST" and form.is_valid():
        count = services.event_email_participants(event=event, **form.cleaned_data, by=request.user)
        messages.success(request, _("E-posten er lagt i kø til %(count)s deltakere.") % {"count": count})
        return redirect("events:participants", slug=slug)
    return render(
        request,
        "events/admin/participant_email.html",
        {"event": event, "form": form, "crumbs": _admin_crumbs(_("E-post"), event=event)},
        status=form_status(form),
    )


@require_http_methods(["GET", "HEAD", "POST"])
@sfk_admin_required
def event_cancel(request, slug):
    event = _event(slug)
    if request.method == "POST":
        count = services.event_cancel(event=event, by=request.user)
        messages.success(
            request, _("Arrangementet er avlyst. %(count)s påmeldte får beskjed på e-post.") % {"count": count}
        )
        return redirect("events:participants", slug=slug)
    return render(
        request, "events/admin/event_cancel.html", {"event": event, "crumbs": _admin_crumbs(_("Avlys"), event=event)}
    )


def _export_rows(event):
    headers = [
        _("Navn"),
        _("E-post"),
        _("Organisasjon"),
        _("Kommune/SLT-enhet"),
        _("Rolle"),
        _("Status"),
        _("Plass på venteliste"),
        _("Spesialkost"),
        _("Tilrettelegging"),
        _("Vil stå på deltakerlisten"),
        _("Møtte"),
        _("Påmeldt"),
    ]
    return headers, _registration_rows(event)


def _registration_rows(event):
    yes, no = _("ja"), _("nei")
    for r, position in selectors.registrations_for_admin(event=event):
        yield [
            r.name,
            r.email,
            r.organisation,
            r.unit.name if r.unit else "",
            r.role,
            r.get_status_display(),
            position or "",
            r.dietary_needs,
            r.accessibility_needs,
            yes if r.consent_participant_list else no,
            "" if r.attended is None else (yes if r.attended else no),
            timezone.localtime(r.created_at).strftime("%Y-%m-%d %H:%M"),
        ]


@require_safe
@sfk_admin_required
def participants_csv(request, slug):
    event = _event(slug)
    header, rows = _export_rows(event)
    return csv_response(f"deltakere-{event.slug}.csv", header, rows)


@require_safe
@sfk_admin_required
def participants_xlsx(request, slug):
    event = _event(slug)
    header, rows = _export_rows(event)
    return xlsx_response(f"deltakere-{event.slug}.xlsx", header, rows, sheet_title=_("Deltakere"))
