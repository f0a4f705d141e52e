"""The facets of the measure bank: one class per kind, one instance per facet.

A facet reads its values from the URL (`read`), turns them into database keys (`resolve`;
unknown values are ignored), filters a queryset (`filter`) and counts its options, either by its
own aggregate query (`count`, used without text) or as one branch of the single text-search query
(`sql_flag`, `sql_count`, `sql_key`, see `query.py`). Adding a facet is one instance in `FACETS`.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import CharField, Count, Exists, F, Func, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from municipalities.models import County, SLTUnit
from municipalities.selectors import unit_counties_sql

from ..lists import list_values
from ..models import Classification, Measure, Theme
from ..services import SEARCH_CONFIG

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
MAX_VALUE_LENGTH = 40
MAX_VALUES = 30


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    """One facet as the page shows it."""

    name: str
    label: str
    options: list[FacetOption]

    @property
    def has_selection(self) -> bool:
        return any(option.selected for option in self.options)


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def table(model) -> str:
    return quote(model._meta.db_table)


def placeholders(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def where_sql(conds: list[str]) -> str:
    return " WHERE " + " AND ".join(conds) if conds else ""


def join_f(other: str, on: str, conds: list[str]) -> str:
    """`FROM f` joined to `other` (a table and its alias) on `on`, with the conditions `conds`.

    On SQLite a CROSS JOIN, which keeps the few rows of `f` as the outer loop: without table
    statistics SQLite would otherwise scan the whole through table and look each row up in `f`
    (ten times slower for a text search). PostgreSQL plans the plain join well."""
    if connection.vendor == "sqlite":
        return f"FROM f CROSS JOIN {other}{where_sql([on, *conds])}"
    return f"FROM f JOIN {other} ON {on}{where_sql(conds)}"


class ChoiceLists:
    """The managed lists behind the facets: the themes and classifications together by one query
    (`measures.lists.list_values`), the counties by another, each only when some facet asks."""

    def __init__(self, facets: list["ChoiceFacet"]):
        self._facets = facets
        self._rows: dict = {}

    def rows(self, model) -> list:
        if model not in self._rows:
            if model in (Theme, Classification):
                themes, classifications = list_values()
                self._rows[Theme], self._rows[Classification] = themes, classifications
            else:
                self._rows[model] = list(model.objects.all())
        return self._rows[model]


class _Unindexed(Func):
    """A column as SQLite's optimizer must not use an index for (a unary plus)."""

    template = "+%(expressions)s"
    output_field = CharField()


#: The SQLite fallback's text index (FTS5, trigram tokenizer; measures/migrations/0011).
SQLITE_TEXT_INDEX = "measures_measure_fts"


