"""Reads for the Sfk dashboard: the national picture, from aggregate queries (constant count)."""

import functools
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Q, Value, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from core.sql import at_moment, objects
from municipalities.selectors import CountyCoverage, Coverage, coverage


@dataclass
class NationalPicture:
    coverage: Coverage  # the directory's own coverage figures (municipalities.selectors.coverage)
    units_by_status: list[tuple[str, str, int]]  # (status, label, count)
    measures_published: int
    measures_by_theme: list[tuple[str, int]]
    measures_by_age_band: list[tuple[str, int]]
    stale_coordinators: int
    events: list = field(default_factory=list)  # upcoming events with registration counts
    outbox_unsent: int = 0
    outbox_failed: int = 0
    pending_invitations: int = 0

    @property
    def municipalities(self) -> int:
        return self.coverage.municipalities

    @property
    def target(self) -> int:
        return self.coverage.municipalities

    @property
    def covered(self) -> int:
        return self.coverage.covered

    @property
    def covered_percent(self) -> int:
        return self.coverage.percent

    @property
    def establishing(self) -> int:
        return self.coverage.establishing

    @property
    def oslo_districts(self) -> int:
        return self.coverage.oslo_districts

    @property
    def oslo_districts_covered(self) -> int:
        return self.coverage.oslo_districts_covered

    @property
    def counties(self) -> list[CountyCoverage]:
        return self.coverage.counties


def _units_by_status(figures: Coverage) -> list[tuple[str, str, int]]:
    from municipalities.models import SLTUnit

    counts = {
        SLTUnit.Status.ACTIVE: figures.units_active,
        SLTUnit.Status.ESTABLISHING: figures.units_establishing,
        SLTUnit.Status.ENDED: figures.units_ended,
    }
    return [(value, label, counts.get(value, 0)) for value, label in SLTUnit.Status.choices]


@functools.cache
def _measures_sql(vendor: str) -> tuple[str, tuple]:
    """The SQL and parameters of `_measures`' query. They depend on nothing but the database
    vendor, so the ORM builds and compiles them once per process (which takes longer than SQLite
    takes to run them)."""
    from measures.models import Classification, Measure, Theme

    published = Measure.State.PUBLISHED
    if vendor == "postgresql":  # matches the partial index measure_unpublished
        unpublished = ~Q(state=published)
    else:  # SQLite finds the few rows through the (state, …) index
        unpublished = Q(state__in=[state for state in Measure.State.values if state != published])
    columns = ("figure", "key", "position", "nb", "nn", "en", "n")
    blank = {"nb": Value(""), "nn": Value(""), "en": Value("")}

    def names(queryset, figure):
        ordering = [F(f) for f in queryset.model._meta.ordering]
        return (
            queryset.order_by()
            .annotate(
                figure=Value(figure),
                key=F("pk"),
                position=Window(RowNumber(), order_by=ordering),
                nb=F("name"),
                nn=F("name_nn"),
                en=F("name_en"),
                n=Value(0),
            )
            .values_list(*columns)
        )

    def grouped(queryset, figure, key, sign):
        return (
            queryset.order_by()
            .values(figure=Value(figure), key=key, position=Value(0), **blank)
            .annotate(n=Count("*") * Value(sign))
            .values_list(*columns)
        )

    def counts(links, figure, field):
        unpublished_links = links.objects.filter(measure__in=Measure.objects.filter(unpublished).values("pk"))
        return [grouped(links.objects.all(), figure, F(field), 1), grouped(unpublished_links, figure, F(field), -1)]

    parts = [
        names(Theme.objects.all(), "theme"),
        names(Classification.objects.filter(kind=Classification.Kind.AGE_BAND), "age"),
        *counts(Measure.themes.through, "theme-count", "theme_id"),
        *counts(Measure.age_bands.through, "age-count", "classification_id"),
        grouped(Measure.objects.all(), "total-count", Value(0), 1),
        grouped(Measure.objects.filter(unpublished), "total-count", Value(0), -1),
    ]
    sql, params = parts[0].union(*parts[1:], all=True).order_by().query.sql_with_params()
    return sql, tuple(params)


