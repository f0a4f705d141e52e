"""The API's documentation page (/api/, /nn/api/, /en/api/): a page of the site, generated from
the OpenAPI schema."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from .base import LICENCE_TITLE, LICENCE_URL, LICENCE_URL_EN, PERSONAL_DATA_NOTICE, SOURCES_NOTICE
from .docs import documentation


@require_safe
def docs(request):
    context = documentation()
    context.update(
        licence_title=LICENCE_TITLE,
        licence_url=LICENCE_URL_EN if request.LANGUAGE_CODE == "en" else LICENCE_URL,
        personal_data=PERSONAL_DATA_NOTICE,
        sources=SOURCES_NOTICE,
        crumbs=[(_("Åpne data-API"), "")],
    )
    return render(request, "api/docs.html", context)
