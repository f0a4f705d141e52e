"""Two-factor pages: setup (QR code drawn by the site itself), the code step, turning it off."""

from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.http import post_data

from . import two_factor
from .forms import TwoFactorCodeForm

RATE_LIMITED = 429


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("accounts:account")


def _qr_svg(device) -> str:
    # segno writes plain SVG (paths, no style attributes, no script): safe inline under the CSP.
    svg = segno.make(device.config_url, error="m").svg_inline(scale=5, border=4, svgclass="two-factor-qr")
    return format_html('<div role="img" aria-label="{}">{}</div>', _("QR-kode for autentiseringsappen"), mark_safe(svg))


def _crumbs(title):
    return [(_("Min side"), reverse("accounts:account")), (title, "")]


def _too_many(request, template, context):
    context["form"].add_error(None, _("For mange forsøk. Vent et kvarter, og prøv igjen."))
    return render(request, template, context, status=RATE_LIMITED)


@never_cache
@login_required
def setup(request):
    """Enrol an authenticator app. With a device already, only after the code step of this session."""
    user = request.user
    if two_factor.has_device(user) and not two_factor.is_verified(user):
        return redirect(two_factor.step_url(request, user))
    device = two_factor.pending_totp_device(user)
    form = TwoFactorCodeForm(post_data(request))
    context = {
        "form": form,
        "qr_svg": _qr_svg(device),
        "secret": " ".join(b32encode(device.bin_key).decode()[i : i + 4] for i in range(0, 32, 4)),
        "next": _next_url(request),
        "crumbs": _crumbs(_("Tofaktorinnlogging")),
        "required": two_factor.two_factor_required(user),
    }
    if request.method == "POST":
        if not two_factor.code_attempt_allowed(user):
            return _too_many(request, "accounts/two_factor_setup.html", context)
        if form.is_valid():
            codes = two_factor.totp_confirm(request=request, device=device, code=form.cleaned_data["code"])
            if codes is not None:
                return render(
                    request, "accounts/two_factor_recovery_codes.html", {"codes": codes, "next": context["next"]}
                )
            form.add_error("code", _("Koden stemmer ikke. Skriv inn koden appen viser nå."))
        return render(request, "accounts/two_factor_setup.html", context, status=400)
    return render(request, "accounts/two_factor_setup.html", context)


@never_cache
@login_required
def verify(request):
    """The code step after the password: authenticator code or a recovery code."""
    user = request.user
    if not two_factor.has_device(user):
        return redirect(two_factor.step_url(request, user))
    form = TwoFactorCodeForm(post_data(request), recovery=True)
    context = {"form": form, "next": _next_url(request)}
    if request.method == "POST":
        if not two_factor.code_attempt_allowed(user):
            return _too_many(request, "accounts/two_factor_verify.html", context)
        if form.is_valid() and two_factor.code_verify(request=request, code=form.cleaned_data["code"]):
            return redirect(context["next"])
        if not form.errors:
            form.add_error("code", _("Koden stemmer ikke. Prøv igjen med koden appen viser nå."))
        return render(request, "accounts/two_factor_verify.html", context, status=400)
    return render(request, "accounts/two_factor_verify.html", context)


@require_POST
@login_required
def disable(request):
    """Coordinators may turn two-factor login off again; for Sfk admins it is required."""
    user = request.user
    if two_factor.two_factor_required(user):
        messages.error(request, _("Tofaktorinnlogging er påkrevd for Sfk-administratorer."))
    else:
        two_factor.devices_reset(user=user, by=user)
        request.session[two_factor.ENROLLED_SESSION_KEY] = False
        messages.success(request, _("Tofaktorinnlogging er slått av."))
    return redirect("accounts:account")