def _measures():
    """Published measures in all, per theme and per age band, in one query (UNION ALL): the themes
    and age bands in their model's order (ROW_NUMBER over its ordering), and the counts as the
    measure bank's facet counts take them (measures.search.query._all_counts): each link table
    (and the measures) counted whole from an index, less the rows of the few measures that are not
    published (found through the state index), which is much cheaper than joining every link to
    its published measure."""
    from measures.models import Theme

    with connection.cursor() as cursor:
        cursor.execute(*_measures_sql(connection.vendor))
        rows = cursor.fetchall()
    figures: dict[str, list] = {"theme": [], "age": []}
    found: dict[tuple[str, int], int] = {}
    for figure, key, _position, nb, nn, en, n in sorted(rows):
        if figure in figures:
            figures[figure].append((key, Theme(name=nb, name_nn=nn, name_en=en).localized_name))
        else:
            figure = figure.removesuffix("-count")
            found[figure, key] = found.get((figure, key), 0) + int(n)
    return {
        "measures_published": found.get(("total", 0), 0),
        "measures_by_theme": [(name, found.get(("theme", key), 0)) for key, name in figures["theme"]],
        "measures_by_age_band": [(name, found.get(("age", key), 0)) for key, name in figures["age"]],
    }


def _upcoming_events(now) -> list:
    """The next 20 events with their confirmed and waiting-list registrations: only the columns
    the dashboard and its export show, and only those two counts (half the time of with_counts)."""
    from events.models import Event

    fields = ("title", "slug", "language", "status", "start", "capacity")
    return objects(  # the SQL built once per process (core.sql)
        "slt_portal:upcoming-events",
        lambda moment: Event.objects.upcoming(now=moment).only(*fields).with_list_counts()[:20],
        now=now,
    )


def national_picture(*, now=None) -> NationalPicture:
    """Coverage, measures, stale entries and pending invitations, upcoming events and the outbox, for Sfk."""
    from municipalities.models import Coordinator
    from outbox.models import FAILED, OutboxMessage

    now = now or timezone.now()
    outbox = dict(
        zip(
            ("unsent", "failed"),
            at_moment(  # the SQL built once per process (core.sql); it does not depend on the moment
                "slt_portal:outbox-counts",
                lambda _moment: OutboxMessage.objects.unsent().aggregate(
                    unsent=Count("pk"), failed=Count("pk", filter=FAILED)
                ),
                now,
            ),
            strict=True,
        )
    )
    upkeep = Coordinator.objects.upkeep_counts(now=now)
    figures = coverage()
    return NationalPicture(
        coverage=figures,
        units_by_status=_units_by_status(figures),
        **_measures(),
        stale_coordinators=upkeep["stale"],
        pending_invitations=upkeep["pending_invitations"],
        events=_upcoming_events(now),
        outbox_unsent=outbox["unsent"],
        outbox_failed=outbox["failed"],
    )


def national_picture_rows(picture: NationalPicture) -> list[tuple[str, str, int | str, int | str]]:
    """The picture as flat (section, item, value, of total) rows for CSV and XLSX export."""
    from django.utils.translation import gettext as _

    rows = [
        (_("Dekning"), _("Kommuner med aktiv SLT-enhet"), picture.covered, picture.target),
        (_("Dekning"), _("Kommuner med SLT-enhet under etablering"), picture.establishing, picture.target),
        (_("Dekning"), _("Oslos bydeler med SLT"), picture.oslo_districts_covered, picture.oslo_districts),
    ]
    rows += [(_("SLT-enheter etter status"), label, n, "") for _v, label, n in picture.units_by_status]
    rows += [(_("Dekning per fylke"), c.name, c.covered, c.municipalities) for c in picture.counties]
    rows.append((_("Tiltak"), _("Publiserte tiltak"), picture.measures_published, ""))
    rows += [(_("Publiserte tiltak etter tema"), name, n, "") for name, n in picture.measures_by_theme]
    rows += [(_("Publiserte tiltak etter aldersgruppe"), name, n, "") for name, n in picture.measures_by_age_band]
    rows.append(
        (_("Vedlikehold"), _("Koordinatorer ikke bekreftet på over 12 måneder"), picture.stale_coordinators, "")
    )
    rows.append((_("Vedlikehold"), _("Invitasjoner som venter på svar"), picture.pending_invitations, ""))
    rows += [
        (
            _("Kommende arrangementer (påmeldte)"),
            f"{e.title} ({timezone.localtime(e.start):%Y-%m-%d})",
            e.confirmed_count,
            e.capacity or "",
        )
        for e in picture.events
    ]
    rows.append((_("E-post"), _("Ikke sendt"), picture.outbox_unsent, ""))
    rows.append((_("E-post"), _("Feilet (prøves igjen)"), picture.outbox_failed, ""))
    return rows
