"""Rendered parts of logged-in measure pages, kept in the shared cache (issue 14: a coordinator's
pages get no page cache, so their expensive parts are cached as fragments).

"My measures" is keyed on what it shows: the units, the page, the language, the content version
(unit names and public changes) and the number and latest `updated_at` of the units' measures,
read by one aggregate query on every request, so a draft saved, renamed, archived or deleted
shows at once even though drafts bump no content version. Like the page cache, a fragment also
expires after `PAGE_CACHE_TTL`.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from . import memo
from .models import Measure

MINE_PAGE_SIZE = 50
_STATE_COLOURS = {Measure.State.PUBLISHED: "success", Measure.State.DRAFT: "warning"}


def my_measures_table(request, *, unit_ids: list[int] | None) -> str:
    """The table of the units' measures in every state (a page of MINE_PAGE_SIZE), as HTML;
    `unit_ids=None`: every unit's (Sfk)."""
    measures = Measure.objects.all() if unit_ids is None else Measure.objects.filter(unit_id__in=unit_ids)
    stamp = measures.aggregate(n=Count("pk"), last=Max("updated_at"))
    page = request.GET.get("page", "1")
    cacheable = memo.enabled() and set(request.GET) <= {"page"} and page.isdigit() and len(page) < 7
    key = None
    if cacheable:
        version = memo.current_version()
        units = "all" if unit_ids is None else ",".join(str(pk) for pk in sorted(unit_ids))
        raw = f"{get_language()}|{units}|{page}|{stamp['n']}|{stamp['last']}|{version}"
        key = "measures:mine:" + hashlib.sha256(raw.encode()).hexdigest()
        html = cache.get(key)
        if html is not None:
            return html
    rows = measures.order_by("unit__name", "-updated_at", "pk").values(
        "pk", "title", "language", "state", "updated_at", "unit__name"
    )
    paginator = Paginator(rows, MINE_PAGE_SIZE)
    paginator.__dict__["count"] = stamp["n"]  # counted by the aggregate above
    page_obj = paginator.get_page(page)
    edit = reverse("measures:edit", args=[987654321])
    page_obj.object_list = [
        {
            "edit_url": edit.replace("987654321", str(row["pk"])),
            "title": row["title"],
            "language": row["language"],
            "unit_name": row["unit__name"],
            "state_color": _STATE_COLOURS.get(row["state"], "neutral"),
            "state_label": Measure.State(row["state"]).label,
            "updated": date_format(timezone.localtime(row["updated_at"]), "SHORT_DATE_FORMAT"),
        }
        for row in page_obj.object_list
    ]
    html = render_to_string("measures/measure_mine.html#table", {"page_obj": page_obj}, request=request)
    if key:
        cache.set(key, html, getattr(settings, "PAGE_CACHE_TTL", 60))
    return html
