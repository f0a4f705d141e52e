"""Rendered parts of logged-in measure pages, kept in the shared cache (issue 14: a coordinator's
pages get no page cache, so their expensive parts are cached as fragments).

"My measures" is keyed on what it shows (`my_measures_stamp()`): the units, the page, the
language, the content version (unit names and public changes) and the number and latest
`updated_at` of the units' measures, read by one aggregate query on every request, so a draft
saved, renamed, archived or deleted shows at once even though drafts bump no content version.
The view keeps the whole page under the same stamp in its process (`core.personal`); the table
is also kept in the shared cache for other processes and users of the same units. Like the page
cache, a fragment also expires after `PAGE_CACHE_TTL`.
"""

import hashlib
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import router
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from core.sql import fetchall

from . import memo
from .models import Measure

MINE_PAGE_SIZE = 50
_STATE_COLOURS = {Measure.State.PUBLISHED: "success", Measure.State.DRAFT: "warning"}


def _stamp_query(*unit_ids):
    measures = Measure.objects.filter(unit_id__in=unit_ids[0]) if unit_ids else Measure.objects.all()
    per_unit = measures.order_by().values("unit_id").annotate(n=Count("pk"), last=Max("updated_at"))
    return per_unit.values_list("n", "last")


def _stamp(unit_ids: list[int] | None) -> dict:
    """The number and latest change of the units' measures: one query per request, compiled once
    per process (core.sql), its `last` as the driver returns it (only ever compared)."""
    if unit_ids is not None and not unit_ids:
        return {"n": 0, "last": None}
    args = () if unit_ids is None else (list(unit_ids),)
    rows = fetchall("measures.mine-stamp", _stamp_query, *args, using=router.db_for_read(Measure))
    return {"n": sum(n for n, _ in rows), "last": max((str(last) for _, last in rows), default=None)}


class MineStamp(NamedTuple):
    count: int  # the units' measures
    text: str  # everything the page shows depends on


def my_measures_stamp(request, *, unit_ids: list[int] | None) -> MineStamp | None:
    """What the "my measures" page shows depends on: the page asked for, the content version (unit
    names, public changes) and the number and latest change of the units' measures (drafts bump no
    version). None when the request has other parameters (then nothing is cached)."""
    page = request.GET.get("page", "1")
    if not (memo.enabled() and set(request.GET) <= {"page"} and page.isdigit() and len(page) < 7):
        return None
    stamp = _stamp(unit_ids)
    units = "all" if unit_ids is None else ",".join(str(pk) for pk in sorted(unit_ids))
    return MineStamp(stamp["n"], f"{units}|{page}|{stamp['n']}|{stamp['last']}|{memo.current_version()}")


def my_measures_table(request, *, unit_ids: list[int] | None, stamp: MineStamp | None) -> str:
    """The table of the units' measures in every state (a page of MINE_PAGE_SIZE), as HTML;
    `unit_ids=None`: every unit's (Sfk). `stamp`: my_measures_stamp()'s."""
    measures = Measure.objects.all() if unit_ids is None else Measure.objects.filter(unit_id__in=unit_ids)
    key = None
    if stamp is not None:
        key = "measures:mine:" + hashlib.sha256(f"{get_language()}|{stamp.text}".encode()).hexdigest()
        html = cache.get(key)
        if html is not None:
            return html
    rows = measures.order_by("unit__name", "-updated_at", "pk").values(
        "pk", "title", "language", "state", "updated_at", "unit__name"
    )
    paginator = Paginator(rows, MINE_PAGE_SIZE)
    if stamp is not None:
        paginator.__dict__["count"] = stamp.count  # counted by the stamp's query
    page_obj = paginator.get_page(request.GET.get("page", "1"))
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