class TextFacet:
    """Free text. PostgreSQL: `websearch_to_tsquery` with the `norwegian` configuration on
    `Measure.search_vector`, so any input is valid syntax. SQLite (development only): every term,
    crudely stemmed, must occur in the title, summary or description (found through a trigram
    index; terms under 3 characters by a scan); no ranking."""

    def __init__(self, name: str):
        self.name = name

    def read(self, data) -> tuple[str, bool]:
        """The normalised query and whether it was cut to MAX_QUERY_LENGTH."""
        q = " ".join(data.get(self.name, "").replace("\x00", " ").split())
        return q[:MAX_QUERY_LENGTH], len(q) > MAX_QUERY_LENGTH

    @staticmethod
    def stem(term: str) -> str:
        """A crude Norwegian suffix strip for the SQLite fallback (PostgreSQL stems properly)."""
        lower = term.lower()
        for suffix in ("ene", "ane", "ers", "er", "en", "et", "a", "e"):
            if lower.endswith(suffix) and len(lower) - len(suffix) >= 4:
                return lower[: -len(suffix)]
        return lower

    def published(self, q: str, *, rank: bool = True) -> QuerySet:
        """Published measures matching `q` (see `filter`).

        On SQLite the state is compared through a unary plus, which no index serves: without table
        statistics SQLite would otherwise walk the state index over every published measure and
        probe the text match for each, instead of reading the few matching rows by id."""
        if q and connection.vendor == "sqlite":
            qs = Measure.objects.alias(unindexed_state=_Unindexed(F("state"))).filter(
                unindexed_state=Measure.State.PUBLISHED
            )
        else:
            qs = Measure.objects.published()
        return self.filter(qs, q, rank=rank)

    def filter(self, qs: QuerySet, q: str, *, rank: bool = True) -> QuerySet:
        """Measures matching `q`; on PostgreSQL annotated with `rank` unless `rank=False`."""
        if not q:
            return qs
        if connection.vendor == "postgresql":
            query = SearchQuery(q, config=SEARCH_CONFIG, search_type="websearch")
            qs = qs.filter(search_vector=query)
            return qs.annotate(rank=SearchRank(F("search_vector"), query)) if rank else qs
        indexed = []
        for stem in self._stems(q):
            if len(stem) >= 3:  # the trigram index finds any piece of text of 3 characters or more
                indexed.append(f'"{stem}"')
            else:
                qs = qs.filter(Q(title__icontains=stem) | Q(summary__icontains=stem) | Q(description__icontains=stem))
        if indexed:
            # Every term in one of the fields, case-insensitively: the same question as the
            # `icontains` above, answered by the FTS5 trigram index (migration 0011).
            match = RawSQL(
                f"SELECT rowid FROM {SQLITE_TEXT_INDEX} WHERE {SQLITE_TEXT_INDEX} MATCH %s", [self._match(indexed)]
            )
            qs = qs.filter(pk__in=match)
        return qs

    def _stems(self, q: str) -> list[str]:
        return [self.stem(term) for term in [t for t in re.split(r"\W+", q) if t][:MAX_TERMS]]

    @staticmethod
    def _match(indexed: list[str]) -> str:
        return " ".join(indexed)

    def stand_in(self, q: str) -> tuple[tuple, str, dict[str, str]]:
        """For `filter(qs, q)` compiled once per shape (core.sql.objects' `patterns`, as
        core.search.stand_in is for text_search): (shape, a stand-in query giving the same SQL,
        {parameter the stand-in puts into the SQL: the one `q` puts there})."""
        if not q:
            return ("blank",), q, {}
        if connection.vendor == "postgresql":
            return ("pg",), "qxbzo", {"qxbzo": q}
        like = connection.ops.prep_for_like_query
        words, shape, indexed, real, patterns = [], [], [], [], {}
        for i, stem in enumerate(self._stems(q)):
            long = len(stem) >= 3
            word = f"qx{_STAND_IN_LETTERS[i]}zo" if long else f"q{_STAND_IN_LETTERS[i]}"  # each stems to itself
            words.append(word)
            shape.append(long)
            if long:
                indexed.append(f'"{word}"')
                real.append(f'"{stem}"')
            else:
                patterns[f"%{word}%"] = f"%{like(stem)}%"  # the icontains pattern
        if indexed:
            patterns[self._match(indexed)] = self._match(real)  # the one MATCH parameter
        return ("terms", *shape), " ".join(words) or "-", patterns


_STAND_IN_LETTERS = "bcdfghjklmnp"  # one per term (MAX_TERMS)


class ChoiceFacet:
    """A facet with options; values within it combine with OR. Subclasses say how a measure has
    its option(s)."""

    model = None
    kind = None
    # Columns of Measure the text-search query must carry for this facet (see query.py).
    columns: tuple[str, ...] = ()

    def __init__(self, name: str, label):
        if not re.fullmatch(r"[a-z]+", name):
            raise ValueError(f"facet name {name!r}: lower-case letters only (it is a URL parameter and an SQL literal)")
        self.name = name
        self.label = label

    def read(self, data) -> list[str]:
        """The raw URL values, bounded: at most MAX_VALUES, each cut to MAX_VALUE_LENGTH, no NUL."""
        return [v[:MAX_VALUE_LENGTH] for v in data.getlist(self.name) if v and "\x00" not in v][:MAX_VALUES]

    def resolve(self, values: list[str], lists: ChoiceLists) -> list:
        """URL values → database keys, in option order; unknown values are ignored."""
        wanted = set(values)
        return [key for value, key, _label in self.choices(lists) if value in wanted]

    def options(self, selected: list[str], counts: dict, lists: ChoiceLists) -> list[FacetOption]:
        chosen = set(selected)
        return [
            FacetOption(value, str(label), counts.get(key, 0), value in chosen)
            for value, key, label in self.choices(lists)
        ]

    def choices(self, lists: ChoiceLists) -> list[tuple[str, object, str]]:
        """(URL value, database key, label) of each option."""
        raise NotImplementedError

    def filter(self, qs: QuerySet, keys: list) -> QuerySet:
        raise NotImplementedError

    def count(self, qs: QuerySet, *, every_published: bool = False) -> dict:
        """{key: number of measures in `qs`} by one aggregate query. `qs` carries no annotations.
        `every_published`: `qs` is every published measure (no other facet chosen)."""
        raise NotImplementedError

    def sql_ctes(self, *, chosen: bool) -> list[str]:
        """Extra CTEs (`name (columns) AS (...)`) the SQL below refers to."""
        return []

    def sql_flag(self, keys: list) -> tuple[str, list]:
        """SQL for "row `m` matches the chosen keys", and its params."""
        raise NotImplementedError

    def sql_count(self, conds: list[str]) -> str:
        """A UNION ALL branch: (facet name, key as text, count) over the rows of `f` matching every
        condition of `conds`."""
        raise NotImplementedError

    def sql_key(self, text: str | None):
        """A key as `sql_count` returned it → the key `count` uses."""
        raise NotImplementedError

    def sql_count_all(self, unpublished: str) -> list[str]:
        """UNION ALL branches (facet name, key as text, count) that add up to the counts over every
        published measure: all rows counted index-only, minus those of the few measures matching
        `unpublished` (a condition on `m`). Single-choice facets are counted together in
        `query.py` (one scan for all of them), so they return none."""
        return []


