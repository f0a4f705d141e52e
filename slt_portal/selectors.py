"""Reads for the Sfk dashboard: the national picture, from aggregate queries (constant count)."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

NATIONAL_MUNICIPALITIES = 357  # Norway's municipalities since 2024


@dataclass
class CountyRow:
    number: str
    name: str
    municipalities: int = 0
    covered: int = 0
    establishing: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.covered / self.municipalities) if self.municipalities else 0


@dataclass
class NationalPicture:
    municipalities: int
    covered: int  # with an active unit (Oslo: an active unit in at least one district)
    establishing: int  # with a unit being established only
    units_by_status: list[tuple[str, str, int]]  # (status, label, count)
    oslo_districts: int
    oslo_districts_covered: int
    counties: list[CountyRow]
    measures_published: int
    measures_by_theme: list[tuple[str, int]]
    measures_by_age_band: list[tuple[str, int]]
    stale_coordinators: int
    events: list = field(default_factory=list)  # upcoming events with registration counts
    outbox_unsent: int = 0
    outbox_failed: int = 0

    @property
    def target(self) -> int:
        return NATIONAL_MUNICIPALITIES

    @property
    def covered_percent(self) -> int:
        return round(100 * self.covered / self.target)


def _coverage():
    from municipalities.models import County, District, Municipality, SLTUnit, UnitDistrict, UnitMunicipality

    active, establishing = SLTUnit.Status.ACTIVE, SLTUnit.Status.ESTABLISHING

    def unit_in(status):
        members = UnitMunicipality.objects.filter(municipality=OuterRef("pk"), is_current=True, unit__status=status)
        districts = UnitDistrict.objects.filter(
            district__municipality=OuterRef("pk"), is_current=True, unit__status=status
        )
        return Exists(members), Exists(districts)

    a_muni, a_dist = unit_in(active)
    e_muni, e_dist = unit_in(establishing)
    rows = (
        Municipality.objects.current()
        .annotate(a_muni=a_muni, a_dist=a_dist, e_muni=e_muni, e_dist=e_dist)
        .values_list("county_id", "a_muni", "a_dist", "e_muni", "e_dist")
    )
    counties = {c.pk: CountyRow(number=c.number, name=c.name) for c in County.objects.all()}
    total = covered = est = 0
    for county_id, am, ad, em, ed in rows:
        row = counties[county_id]
        is_covered = am or ad
        is_est = not is_covered and (em or ed)
        row.municipalities += 1
        row.covered += is_covered
        row.establishing += is_est
        total += 1
        covered += is_covered
        est += is_est

    status_counts = dict(SLTUnit.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    units_by_status = [(value, label, status_counts.get(value, 0)) for value, label in SLTUnit.Status.choices]

    # Oslo is the municipality with districts; "covered" as on the public coverage page.
    districts = District.objects.aggregate(
        total=Count("pk"), covered=Count("pk", filter=Q(memberships__is_current=True), distinct=True)
    )
    return {
        "municipalities": total,
        "covered": covered,
        "establishing": est,
        "units_by_status": units_by_status,
        "oslo_districts": districts["total"],
        "oslo_districts_covered": districts["covered"],
        "counties": [c for c in counties.values() if c.municipalities],
    }


def _measures():
    from measures.models import Classification, Measure, Theme

    published = Q(state=Measure.State.PUBLISHED)
    by_theme = Theme.objects.annotate(n=Count("measures", filter=Q(measures__state=Measure.State.PUBLISHED)))
    by_age = Classification.objects.filter(kind=Classification.Kind.AGE_BAND).annotate(
        n=Count("age_band_measures", filter=Q(age_band_measures__state=Measure.State.PUBLISHED))
    )
    return {
        "measures_published": Measure.objects.filter(published).count(),
        "measures_by_theme": [(t.localized_name, t.n) for t in by_theme],
        "measures_by_age_band": [(c.localized_name, c.n) for c in by_age],
    }


def national_picture(*, now=None) -> NationalPicture:
    """Coverage, measures, stale entries, upcoming events and the outbox, for Sfk."""
    from events.models import Event
    from municipalities.models import Coordinator
    from outbox.models import FAILED, OutboxMessage

    now = now or timezone.now()
    outbox = OutboxMessage.objects.unsent().aggregate(unsent=Count("pk"), failed=Count("pk", filter=FAILED))
    return NationalPicture(
        **_coverage(),
        **_measures(),
        stale_coordinators=Coordinator.objects.stale(now=now).count(),
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
