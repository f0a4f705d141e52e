"""Name matching for the SLT directory: normalisation, scoring and the one match query behind the
directory search (selectors.directory_search) and the directory's hits in the site search."""

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    F,
    FloatField,
    Func,
    Q,
    Value,
    When,
)
from django.db.models.functions import Cast, Greatest, Lower, Replace
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from core.text import FOLD_NB

from .models import Coordinator, District, Municipality, SLTUnit, UnitDistrict, UnitMunicipality
from .names import MUNICIPALITY_ALIASES

# Trigram word similarity (PostgreSQL) / difflib ratio (fallback) a fuzzy match must reach.
TRIGRAM_THRESHOLD = 0.45
FALLBACK_THRESHOLD = 0.78
# A county match lists the county's municipalities a little below direct name matches.
COUNTY_WEIGHT = 0.85
# Scores of a name that equals the query, starts with it, has a word starting with it, contains it;
# a fuzzy (misspelt) match scores at most FUZZY_CAP, so exact and prefix matches of a name always
# outrank a fuzzy match in another name (and a county's municipalities: 1.0 * COUNTY_WEIGHT).
EXACT, PREFIX, WORD_PREFIX, CONTAINS = 1.0, 0.95, 0.9, 0.8
FUZZY_CAP = 0.75
# Words that say what kind of place is meant but are not part of its name ("Tromsø kommune",
# "Bydel Grorud", "Romssa suohkan"): bokmål, nynorsk, English, Sami and Kven, normalised.
PLACE_WORDS = frozenset(
    {
        "kommune", "kommunen", "kommuner", "kommuna", "kommunar", "kommunane",
        "bydel", "bydelen", "bydeler", "bydelar",
        "fylke", "fylket", "fylker", "fylka", "fylkeskommune", "fylkeskommunen", "fylkeskommuna",
        "municipality", "county", "district", "borough", "council",
        "gielda", "suohkan", "suohkana", "tjielte", "fylkka", "komuuni", "kunta",
    }
)  # fmt: skip