class SingleChoiceFacet(ChoiceFacet):
    """One column of Measure: each measure has one option (or none, when `null_value` is set)."""

    def __init__(self, name, label, *, field: str, null_value: str | None = None, null_label=None):
        super().__init__(name, label)
        self.field = field
        self.columns = (field,)
        self.null_value, self.null_label = null_value, null_label

    def choices(self, lists):
        options = [(str(value), str(value), label) for value, label in Measure._meta.get_field(self.field).choices]
        if self.null_value:
            options.append((self.null_value, self.null_value, self.null_label))
        return options

    def _split(self, keys: list) -> tuple[list, bool]:
        """Keys → (column values, whether NULL is chosen)."""
        by_text = {str(value): value for value, _label in Measure._meta.get_field(self.field).choices}
        return [by_text[k] for k in keys if k in by_text], self.null_value in keys

    def filter(self, qs, keys):
        values, null = self._split(keys)
        cond = Q(**{f"{self.field}__in": values})
        if null:
            cond |= Q(**{f"{self.field}__isnull": True})
        return qs.filter(cond)

    def _key(self, value) -> str:
        return self.null_value if value is None else str(value)

    def count(self, qs, *, every_published=False):
        rows = qs.values(self.field).annotate(n=Count("pk")).order_by()
        return {self._key(row[self.field]): row["n"] for row in rows}

    def sql_flag(self, keys):
        values, null = self._split(keys)
        parts = [f"m.{self.field} IN ({placeholders(values)})"] if values else []
        if null:
            parts.append(f"m.{self.field} IS NULL")
        return "(" + " OR ".join(parts) + ")", values

    def sql_count(self, conds):
        return (
            f"SELECT '{self.name}', CAST(f.{self.field} AS TEXT), COUNT(*) FROM f{where_sql(conds)}"
            f" GROUP BY f.{self.field}"
        )

    def sql_key(self, text):
        return self._key(text)


class MultipleChoiceFacet(ChoiceFacet):
    """A many-to-many field of Measure (themes, classifications of one kind): a measure may have
    several options. Options are named in the URL by slug and filtered on ids, which gives
    PostgreSQL's planner true row estimates, so a selective text condition is evaluated first."""

    def __init__(self, name, label, *, field: str, kind=None):
        super().__init__(name, label)
        self.field, self.kind = field, kind
        m2m = Measure._meta.get_field(field)
        self.model = m2m.related_model
        self.through = m2m.remote_field.through
        self.key = m2m.m2m_reverse_name()  # the option's column in the through table

    def choices(self, lists):
        return [
            (row.slug, row.pk, row.localized_name)
            for row in lists.rows(self.model)
            if self.kind is None or row.kind == self.kind
        ]

    def filter(self, qs, keys):
        return qs.filter(pk__in=self.through.objects.filter(**{f"{self.key}__in": keys}).values("measure_id"))

    def count(self, qs, *, every_published=False):
        if every_published:
            # Leave out the few unpublished measures (an anti-join on a small partial index)
            # instead of matching every link against every published id.
            unpublished = Measure.objects.filter(pk=OuterRef("measure_id")).exclude(state=Measure.State.PUBLISHED)
            links = self.through.objects.filter(~Exists(unpublished))
        else:
            links = self.through.objects.filter(measure_id__in=qs.values("pk"))
        rows = links.values(self.key).annotate(n=Count("measure_id")).order_by()
        return {row[self.key]: row["n"] for row in rows}

    def sql_flag(self, keys):
        # OFFSET 0 keeps PostgreSQL probing the (measure_id, key) index per matching row instead
        # of hashing every through row of the chosen options (which grows with the whole bank).
        offset = " OFFSET 0" if connection.vendor == "postgresql" else ""
        return (
            f"EXISTS (SELECT 1 FROM {table(self.through)} t WHERE t.measure_id = m.id"
            f" AND t.{quote(self.key)} IN ({placeholders(keys)}){offset})",
            list(keys),
        )

    def sql_count(self, conds):
        key = f"t.{quote(self.key)}"
        joined = join_f(f"{table(self.through)} t", "t.measure_id = f.id", conds)
        return f"SELECT '{self.name}', CAST({key} AS TEXT), COUNT(*) {joined} GROUP BY {key}"

    def sql_key(self, text):
        return int(text)

    def sql_count_all(self, unpublished):
        key, through = f"t.{quote(self.key)}", table(self.through)
        return [
            f"SELECT '{self.name}', CAST({key} AS TEXT), COUNT(*) FROM {through} t GROUP BY {key}",
            f"SELECT '{self.name}', CAST({key} AS TEXT), -COUNT(*) FROM {table(Measure)} m"
            f" JOIN {through} t ON t.measure_id = m.id WHERE {unpublished} GROUP BY {key}",
        ]


