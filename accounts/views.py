import json

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy, translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.http import InvalidFormStatusMixin, client_ip, form_status, post_data, private_page
from core.ratelimit import hit

from . import services, two_factor
from .forms import EmailAuthenticationForm, OutboxPasswordResetForm, ProfileForm, UserAccessForm, UserSearchForm
from .lockout import lockout_clear
from .models import User
from .permissions import is_coordinator, is_sfk_admin, sfk_admin_required
from .selectors import (
    account_links,
    account_sections,
    current_lockouts,
    personal_data_sections,
    user_access_history,
    user_admin_list,
    user_coordinator_entries,
    user_personal_data,
)


class LoginView(InvalidFormStatusMixin, auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        # Continue in the user's preferred language.
        return translate_url(super().get_success_url(), self.request.user.preferred_language)

    def form_valid(self, form):
        response = super().form_valid(form)
        translation.activate(form.get_user().preferred_language)
        return response


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


class PasswordResetView(InvalidFormStatusMixin, auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        # Per client address (counted first), on top of the per-address limit in the form's send_mail.
        key = f"password-reset-ip:{client_ip(self.request)}"
        allowed, retry_after = hit(key, settings.PASSWORD_RESET_IP_RATE_LIMIT, 3600)
        if allowed:
            return super().form_valid(form)
        form.add_error(None, _("Du har bedt om mange nye passord på kort tid. Prøv igjen om en time."))
        response = self.render_to_response(self.get_context_data(form=form), status=429)
        response["Retry-After"] = str(retry_after)
        return response


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(InvalidFormStatusMixin, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        # The lockout page suggests a reset: whoever could read the reset e-mail may now log in.
        lockout_clear(email=form.user.email)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


def _account_crumbs(*rest):
    if rest:
        return [(_("Min side"), reverse("accounts:account")), *rest]
    return [(_("Min side"), "")]


class PasswordChangeView(InvalidFormStatusMixin, auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, crumbs=_account_crumbs((_("Bytt passord"), "")))

    def form_valid(self, form):
        messages.success(self.request, _("Passordet ditt er endret."))
        return super().form_valid(form)


@login_required
def account(request):
    form = ProfileForm(post_data(request), instance=request.user)
    if request.method == "POST" and form.is_valid():
        new_email = form.new_email
        user = form.save()
        messages.success(request, _("Endringene er lagret."))
        if new_email:
            if services.email_change_request(user=user, new_email=new_email):
                messages.info(
                    request,
                    _("Vi har sendt en lenke til %(email)s. E-postadressen endres når du har åpnet lenken.")
                    % {"email": new_email},
                )
            else:
                messages.warning(request, _("Du har bedt om mange endringer av e-postadressen. Prøv igjen om en time."))
        return redirect(translate_url(request.path, user.preferred_language))
    context = {
        "form": form,
        "account_links": account_links(user=request.user),
        "account_sections": account_sections(user=request.user, request=request),
        "crumbs": _account_crumbs(),
        "two_factor_on": two_factor.has_device(request.user),
        "two_factor_required": two_factor.two_factor_required(request.user),
    }
    return render(request, "accounts/account.html", context, status=form_status(form))


@private_page
def email_confirm(request, token):
    """The link sent to a new login address: GET shows what will change, POST changes it (so a mail
    scanner that follows links changes nothing)."""
    try:
        data = services.email_change_token(token)
        if request.method == "POST":
            services.email_change_confirm(token=token)
            messages.success(
                request, _("E-postadressen er endret. Bruk %(email)s når du logger inn.") % {"email": data["new"]}
            )
            return redirect("accounts:account" if request.user.is_authenticated else "accounts:login")
    except services.EmailChangeError as error:
        context = {"reason": error.reason, "crumbs": [(_("Bekreft e-postadresse"), "")]}
        return render(request, "accounts/email_confirm.html", context, status=400)
    context = {"email": data["new"], "crumbs": [(_("Bekreft e-postadresse"), "")]}
    return render(request, "accounts/email_confirm.html", context)


@login_required
def my_data(request):
    data = user_personal_data(user=request.user)
    if request.GET.get("format") == "json":
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="slt-portalen-mine-data-{stamp}.json"'
        return response
    context = {
        "sections": personal_data_sections(data),
        "can_delete_own": is_coordinator(request.user) and not is_sfk_admin(request.user),
        "crumbs": _account_crumbs((_("Dine data"), "")),
    }
    return render(request, "accounts/my_data.html", context)


# --- Sfk administration of accounts -------------------------------------------------------------


def _users_crumbs(*rest):
    trail = [(_("Sfk-administrasjon"), reverse("sfk_dashboard"))]
    if rest:
        return [*trail, (_("Brukerkontoer og roller"), reverse("accounts:user_list")), *rest]
    return [*trail, (_("Brukerkontoer og roller"), "")]


@sfk_admin_required
def user_list(request):
    form = UserSearchForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    users = user_admin_list(query=filters.get("q", ""), role=filters.get("role", ""), active=filters.get("active", ""))
    page_obj = Paginator(users, 50).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page_obj, "crumbs": _users_crumbs()}
    return render(request, "accounts/users/user_list.html", context, status=form_status(form))


@sfk_admin_required
def user_detail(request, pk):
    target = get_object_or_404(User, pk=pk)
    form = UserAccessForm(post_data(request), target=target, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update_access(
                user=target,
                is_admin=form.cleaned_data["is_sfk_admin"],
                is_active=form.cleaned_data["is_active"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Endringene for %(user)s er lagret.") % {"user": target.get_full_name()})
            return redirect("accounts:user_detail", pk=target.pk)
    context = {
        "target": target,
        "form": form,
        "entries": user_coordinator_entries(user=target),
        "history": user_access_history(user=target),
        "crumbs": _users_crumbs((target.get_full_name(), "")),
    }
    return render(request, "accounts/users/user_detail.html", context, status=form_status(form))


@require_safe
@sfk_admin_required
def lockouts(request):
    return render(
        request,
        "accounts/users/lockouts.html",
        {"lockouts": current_lockouts(), "crumbs": _users_crumbs((_("Innloggingssperrer"), ""))},
    )


@require_POST
@sfk_admin_required
def lockout_unlock(request, pk):
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    services.lockout_clear(attempt=attempt, by=request.user)
    messages.success(request, _("Sperren for %(account)s er opphevet.") % {"account": attempt.username})
    return redirect("accounts:lockouts")


# --- Deleting a person's data (issue 11 item 7): the account is anonymised, never hard-deleted ----


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def my_data_delete(request):
    """Self-service for coordinators from "Dine data"; Sfk admins and others ask Sfk (the account of
    an Sfk admin is handled by another admin)."""
    if not is_coordinator(request.user) or is_sfk_admin(request.user):
        raise PermissionDenied
    if request.method == "POST":
        services.user_anonymise(user=request.user, by=request.user)
        logout(request)
        messages.success(request, _("Opplysningene dine er slettet, og kontoen er avsluttet."))
        return redirect("home")
    crumbs = _account_crumbs((_("Dine data"), reverse("accounts:my_data")), (_("Slett opplysningene mine"), ""))
    return render(request, "accounts/anonymise_confirm.html", {"target": request.user, "own": True, "crumbs": crumbs})


@require_http_methods(["GET", "HEAD", "POST"])
@sfk_admin_required
def user_anonymise(request, pk):
    """Sfk deletes a person's data on request: the account is anonymised and deactivated."""
    target = get_object_or_404(User.objects.filter(is_active=True), pk=pk)
    if target.pk == request.user.pk:
        raise PermissionDenied  # not one's own account: another admin does it
    if request.method == "POST":
        services.user_anonymise(user=target, by=request.user)
        messages.success(request, _("Opplysningene om personen er slettet, og kontoen er avsluttet."))
        return redirect("accounts:user_list")
    crumbs = _users_crumbs(
        (target.get_full_name(), reverse("accounts:user_detail", args=[target.pk])), (_("Slett opplysningene"), "")
    )
    return render(request, "accounts/anonymise_confirm.html", {"target": target, "own": False, "crumbs": crumbs})
