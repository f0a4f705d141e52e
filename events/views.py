from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.http import add_service_errors, client_ip, form_status, post_data, private_page
from core.pagecache import cache_public

from . import selectors, services
from .forms import EventFilterForm, EventSearchForm, RegistrationForm
from .ical import event_ical, events_feed_ical
from .models import Event, Recording
from .tokens import registration_from_confirmation_token, registration_from_token, registration_token


def crumbs(*items, event=None):
    """Breadcrumbs below 'Arrangementer' (and the event, when given)."""
    trail = [(_("Arrangementer"), reverse("events:list"))]
    if event is not None:
        trail.append((event.title, event.get_absolute_url(), event.language))
    return trail + [(title, "") for title in items]


@cache_public("kind", "county", "page")
@require_safe
def event_list(request):
    form = EventFilterForm(request.GET or None)
    events = Event.objects.public().upcoming().for_cards().with_taken_count()
    if form.is_valid():
        if form.cleaned_data["kind"]:
            events = events.filter(kind=form.cleaned_data["kind"])
        if form.cleaned_data["county"]:
            events = events.filter(county=form.cleaned_data["county"])
        events = selectors.event_text_filter(events, form.cleaned_data["q"])
    page_obj = Paginator(events, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_list.html",
        {"form": form, "page_obj": page_obj, "crumbs": [(_("Arrangementer"), "")]},
        status=form_status(form),
    )


@cache_public("page")
@require_safe
def event_past(request):
    form = EventSearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    events = selectors.event_text_filter(Event.objects.public().past(), q)
    events = events.for_cards().with_recording_count()
    page_obj = Paginator(events, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "events/event_past.html",
        {"form": form, "page_obj": page_obj, "q": q, "crumbs": crumbs(_("Tidligere arrangementer"))},
    )


@cache_public()
@require_safe
def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.visible_to(request.user)
        .with_counts()
        .select_related("county")
        .prefetch_related("sessions", Prefetch("recordings", queryset=Recording.objects.select_related("slides"))),
        slug=slug,
    )
    invite = request.GET.get("invitasjon", "")
    context = {
        "event": event,
        "crumbs": crumbs(event=event),
        "is_past": event.is_past(),
        "problem": services.registration_problem(event=event, invite_token=invite),
        "invite": invite if invite == event.invite_token else "",
        "needs_approval": services.registration_needs_approval(event=event, user=request.user),
        "seats_left": None if event.capacity is None else max(event.capacity - event.taken_count, 0),
        "confirm_by_email": services.registration_needs_email_confirmation(event=event, user=request.user),
        "hold_minutes": settings.EVENTS_HOLD_MINUTES,
    }
    return render(request, "events/event_detail.html", context)


@require_safe
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.public(), slug=slug)
    response = HttpResponse(event_ical(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@require_safe
def events_feed(request):
    events = Event.objects.public().upcoming()
    ical = events_feed_ical(events, name=_("SLT-portalen: arrangementer"))
    return HttpResponse(ical, content_type="text/calendar; charset=utf-8")


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, slug):
    event = get_object_or_404(Event.objects.public().with_counts().select_related("county"), slug=slug)
    invite = request.POST.get("invitasjon") or request.GET.get("invitasjon", "")
    problem = services.registration_problem(event=event, invite_token=invite)
    form = RegistrationForm(post_data(request), user=request.user, event=event)
    if problem:
        return render(
            request,
            "events/registration_form.html",
            {"event": event, "form": None, "problem": problem, "crumbs": crumbs(_("Påmelding"), event=event)},
            status=400 if request.method == "POST" else 200,
        )
    status = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if services.registration_rate_limited(ip=client_ip(request), email=email, user=request.user):
            form.add_error(None, _("For mange påmeldinger på kort tid. Prøv igjen om en time."))
            status = 429
        else:
            status = _register(request, event, form, invite)
        if not isinstance(status, int):
            return status
    return render(
        request,
        "events/registration_form.html",
        {
            "event": event,
            "form": form,
            "invite": invite,
            "needs_approval": services.registration_needs_approval(event=event, user=request.user),
            "confirm_by_email": services.registration_needs_email_confirmation(event=event, user=request.user),
            "hold_minutes": settings.EVENTS_HOLD_MINUTES,
            "is_full": event.capacity is not None and event.taken_count >= event.capacity,
            "crumbs": crumbs(_("Påmelding"), event=event),
            "retention_days": settings.EVENTS_RETENTION_DAYS,
        },
        status=status or form_status(form),
    )


def _register(request, event, form, invite):
    """Create the registration: a redirect to the personal page, or 400 with the errors on the form."""
    try:
        registration = services.registration_create(
            event=event,
            data=form.cleaned_data,
            user=request.user,
            language=translation.get_language(),
            invite_token=invite,
        )
    except ValidationError as exc:
        add_service_errors(form, exc)
        return 400
    if registration.is_confirmed:
        messages.success(request, _("Du er påmeldt. Vi har sendt en bekreftelse på e-post."))
    elif registration.is_pending:
        text = _("Påmeldingen din venter på godkjenning fra Sfk. Vi har sendt deg en e-post om at vi har fått den.")
        messages.info(request, text)
    elif registration.is_unconfirmed:
        messages.info(request, _("Nesten ferdig: sjekk e-posten din og bekreft påmeldingen."))
    else:
        messages.info(request, _("Arrangementet er fullt. Du står på venteliste, og vi har sendt deg en e-post."))
    return redirect("events:registration", token=registration_token(registration))


def _registration_or_error(request, token):
    registration = registration_from_token(token)
    if registration is None:
        response = render(request, "events/registration_invalid.html", status=404)
        return None, response
    return registration, None


@require_safe
@private_page
def registration_detail(request, token):
    registration, error = _registration_or_error(request, token)
    if error:
        return error
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "token": token,
        "crumbs": crumbs(_("Din påmelding"), event=event),
        "position": registration.waiting_position(),
        "hold_minutes": settings.EVENTS_HOLD_MINUTES,
        "show_join": registration.is_confirmed and not event.is_cancelled and bool(event.join_url),
        "can_cancel": _can_cancel(registration),
        "participants": selectors.participant_list(event=event) if registration.is_confirmed else None,
    }
    return render(request, "events/registration_detail.html", context)


