"""Loading the reference data: counties, municipalities and Oslo's districts (idempotent)."""

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from django.db import models, transaction

from core.audit import (
    record,
)
from core.content import content_changed
from core.text import slugify_nb

from .models import (
    County,
    District,
    Municipality,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
STRUCTURE_2024 = dt.date(2024, 1, 1)


class LoadError(Exception):
    """A bad row in a reference data file; the message names the file and line."""


@dataclass
class LoadSummary:
    created: dict[str, int] = field(default_factory=lambda: {"county": 0, "municipality": 0, "district": 0})
    updated: dict[str, int] = field(default_factory=lambda: {"county": 0, "municipality": 0, "district": 0})
    unchanged: dict[str, int] = field(default_factory=lambda: {"county": 0, "municipality": 0, "district": 0})

    def count(self, kind: str) -> int:
        return self.created[kind] + self.updated[kind] + self.unchanged[kind]

    def __str__(self) -> str:
        return (
            f"{self.count('municipality')} municipalities, {self.count('county')} counties, "
            f"{self.count('district')} districts: {self.created['municipality']} new, "
            f"{self.updated['municipality']} updated, {self.unchanged['municipality']} unchanged"
        )


def place_slug(name: str) -> str:
    """The slug a municipality or Oslo district is loaded with.

    `slugify_nb`, except that a capital Æ or Ø is dropped rather than folded: the stored slugs were
    made by folding only lower-case æ/ø/å before Django's slugify (Ørsta → "rsta", Indre Østfold →
    "indre-stfold", Østensjø → "stensjo"), and re-loading the reference data must not change them.
    Slugs made anywhere else use `slugify_nb` as it is (Ørsta → "orsta")."""
    return slugify_nb(name.replace("Æ", "").replace("Ø", ""))


def _read_rows(path: Path, required: list[str]):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise LoadError(f"{path.name}: missing column(s) {', '.join(missing)}")
        for line_no, row in enumerate(reader, start=2):
            yield line_no, {k: (v or "").strip() for k, v in row.items() if k}


def _comparable(value):
    return value.pk if isinstance(value, models.Model) else value


def _current(obj, name, value):
    return getattr(obj, f"{name}_id" if isinstance(value, models.Model) else name)


def _upsert(model, lookup: dict, values: dict, kind: str, summary: LoadSummary):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        summary.created[kind] += 1
        return obj
    changed = [k for k, v in values.items() if _current(obj, k, v) != _comparable(v)]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save(update_fields=changed)
        summary.updated[kind] += 1
    else:
        summary.unchanged[kind] += 1
    return obj


def load_municipalities(
    *,
    municipalities_csv: Path = DATA_DIR / "kommuner-2024.csv",
    districts_csv: Path = DATA_DIR / "oslo-bydeler.csv",
    valid_from: dt.date = STRUCTURE_2024,
    progress=None,
) -> LoadSummary:
    """Import counties, municipalities and Oslo districts idempotently; all or nothing."""
    summary = LoadSummary()
    with transaction.atomic():
        counties: dict[str, County] = {}
        rows = list(
            _read_rows(
                municipalities_csv,
                ["kommunenummer", "navn", "offisielt_navn", "fylkesnummer", "fylke", "fylke_offisielt_navn"],
            )
        )
        for line_no, row in rows:
            number, county_no = row["kommunenummer"], row["fylkesnummer"]
            if not (len(number) == 4 and number.isdigit()):
                raise LoadError(
                    f"{municipalities_csv.name} line {line_no}: kommunenummer '{number}' is not four digits"
                )
            if not (len(county_no) == 2 and county_no.isdigit()) or not row["fylke"]:
                raise LoadError(f"{municipalities_csv.name} line {line_no}: unknown county '{county_no}'")
            if number[:2] != county_no:
                raise LoadError(
                    f"{municipalities_csv.name} line {line_no}: "
                    f"kommunenummer {number} does not belong to county {county_no}"
                )
            if not row["navn"]:
                raise LoadError(f"{municipalities_csv.name} line {line_no}: name is missing")
            if county_no not in counties:
                counties[county_no] = _upsert(
                    County,
                    {"number": county_no},
                    {"name": row["fylke"], "official_name": row["fylke_offisielt_navn"] or row["fylke"]},
                    "county",
                    summary,
                )
            _upsert(
                Municipality,
                {"number": number, "valid_from": valid_from},
                {
                    "name": row["navn"],
                    "official_name": row["offisielt_navn"] or row["navn"],
                    "slug": place_slug(row["navn"]),
                    "county": counties[county_no],
                },
                "municipality",
                summary,
            )
            if progress and (line_no - 1) % 100 == 0:
                progress(f"  … {line_no - 1} municipalities read")
        for line_no, row in _read_rows(districts_csv, ["bydelsnummer", "navn", "kommunenummer"]):
            number = row["bydelsnummer"]
            if not (len(number) == 6 and number.isdigit()):
                raise LoadError(f"{districts_csv.name} line {line_no}: bydelsnummer '{number}' is not six digits")
            municipality = Municipality.objects.filter(number=row["kommunenummer"], valid_from=valid_from).first()
            if municipality is None:
                raise LoadError(f"{districts_csv.name} line {line_no}: unknown municipality '{row['kommunenummer']}'")
            _upsert(
                District,
                {"number": number},
                {
                    "name": row["navn"],
                    "slug": place_slug(row["navn"]),
                    "municipality": municipality,
                },
                "district",
                summary,
            )
    record(
        None,
        "municipalities.municipality.load",
        changes={
            f"{kind}_{what}": [None, getattr(summary, what)[kind]]
            for kind in ("county", "municipality", "district")
            for what in ("created", "updated", "unchanged")
        },
    )
    if any(summary.created.values()) or any(summary.updated.values()):
        content_changed(sender=Municipality)
    return summary
