"""Sfk's view of outgoing e-mail (composed here: outbox sits below accounts, which owns the roles).
Queued, sent and failed messages; the text only on the detail page; retry of a failed one."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from accounts.permissions import sfk_admin_required
from outbox.models import OutboxMessage
from outbox.services import outbox_retry

# ?status= value: (label, queryset method)
FILTERS = {
    "feilet": (gettext_lazy("Feilet"), "failed"),
    "i-ko": (gettext_lazy("I kø"), "queued"),
    "sendt": (gettext_lazy("Sendt"), "sent"),
}


def _crumbs(*items):
    return [(_("Sfk-administrasjon"), reverse("sfk_dashboard")), *items]


@require_safe
@sfk_admin_required
def outbox_list(request):
    status = request.GET.get("status", "feilet")
    if status not in FILTERS:
        status = "feilet"
    messages_qs = getattr(OutboxMessage.objects, FILTERS[status][1])().defer("body", "attachments")
    page_obj = Paginator(messages_qs.order_by("-created_at", "-pk"), 50).get_page(request.GET.get("page"))
    counts = {key: getattr(OutboxMessage.objects, method)().count() for key, (_label, method) in FILTERS.items()}
    tabs = [(key, label, counts[key]) for key, (label, _method) in FILTERS.items()]
    return render(
        request,
        "sfk/outbox_list.html",
        {
            "page_obj": page_obj,
            "status": status,
            "tabs": tabs,
            "retention_days": settings.OUTBOX_RETENTION_DAYS,
            "crumbs": _crumbs((_("Utgående e-post"), "")),
        },
    )


@require_safe
@sfk_admin_required
def outbox_detail(request, pk):
    message = get_object_or_404(OutboxMessage, pk=pk)
    return render(
        request,
        "sfk/outbox_detail.html",
        {
            "message": message,
            "crumbs": _crumbs((_("Utgående e-post"), reverse("sfk_outbox")), (message.subject, "")),
        },
    )


@require_POST
@sfk_admin_required
def outbox_retry_view(request, pk):
    message = get_object_or_404(OutboxMessage.objects.unsent(), pk=pk)
    outbox_retry(message=message, by=request.user)
    messages.success(request, _("E-posten «%(subject)s» sendes på nytt.") % {"subject": message.subject})
    return redirect(f"{reverse('sfk_outbox')}?status=feilet")