def _can_cancel(registration) -> bool:
    event = registration.event
    return not registration.is_closed and not event.is_past() and not event.is_cancelled


@require_http_methods(["GET", "HEAD", "POST"])
@private_page
def registration_confirm(request, token):
    """The link in the first e-mail. GET shows a button, POST confirms: link checkers in mail
    systems open links, and must not confirm for the reader."""
    valid, registration = registration_from_confirmation_token(token)
    if not valid:
        return render(request, "events/registration_invalid.html", status=404)
    if registration is None:
        return render(request, "events/registration_expired.html", status=410)
    if request.method == "POST":
        try:
            registration = services.registration_confirm(registration=registration)
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            if registration.is_confirmed:
                text = _("Påmeldingen er bekreftet. Du har fått plass, og vi har sendt deg en e-post.")
                messages.success(request, text)
            else:
                messages.info(request, _("Påmeldingen er bekreftet. Arrangementet er fullt, så du står på venteliste."))
        return redirect("events:registration", token=registration_token(registration))
    if not registration.is_unconfirmed:
        return redirect("events:registration", token=registration_token(registration))
    event = registration.event
    context = {"event": event, "crumbs": crumbs(_("Bekreft påmeldingen"), event=event)}
    return render(request, "events/registration_confirm.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@private_page
def registration_cancel(request, token):
    """GET asks "are you sure?" (a page of its own, so it works without JavaScript); POST cancels."""
    registration, error = _registration_or_error(request, token)
    if error:
        return error
    if not _can_cancel(registration):
        messages.info(request, _("Påmeldingen kan ikke endres lenger."))
        return redirect("events:registration", token=token)
    if request.method == "POST":
        services.registration_cancel(registration=registration, by=request.user)
        messages.success(request, _("Du er avmeldt. Takk for at du sa fra!"))
        return redirect("events:registration", token=token)
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "token": token,
        "crumbs": crumbs(_("Meld deg av"), event=event),
    }
    return render(request, "events/registration_cancel.html", context)


MIN_YEAR, MAX_YEAR = 1900, 9999


@cache_public("ar")
@require_safe
def recording_archive(request):
    years = selectors.recording_years()
    default = years[0] if years else timezone.localdate().year
    try:
        year = int(request.GET.get("ar") or default)
    except ValueError:
        year = default
    if not MIN_YEAR <= year <= MAX_YEAR:  # out-of-range years would overflow the date lookup
        year = default
    events = selectors.events_with_recordings(year=year)
    return render(
        request,
        "events/recording_archive.html",
        {"years": years, "year": year, "events": events, "crumbs": crumbs(_("Opptak"))},
    )


@cache_public()
@require_safe
def event_recordings(request, slug):
    event = get_object_or_404(
        Event.objects.public().prefetch_related(
            Prefetch("recordings", queryset=Recording.objects.select_related("slides"))
        ),
        slug=slug,
    )
    return render(request, "events/event_recordings.html", {"event": event, "crumbs": crumbs(_("Opptak"), event=event)})
