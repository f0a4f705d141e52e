"""Generate data at the scale of issue 14 for the benchmarks (not demo data): an SLT unit with a
coordinator for every municipality and Oslo district that has none, and N each of events, news
articles and publications (each publication with its own small generated PDF in the documents
storage). Idempotent: rows are recognised by their `bench-` slugs and only what is missing is
created. Rows go in with bulk_create (with history rows where the model keeps history); the content
version is bumped once at the end so that cached pages are rebuilt."""

import datetime as dt
import random
import uuid
from io import StringIO

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core.content import content_changed
from core.models import Theme
from documents.models import NewsArticle, Publication
from documents.pdfgen import placeholder_pdf
from documents.storage import documents_storage
from documents.uploads import inspect_upload
from events.models import Event
from municipalities.models import Coordinator, District, Municipality, SLTUnit, UnitDistrict, UnitMunicipality

PREFIX = "bench-"
UNIT_PREFIX = "bench-slt-"
FIRST = ["Ingrid", "Mats", "Sigrid", "Håkon", "Tuva", "Eirik", "Solveig", "Jonas", "Maren", "Vetle"]
LAST = ["Benkestad", "Målelid", "Lastvik", "Ytelsrud", "Tidsen", "Kjøremo"]
SUBJECTS = [
    "forebygging av vold blant unge",
    "politiråd i praksis",
    "kartlegging med Ungdata",
    "rus og festvett",
    "nettvett og deling av bilder",
    "overgang fra ungdomsskole til videregående",
    "samarbeid med frivilligheten",
    "tryggere nærmiljøer",
    "foreldreskap og forebygging",
    "gjengkriminalitet",
]
BODY = (
    "## Bakgrunn\n\nDenne teksten er generert for ytelsesmålinger av SLT-portalen. "
    "Den handler om {subject} og har ingen ekte innhold.\n\n## Mer\n\n"
    "- Kunnskap om risiko- og beskyttelsesfaktorer\n- Erfaringer fra kommuner\n- Nettverk\n"
)


