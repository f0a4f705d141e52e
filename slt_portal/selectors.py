"""Reads for the Sfk dashboard: the national picture, from aggregate queries (constant count)."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Value, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

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


def _measures():
    """Published measures in all, per theme and per age band, in one query (UNION ALL): the themes
    and age bands in their model's order (ROW_NUMBER over its ordering), and the counts grouped
    from the link tables joined to the published measures (the state index does the filtering)."""
    from measures.models import Classification, Measure, Theme

    published = Measure.State.PUBLISHED
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

    def counts(links, figure, field):
        return (
            links.objects.filter(measure__state=published)
            .order_by()
            .values(figure=Value(figure), key=F(field), position=Value(0), **blank)
            .annotate(n=Count("*"))
            .values_list(*columns)
        )

    total = (
        Measure.objects.filter(state=published)
        .order_by()
        .values(figure=Value("total"), key=Value(0), position=Value(0), **blank)
        .annotate(n=Count("pk"))
        .values_list(*columns)
    )
    parts = [
        names(Theme.objects.all(), "theme"),
        names(Classification.objects.filter(kind=Classification.Kind.AGE_BAND), "age"),
        counts(Measure.themes.through, "theme-count", "theme_id"),
        counts(Measure.age_bands.through, "age-count", "classification_id"),
        total,
    ]
    figures: dict[str, list] = {"theme": [], "age": []}
    found: dict[tuple[str, int], int] = {}
    for figure, key, _position, nb, nn, en, n in sorted(parts[0].union(*parts[1:], all=True).order_by()):
        if figure in figures:
            figures[figure].append((key, Theme(name=nb, name_nn=nn, name_en=en).localized_name))
        else:
            found[figure.removesuffix("-count"), key] = n
    return {
        "measures_published": found.get(("total", 0), 0),
        "measures_by_theme": [(name, found.get(("theme", key), 0)) for key, name in figures["theme"]],
        "measures_by_age_band": [(name, found.get(("age", key), 0)) for key, name in figures["age"]],
    }


def national_picture(*, now=None) -> NationalPicture:
    """Coverage, measures, stale entries and pending invitations, upcoming events and the outbox, for Sfk."""
    from events.models import Event
    from municipalities.models import Coordinator
    from outbox.models import FAILED, OutboxMessage

    now = now or timezone.now()
    outbox = OutboxMessage.objects.unsent().aggregate(unsent=Count("pk"), failed=Count("pk", filter=FAILED))
    upkeep = Coordinator.objects.upkeep_counts(now=now)
    figures = coverage()
    return NationalPicture(
        coverage=figures,
        units_by_status=_units_by_status(figures),
        **_measures(),
        stale_coordinators=upkeep["stale"],
        pending_invitations=upkeep["pending_invitations"],
        events=list(Event.objects.upcoming(now=now).with_counts()[:20]),
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
