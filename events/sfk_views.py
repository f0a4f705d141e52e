"""Sfk's event workspace: create and edit events with their programme, publish with a preview,
copy an event, and add recordings and slides. Writes go through `services`."""

import copy
import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import sfk_admin_required
from core.http import add_service_errors, post_data, post_files

from . import editor
from .admin_views import _admin_crumbs
from .forms import DuplicateEventForm, EventForm, RecordingForm, SessionFormSet
from .models import Event, Recording


def _event(slug):
    return get_object_or_404(Event.objects.select_related("county"), slug=slug)


def _programme(formset, *, first_day):
    """The formset's sessions in the order given (new and changed ones updated from the form)."""
    sessions = []
    for form in formset.ordered_forms:
        session = form.instance
        session.starts_at, session.ends_at = form.times(first_day=first_day)
        sessions.append(session)
    removed = [form.instance for form in formset.deleted_forms if form.instance.pk]
    return sessions, removed


@require_http_methods(["GET", "HEAD", "POST"])
@sfk_admin_required
def event_edit(request, slug=None):
    event = _event(slug) if slug else Event()
    stored = copy.copy(event)  # the form changes `event` while validating; links and crumbs use the saved values
    form = EventForm(post_data(request), instance=event)
    formset = SessionFormSet(post_data(request), instance=event, prefix="sessions")
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            sessions, removed = _programme(formset, first_day=timezone.localtime(form.instance.start).date())
            try:
                event = editor.event_save(event=form.instance, by=request.user, sessions=sessions, removed=removed)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Arrangementet «%(title)s» er lagret.") % {"title": event.title})
                if "more" in request.POST:
                    return redirect("events:event_edit", slug=event.slug)
                return redirect("events:event_publish", slug=event.slug)
    title = _("Endre arrangement") if stored.pk else _("Nytt arrangement")
    has_errors = bool(form.errors or formset.total_error_count())
    return render(
        request,
        "events/sfk/event_form.html",
        {
            "form": form,
            "formset": formset,
            "event": stored,
            "page_title": title,
            "has_errors": has_errors,
            "crumbs": _admin_crumbs(title, event=stored if stored.pk else None),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@sfk_admin_required
def event_publish(request, slug):
    """GET: a preview of the public page's facts and programme with the publish button; POST publishes
    or unpublishes."""
    event = get_object_or_404(Event.objects.with_counts().prefetch_related("sessions"), slug=slug)
    if request.method == "POST":
        service = editor.event_unpublish if request.POST.get("action") == "unpublish" else editor.event_publish
        try:
            event = service(event=event, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if event.is_published:
                messages.success(request, _("Arrangementet er publisert."))
            else:
                messages.success(request, _("Arrangementet er et utkast igjen og vises ikke lenger."))
        return redirect("events:event_publish", slug=event.slug)
    return render(
        request,
        "events/sfk/event_publish.html",
        {"event": event, "crumbs": _admin_crumbs(_("Forhåndsvisning og publisering"), event=event)},
    )


@require_http_methods(["GET", "HEAD", "POST"])
@sfk_admin_required
def event_duplicate(request, slug):
    event = _event(slug)
    initial = {"title": event.title, "start": timezone.localtime(event.start) + dt.timedelta(days=364)}
    form = DuplicateEventForm(post_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            copy = editor.event_duplicate(event=event, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Kopien er lagret som utkast. Se over datoene i programmet."))
            return redirect("events:event_edit", slug=copy.slug)
    return render(
        request,
        "events/sfk/event_duplicate.html",
        {"event": event, "form": form, "crumbs": _admin_crumbs(_("Kopier"), event=event)},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@sfk_admin_required
def recordings(request, slug, pk=None):
    """The event's recordings, and the form to add one (or change the one given by `pk`)."""
    event = _event(slug)
    recording = get_object_or_404(event.recordings, pk=pk) if pk else Recording(event=event)
    form = RecordingForm(post_data(request), post_files(request), instance=recording, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            recording = editor.recording_save(
                recording=form.instance,
                by=request.user,
                slides_upload=form.cleaned_data.get("slides_file"),
                inspected=getattr(form, "inspected", None),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Opptaket «%(title)s» er lagret.") % {"title": recording.title})
            return redirect("events:event_recordings_admin", slug=event.slug)
    listed = event.recordings.select_related("session", "slides", "event").order_by("recorded_on", "pk")
    return render(
        request,
        "events/sfk/recordings.html",
        {
            "event": event,
            "form": form,
            "recording": recording,
            "recordings": listed,
            "crumbs": _admin_crumbs(_("Opptak og lysark"), event=event),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@sfk_admin_required
def recording_delete(request, slug, pk):
    recording = get_object_or_404(Recording, event__slug=slug, pk=pk)
    editor.recording_delete(recording=recording, by=request.user)
    messages.success(request, _("Opptaket «%(title)s» er fjernet.") % {"title": recording.title})
    return redirect(reverse("events:event_recordings_admin", kwargs={"slug": slug}))