class Command(BaseCommand):
    help = "Create benchmark-scale units, coordinators, events, news and publications (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, default=300)
        parser.add_argument("--news", type=int, default=300)
        parser.add_argument("--publications", type=int, default=300)
        parser.add_argument(
            "--units",
            type=int,
            default=None,
            help="At most this many benchmark units in all (default: one per free place).",
        )
        parser.add_argument("--seed", type=int, default=42)

    def handle(self, *args, events, news, publications, units, seed, **options):
        rng = random.Random(seed)
        if not Municipality.objects.exists():
            call_command("load_municipalities", verbosity=0, stdout=StringIO())
        now = timezone.now()
        with transaction.atomic():
            new_units = self._units(rng, now, units)
            new_events = self._events(rng, now, events)
            new_news = self._news(rng, now, news)
            new_publications = self._publications(rng, publications)
            if new_units or new_events or new_news or new_publications:
                content_changed(sender=SLTUnit)
        self.stdout.write(
            self.style.SUCCESS(
                f"Benchmark data: {new_units} new units with coordinators ({SLTUnit.objects.count()} in all), "
                f"{new_events} events, {new_news} news articles, {new_publications} publications created."
            )
        )

    def _units(self, rng, now, limit) -> int:
        """A unit with one coordinator for each current municipality and Oslo district without one.
        A municipality organised per district (Oslo) gets units per district instead."""
        per_district = set(District.objects.values_list("municipality_id", flat=True))
        municipalities = list(
            Municipality.objects.current()
            .exclude(memberships__is_current=True)
            .exclude(pk__in=per_district)
            .order_by("number")
        )
        districts = list(District.objects.exclude(memberships__is_current=True).order_by("number"))
        places = [("m", m) for m in municipalities] + [("d", d) for d in districts]
        taken = set(SLTUnit.objects.filter(slug__startswith=UNIT_PREFIX).values_list("slug", flat=True))
        if limit is not None:
            places = places[: max(0, limit - len(taken))]
        rows = []
        for kind, place in places:
            slug = f"{UNIT_PREFIX}{place.slug}-{place.number}"
            if slug in taken:  # its membership ended; leave it alone
                continue
            name = f"SLT {place.name}" if kind == "m" else f"SaLTo {place.name}"
            rows.append((kind, place, SLTUnit(
                slug=slug,
                name=name,
                status=SLTUnit.Status.ACTIVE if rng.random() < 0.9 else SLTUnit.Status.ESTABLISHING,
                started_year=rng.randrange(2000, 2026),
                email=f"slt@{place.slug}.example.no",
                verified_at=now - dt.timedelta(days=rng.randrange(500)),
                has_steering_group=rng.random() < 0.7,
            )))  # fmt: skip
        if not rows:
            return 0
        created = bulk_create_with_history([unit for _, _, unit in rows], SLTUnit, default_date=now)
        # bulk_create sets primary keys on PostgreSQL and SQLite; look them up anyway so any backend works.
        by_slug = {u.slug: u for u in SLTUnit.objects.filter(slug__in=[u.slug for u in created])}
        memberships = [
            UnitMunicipality(unit=by_slug[unit.slug], municipality=place) for kind, place, unit in rows if kind == "m"
        ]
        district_memberships = [
            UnitDistrict(unit=by_slug[unit.slug], district=place) for kind, place, unit in rows if kind == "d"
        ]
        bulk_create_with_history(memberships, UnitMunicipality, default_date=now)
        bulk_create_with_history(district_memberships, UnitDistrict, default_date=now)
        coordinators = []
        for i, (_kind, place, unit) in enumerate(rows):
            person = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
            coordinators.append(
                Coordinator(
                    unit=by_slug[unit.slug],
                    name=person,
                    title="SLT-koordinator",
                    position_percent=rng.choice([50, 80, 100]),
                    employer=f"{place.name} kommune",
                    email=f"koordinator{i}@{place.slug}.example.no",
                    verified_at=unit.verified_at,
                )
            )
        bulk_create_with_history(coordinators, Coordinator, default_date=now)
        return len(rows)

    def _events(self, rng, now, count) -> int:
        existing = set(Event.objects.filter(slug__startswith=f"{PREFIX}arrangement-").values_list("slug", flat=True))
        rows = []
        for i in range(count):
            slug = f"{PREFIX}arrangement-{i}"
            if slug in existing:
                continue
            # Two thirds ahead, one third past, spread over about two years.
            start = (now + dt.timedelta(days=rng.randrange(-250, 500), hours=rng.randrange(24))).replace(
                minute=0, second=0, microsecond=0
            )
            fmt = rng.choice(list(Event.Format.values))
            subject = rng.choice(SUBJECTS)
            rows.append(
                Event(
                    slug=slug,
                    title=f"{rng.choice(['Webinar', 'Nettverksmøte', 'Kurs', 'Samling'])} om {subject} ({i})",
                    kind=rng.choice(list(Event.Kind.values)),
                    summary=f"Et arrangement om {subject} for SLT-koordinatorer (ytelsesdata).",
                    description=BODY.format(subject=subject),
                    start=start,
                    end=start + dt.timedelta(hours=rng.choice([2, 3, 6, 30])),
                    venue_name="" if fmt == Event.Format.DIGITAL else "Benk konferansesenter",
                    venue_address="" if fmt == Event.Format.DIGITAL else "Målegata 1, 0150 Oslo",
                    format=fmt,
                    join_url="https://meet.example.no/bench" if fmt != Event.Format.PHYSICAL else "",
                    audience=rng.choice([Event.Audience.OPEN, Event.Audience.OPEN, Event.Audience.MEMBERS]),
                    capacity=rng.choice([None, 30, 100, 300]),
                    registration_opens=start - dt.timedelta(days=60),
                    registration_closes=start - dt.timedelta(days=2),
                    contact_name="Sfk (ytelsesdata)",
                    contact_email="bench@example.no",
                    status=Event.Status.PUBLISHED,
                )
            )
        Event.objects.bulk_create(rows)
        return len(rows)

    def _news(self, rng, now, count) -> int:
        existing = set(NewsArticle.objects.filter(slug__startswith=f"{PREFIX}nyhet-").values_list("slug", flat=True))
        rows = []
        for i in range(count):
            slug = f"{PREFIX}nyhet-{i}"
            if slug in existing:
                continue
            subject = rng.choice(SUBJECTS)
            rows.append(
                NewsArticle(
                    slug=slug,
                    title=f"Nytt om {subject} ({i})",
                    lead=f"En generert nyhet om {subject} for ytelsesmålinger.",
                    body=BODY.format(subject=subject),
                    publish_at=now - dt.timedelta(hours=rng.randrange(24 * 700)),
                )
            )
        NewsArticle.objects.bulk_create(rows)
        return len(rows)

    def _publications(self, rng, count) -> int:
        existing = set(
            Publication.objects.filter(slug__startswith=f"{PREFIX}publikasjon-").values_list("slug", flat=True)
        )
        todo = [i for i in range(count) if f"{PREFIX}publikasjon-{i}" not in existing]
        if not todo:
            return 0
        units = list(SLTUnit.objects.values_list("pk", flat=True))
        themes = list(Theme.objects.values_list("pk", flat=True))
        storage = documents_storage()
        national = [k for k in Publication.Kind.values if k not in {"action_plan", "annual_report"}]
        rows = []
        for i in todo:
            subject = rng.choice(SUBJECTS)
            title = f"Veileder om {subject} ({i})"
            data = placeholder_pdf(title, ["Generert for ytelsesmålinger av SLT-portalen.", subject])
            upload = ContentFile(data, name=f"{title}.pdf")
            inspected = inspect_upload(upload)  # the same checks and metadata as an upload
            name = storage.save(f"publications/{uuid.uuid4().hex}.pdf", ContentFile(data))
            local = units and rng.random() < 0.4
            rows.append(
                Publication(
                    slug=f"{PREFIX}publikasjon-{i}",
                    title=title,
                    kind=rng.choice(["action_plan", "annual_report"]) if local else rng.choice(national),
                    summary=f"Et generert dokument om {subject}.",
                    published_on=timezone.localdate() - dt.timedelta(days=rng.randrange(1500)),
                    unit_id=rng.choice(units) if local else None,
                    is_restricted=bool(local) and rng.random() < 0.2,
                    file=name,
                    original_filename=inspected.original_name,
                    file_type=inspected.file_type,
                    file_size=inspected.size,
                    page_count=inspected.page_count,
                )
            )
        created = Publication.objects.bulk_create(rows)
        by_slug = dict(Publication.objects.filter(slug__in=[p.slug for p in created]).values_list("slug", "pk"))
        through = Publication.themes.through
        if themes:
            through.objects.bulk_create(
                [
                    through(publication_id=by_slug[p.slug], theme_id=theme)
                    for p in created
                    for theme in rng.sample(themes, min(len(themes), rng.randint(1, 2)))
                ]
            )
        return len(created)