# Names repeat on every search (the same few thousand place, unit and person names), so their
# normal forms are kept per process; the function is pure, so nothing can go stale.
@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Lower-case, æ→ae, ø→o, å/aa→a, accents dropped, punctuation to spaces."""
    text = (text or "").lower().translate(FOLD_NB)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("aa", "a")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def search_terms(query: str) -> str:
    """The normalised query without the words that only say "municipality", "district" or
    "county" ("Tromsø kommune" → "tromso"); a query of nothing but such words is kept as it is."""
    words = normalise(query).split()
    return " ".join(w for w in words if w not in PLACE_WORDS) or " ".join(words)


def uses_trigram() -> bool:
    return connection.vendor == "postgresql"


def _pg_normalised(field_name: str):
    """The database twin of normalise() for PostgreSQL (unaccent maps æ→ae, ø→o, å→a)."""
    unaccented = Func(Lower(F(field_name)), function="unaccent")
    return Replace(unaccented, Value("aa"), Value("a"))


def _name_score(query: str, text: str) -> float:
    """EXACT, PREFIX, WORD_PREFIX or CONTAINS for a name that holds the query; 0.0 otherwise."""
    if not text:
        return 0.0
    if query == text:
        return EXACT
    if text.startswith(query):
        return PREFIX
    if f" {text}".find(f" {query}") >= 0:
        return WORD_PREFIX
    return CONTAINS if query in text else 0.0


@lru_cache(maxsize=16384)
def _windows(text: str, size: int) -> tuple[tuple[str, int, dict[str, int]], ...]:
    """The runs of `size` words in a (normalised) name, and the whole name; each with its length
    and letter counts (for _Fuzzy's bounds)."""
    words = text.split()
    runs = {" ".join(words[i : i + size]) for i in range(len(words))} | {text}
    return tuple((run, len(run), Counter(run)) for run in sorted(runs))


def _mask(text: str) -> int:
    """The letters of a text as a bit mask (1 << code point)."""
    mask = 0
    for letter in set(text):
        mask |= 1 << ord(letter)
    return mask


@lru_cache(maxsize=16384)
def _texts(values: tuple) -> tuple[tuple[str, ...], str, tuple[tuple[str, int, int], ...]]:
    """A row's names, once per process: the normalised non-empty ones; the same joined by a
    character no normalised query holds (so one `in` tells whether any contains the query); and
    each with its letters (a mask) and its shortest word's length, for _Fuzzy.best's bound."""
    texts = tuple(normalise(v) for v in values if v)
    return texts, "\x01".join(texts), tuple((t, _mask(t), min(map(len, t.split()))) for t in texts)


class _Fuzzy:
    """difflib's ratio of the query to a name's word runs, for one query. Runs whose length or
    letters rule out reaching FALLBACK_THRESHOLD are skipped before difflib runs: both bounds are
    upper bounds of the ratio (difflib's real_quick_ratio and quick_ratio), so the result is the
    same as running difflib on every run, only much faster."""

    def __init__(self, query: str):
        self.query = query
        self.size = len(query.split())
        self.length = len(query)
        self.letters = tuple(Counter(query).items())
        self.mask = _mask(query)
        self._shared: dict[int, float] = {}  # letters shared with a name (a mask) -> bound, below

    def best(self, checks) -> float:
        """The best score of the names (_texts' third part). A name is skipped whole when even
        its shortest word could not reach the threshold sharing every query letter the name has:
        every run holds a word and has no letters the name lacks, so no run could."""
        best, shared_bounds, mask, length = 0.0, self._shared, self.mask, self.length
        for text, text_mask, shortest in checks:
            shared = mask & text_mask
            most = shared_bounds.get(shared)
            if most is None:
                most = shared_bounds[shared] = 2 * sum(c for letter, c in self.letters if shared >> ord(letter) & 1)
            if most < FALLBACK_THRESHOLD * (length + shortest):
                continue
            score = self.score(text)
            if score > best:
                best = score
        return best

    def score(self, text: str) -> float:
        if not text:
            return 0.0
        best, length, threshold = 0.0, self.length, FALLBACK_THRESHOLD
        for run, run_length, letters in _windows(text, self.size):
            total = length + run_length
            if 2 * min(length, run_length) < threshold * total:
                continue
            common = 0
            for letter, count in self.letters:
                available = letters.get(letter, 0)
                common += count if count < available else available
            if 2 * common < threshold * total:
                continue
            best = max(best, difflib.SequenceMatcher(None, self.query, run).ratio())
        return min(best, FUZZY_CAP) if best >= threshold else 0.0


def _score(query: str, values, sim: float | None = None, fuzzy: _Fuzzy | None = None) -> float:
    """The best _name_score of the values, else a fuzzy score (the trigram similarity `sim` on
    PostgreSQL, difflib elsewhere) capped at FUZZY_CAP."""
    texts, joined, checks = _texts(tuple(values))
    if query in joined:  # what every _name_score above 0 needs: one cheap test first
        return max(_name_score(query, t) for t in texts)
    if sim is not None:
        return min(sim, FUZZY_CAP)
    return (fuzzy or _Fuzzy(query)).best(checks)


def _trigram_candidates(queryset, fields: list[str], query):
    """PostgreSQL: rows where one of `fields` contains the normalised query (a string or an
    expression) or is similar to it, annotated with `sim` (trigram word similarity of the best field)."""
    from django.contrib.postgres.search import TrigramWordSimilarity

    annotations = {f"n_{i}": _pg_normalised(name) for i, name in enumerate(fields)}
    queryset = queryset.annotate(**annotations)
    text = query if hasattr(query, "resolve_expression") else Value(query)
    sims = [TrigramWordSimilarity(text, F(f"n_{i}")) for i in range(len(fields))]
    contains = Q()
    for i in range(len(fields)):
        contains |= Q(**{f"n_{i}__contains": query})
    queryset = queryset.annotate(sim=Greatest(*sims) if len(sims) > 1 else sims[0])
    return queryset.filter(contains | Q(sim__gte=TRIGRAM_THRESHOLD))


def _with_aliases(queryset):
    """Municipalities annotated with `aliases`: names in use that the official name lacks
    (municipalities.names.MUNICIPALITY_ALIASES), so they are matched like the other names."""
    whens = [When(number=number, then=Value(" - ".join(forms))) for number, forms in MUNICIPALITY_ALIASES.items()]
    return queryset.annotate(aliases=Case(*whens, default=Value(""), output_field=CharField()))


@dataclass
class DirectoryHit:
    """A municipality or an SLT unit whose name matches a search, for the site-wide search."""

    name: str
    url: str
    detail: str  # the county (municipality) or "SLT-enhet"
    score: float


def _hit_queries(query):
    """The two queries behind directory_hits, as (kind, name, official name, aliases, county, unit,
    key[, similarity]) rows: current municipalities (key: number) and current SLT units (key: slug),
    each in its model's order. `query`: as for _match_query."""
    municipalities = _with_aliases(Municipality.objects.current()).annotate(
        r_kind=Value(MUNICIPALITY, output_field=CharField()),
        unit_name=NO_NAME,  # directory_hits reads it for the municipalities it shows only
    )
    units = SLTUnit.objects.current().annotate(
        r_kind=Value(UNIT, output_field=CharField()),
        official_name=NO_NAME,
        aliases=NO_NAME,
        county_name=NO_NAME,
        unit_name=NO_NAME,
    )
    columns = ["name", "official_name", "aliases"]
    if uses_trigram():
        municipalities = _trigram_candidates(municipalities, columns, query)
        units = _trigram_candidates(units, ["name"], query)
    sim = ["sim"] if uses_trigram() else []
    return (
        municipalities.values_list("r_kind", *columns, "county__name", "unit_name", "number", *sim),
        units.values_list("r_kind", *columns, "county_name", "unit_name", "slug", *sim),
    )


@lru_cache(maxsize=4)
def _hits_sql(alias: str, today) -> tuple[tuple[str, tuple], ...]:
    """The SQL and parameters of _hit_queries, with QUERY_PLACEHOLDER for the search text, for the
    database `alias` on the day `today` (built once: compiling them costs more than running them)."""
    placeholder = Value(QUERY_PLACEHOLDER, output_field=CharField())
    return tuple(qs.query.sql_with_params() for qs in _hit_queries(placeholder))


def directory_hits(*, query: str, limit: int = 5) -> tuple[int, list[DirectoryHit]]:
    """(number of matches, best `limit`) among current municipalities (any official name form) and
    current SLT units, with the directory's typo tolerance and without place words such as
    "kommune". Two queries, and a third for the units of the municipalities among the best
    `limit` (the hits), if any."""
    q = search_terms(query)
    if not q:
        return 0, []
    trigram = uses_trigram()
    fuzzy = _Fuzzy(q)
    scored = []
    with connection.cursor() as cursor:
        for sql, params in _hits_sql(connection.alias, timezone.localdate()):
            cursor.execute(sql, [q if p == QUERY_PLACEHOLDER else p for p in params])
            for row in cursor.fetchall():
                score = _score(q, row[1:4], row[7] if trigram else None, fuzzy)
                if score or trigram:
                    scored.append((score, row))
    scored.sort(key=lambda item: (-item[0], item[1][1]))
    best = scored[:limit]
    # The current unit of each municipality shown (at most one: a database constraint), in a
    # third query only when one is shown: a subquery for every municipality costs more.
    numbers = [row[6] for _score, row in best if row[0] == MUNICIPALITY]
    unit_names = {}
    if numbers:
        current = UnitMunicipality.objects.filter(municipality__number__in=numbers, is_current=True)
        unit_names = dict(current.values_list("municipality__number", "unit__name"))
    hits = []
    for score, (kind, name, _official, _aliases, county, _unit_name, key, *_sim) in best:
        if kind == MUNICIPALITY:
            url = reverse("municipalities:municipality", kwargs={"number": key})
            unit_name = unit_names.get(key)
            detail = f"{county} · {unit_name}" if unit_name else county
        else:
            url, detail = reverse("municipalities:unit", kwargs={"slug": key}), gettext("SLT-enhet")
        hits.append(DirectoryHit(name=name, url=url, detail=detail, score=score))
    return len(scored), hits


# --- the directory search's match query -----------------------------------------------------------

# Row kinds of the match query: names that are matched, and the memberships that lead from a
# matched unit (its name or a coordinator's) to the places it covers.
MUNICIPALITY, COUNTY, DISTRICT, UNIT, COORDINATOR = "m", "c", "d", "u", "p"
UNIT_MUNICIPALITY, UNIT_DISTRICT = "um", "ud"
NO_ID = Cast(Value(None), BigIntegerField())  # typed: PostgreSQL would take a bare NULL as text in a UNION
NO_NAME = Value("", output_field=CharField())


def _part(queryset, kind, query, *, target, names=(), place=None, link=None):
    """One SELECT of the match query: (kind, target id, link id, name 1-3, place name[, similarity]).
    With names, PostgreSQL keeps only the rows whose names match (trigram word similarity)."""
    columns = {
        "r_kind": Value(kind, output_field=CharField()),
        "r_target": F(target),
        "r_link": F(link) if link else NO_ID,
        **{f"r_n{i}": F(names[i]) if i < len(names) else NO_NAME for i in range(3)},
        "r_place": F(place) if place else NO_NAME,
    }
    if uses_trigram():
        if names:
            queryset = _trigram_candidates(queryset, list(names), query)
            columns["r_sim"] = F("sim")
        else:
            columns["r_sim"] = Value(0.0, output_field=FloatField())
    return queryset.order_by().annotate(**columns).values_list(*columns)


# Stands for the search text in the match query's SQL, which is built once per process and day
# (building it through the ORM costs more than running it); the text is bound when it runs.
QUERY_PLACEHOLDER = "\x00query\x00"


def _match_query(query):
    """Every name the directory search looks at, in one UNION ALL query: current municipalities
    (any official name form or alias), their counties, districts, current units and their public
    coordinators, plus the memberships of current units (to current municipalities). `query`: the
    normalised search text (used on PostgreSQL, to match in the database), a string or expression."""
    current = SLTUnit.CURRENT_STATUSES
    municipalities = _with_aliases(Municipality.objects.current())
    parts = [
        _part(
            municipalities, MUNICIPALITY, query, target="pk", names=["name", "official_name", "aliases"], place="name"
        ),
        _part(
            Municipality.objects.current(),
            COUNTY,
            query,
            target="pk",
            names=["county__name", "county__official_name"],
            place="name",
        ),
        _part(District.objects.all(), DISTRICT, query, target="pk", names=["name"], place="name"),
        _part(SLTUnit.objects.current(), UNIT, query, target="pk", names=["name"]),
        _part(
            Coordinator.objects.public().filter(unit__status__in=current),
            COORDINATOR,
            query,
            target="unit_id",
            names=["name"],
        ),
        _part(
            UnitMunicipality.objects.filter(unit__status__in=current, municipality__in=Municipality.objects.current()),
            UNIT_MUNICIPALITY,
            query,
            target="municipality_id",
            link="unit_id",
            place="municipality__name",
        ),
        _part(
            UnitDistrict.objects.filter(unit__status__in=current),
            UNIT_DISTRICT,
            query,
            target="district_id",
            link="unit_id",
            place="district__name",
        ),
    ]
    return parts[0].union(*parts[1:], all=True).order_by()


@lru_cache(maxsize=4)
def _match_sql(alias: str, today) -> tuple[str, tuple]:
    """The match query's SQL and parameters, with QUERY_PLACEHOLDER for the search text, for the
    database `alias` on the day `today` (which municipalities are current)."""
    return _match_query(Value(QUERY_PLACEHOLDER, output_field=CharField())).query.sql_with_params()


def _match_rows(query: str) -> list[tuple]:
    sql, params = _match_sql(connection.alias, timezone.localdate())
    params = [query if p == QUERY_PLACEHOLDER else p for p in params]
    # Straight through the cursor: ~2 000 rows of plain values need none of the ORM's converters.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@dataclass(frozen=True, slots=True)
class Hit:
    """A place that matches a directory search: a municipality, or an Oslo district."""

    score: float
    name: str
    municipality_id: int | None = None
    district_id: int | None = None


def directory_matches(*, query: str) -> list[Hit]:
    """Places matching a municipality (any official name form or alias), county, district, unit or
    coordinator name; tolerant of case, æ/ø/å spellings and small typos, and of words such as
    "kommune" or "bydel" around the name. Best match first: exact, then prefix, then fuzzy.
    One query, whatever matches."""
    q = search_terms(query)
    if not q:
        return []
    trigram = uses_trigram()
    fuzzy = _Fuzzy(q)
    scored: dict[tuple, float] = {}  # the same names come more than once (a county's municipalities)
    best: dict[str, dict[int, float]] = {MUNICIPALITY: {}, DISTRICT: {}, UNIT: {}}
    names: dict[tuple[str, int], str] = {}
    members = []
    for kind, target, link, n0, n1, n2, place, *sim in _match_rows(q):
        if kind in (UNIT_MUNICIPALITY, UNIT_DISTRICT):
            members.append((MUNICIPALITY if kind == UNIT_MUNICIPALITY else DISTRICT, target, link, place))
            continue
        key = (n0, n1, n2, *sim)
        score = scored.get(key)
        if score is None:
            score = scored[key] = _score(q, key[:3], sim[0] if trigram else None, fuzzy)
        if not (score or trigram):
            continue
        if kind == COUNTY:
            kind, score = MUNICIPALITY, score * COUNTY_WEIGHT
        elif kind == COORDINATOR:
            kind = UNIT
        scores = best[kind]
        scores[target] = max(scores.get(target, 0), score)
        if place:
            names[kind, target] = place
    units = best.pop(UNIT)
    for kind, target, unit_id, place in members:
        if unit_id in units:
            scores = best[kind]
            scores[target] = max(scores.get(target, 0), units[unit_id])
            names[kind, target] = place
    hits = [
        Hit(score=score, name=names[kind, pk], **{"municipality_id" if kind == MUNICIPALITY else "district_id": pk})
        for kind, scores in best.items()
        for pk, score in scores.items()
    ]
    hits.sort(key=lambda h: (-h.score, h.name, h.district_id is not None, h.municipality_id or h.district_id))
    return hits