class CountyFacet(ChoiceFacet):
    """The counties of the measure's unit (through its municipalities or districts); named in the
    URL by county number."""

    model = County
    columns = ("unit_id",)

    def choices(self, lists):
        return [(county.number, county.pk, county.name) for county in lists.rows(County)]

    def filter(self, qs, keys):
        return qs.filter(unit_id__in=SLTUnit.objects.in_county(*keys).values("pk"))

    def count(self, qs, *, every_published=False):
        # Count per unit (an index-only scan), then add the units up per county.
        per_unit, params = qs.values("unit_id").annotate(n=Count("pk")).order_by().query.sql_with_params()
        sql = (
            f"WITH pu (unit_id, n) AS ({per_unit}),"
            f" uc (unit_id, county_id) AS ({unit_counties_sql(for_counting=True)})"
            " SELECT uc.county_id, SUM(pu.n) FROM pu JOIN uc ON uc.unit_id = pu.unit_id GROUP BY uc.county_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {county_id: int(n) for county_id, n in cursor.fetchall()}

    def sql_ctes(self, *, chosen):
        ctes = [f"uf (unit_id, county_id) AS ({unit_counties_sql(for_counting=False)})"] if chosen else []
        return [*ctes, f"uc (unit_id, county_id) AS ({unit_counties_sql(for_counting=True)})"]

    def sql_flag(self, keys):
        return f"m.unit_id IN (SELECT uf.unit_id FROM uf WHERE uf.county_id IN ({placeholders(keys)}))", list(keys)

    def sql_count(self, conds):
        joined = join_f("uc", "uc.unit_id = f.unit_id", conds)
        return f"SELECT '{self.name}', CAST(uc.county_id AS TEXT), COUNT(*) {joined} GROUP BY uc.county_id"

    def sql_key(self, text):
        return int(text)

    def sql_count_all(self, unpublished):
        measures = table(Measure)
        return [
            f"SELECT '{self.name}', CAST(uc.county_id AS TEXT), SUM(pu.n) FROM"
            f" (SELECT m.unit_id, COUNT(*) AS n FROM {measures} m GROUP BY m.unit_id"
            f" UNION ALL SELECT m.unit_id, -COUNT(*) FROM {measures} m WHERE {unpublished} GROUP BY m.unit_id) pu"
            f" JOIN ({unit_counties_sql(for_counting=True)}) uc ON uc.unit_id = pu.unit_id GROUP BY uc.county_id"
        ]


EVIDENCE_NONE = "none"

TEXT = TextFacet("q")

# The facets in page order.
FACETS: list[ChoiceFacet] = [
    MultipleChoiceFacet("theme", _("Tema"), field="themes"),
    MultipleChoiceFacet("arena", _("Arena"), field="arenas", kind=Classification.Kind.ARENA),
    MultipleChoiceFacet("age", _("Aldersgruppe"), field="age_bands", kind=Classification.Kind.AGE_BAND),
    MultipleChoiceFacet(
        "level", _("Forebyggingsnivå"), field="prevention_levels", kind=Classification.Kind.PREVENTION_LEVEL
    ),
    SingleChoiceFacet(
        "evidence",
        _("Evidensnivå (Ungsinn)"),
        field="ungsinn_level",
        null_value=EVIDENCE_NONE,
        null_label=_("Ikke vurdert i Ungsinn"),
    ),
    CountyFacet("county", _("Fylke")),
    SingleChoiceFacet("status", _("Status"), field="status"),
]
