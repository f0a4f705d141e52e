import json

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy, translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from slt_portal.views import InvalidFormStatusMixin, form_status

from .forms import EmailAuthenticationForm, OutboxPasswordResetForm, ProfileForm
from .selectors import account_links, personal_data_sections, user_personal_data


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


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(InvalidFormStatusMixin, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(InvalidFormStatusMixin, auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")

    def form_valid(self, form):
        messages.success(self.request, _("Passordet ditt er endret."))
        return super().form_valid(form)


@login_required
def account(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Endringene er lagret."))
        return redirect(translate_url(request.path, user.preferred_language))
    context = {"form": form, "account_links": account_links(user=request.user)}
    return render(request, "accounts/account.html", context, status=form_status(form))


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
    return render(request, "accounts/my_data.html", {"sections": personal_data_sections(data)})
