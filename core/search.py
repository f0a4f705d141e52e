"""Free-text matching shared by the apps' list searches and the site-wide search.

PostgreSQL: full-text search with the `norwegian` configuration (stemming: "foreldrene" finds
"foreldre") over the given fields, unaccented on both sides so that "handbok" finds "håndbok"
(`unaccent` is created by the directory's migration), queried with `websearch_to_tsquery`, so any
input is valid syntax; the queryset is annotated with `rank`. Other databases (SQLite, development
only): every term, crudely stemmed and folded (æ→ae, ø→o, å→a), must occur in one of the fields;
no ranking.
"""

import re

from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField

SEARCH_CONFIG = "norwegian"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})
_SUFFIXES = ("ene", "ane", "ers", "er", "en", "et", "a", "e")


def clean_query(value: str | None) -> str:
    """The query as the searches use it: whitespace collapsed, NUL removed, at most 200 characters."""
    return " ".join((value or "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]


def fold(text: str) -> str:
    """Lower case with æ → ae, ø → o, å → a: what PostgreSQL's unaccent does to Norwegian letters."""
    return text.lower().translate(_FOLD)


def _stem(term: str) -> str:
    for suffix in _SUFFIXES:
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def _fold_template() -> str:
    # SQLite's lower() only knows ASCII, so the capitals are replaced as well. The nested REPLACE
    # calls are one SQL template with literal letters (built once), not nested expressions that the
    # ORM would have to resolve and compile on every search.
    sql = "LOWER(%(expressions)s)"
    for letters, plain in (("æÆ", "ae"), ("øØ", "o"), ("åÅ", "a")):
        for letter in letters:
            sql = f"REPLACE({sql}, '{letter}', '{plain}')"
    return sql


def _verbatim_piece(stem: str) -> str:
    """The longest piece of a folded term that a text must hold as it is (ASCII case aside) to
    hold the term once folded: folding makes "a", "o" and the "e" after an "a" out of æ, ø and å,
    so the pieces between those letters (without a leading "e") come from the text itself. "" when
    no piece is 2 letters long."""
    pieces = [piece.removeprefix("e") for piece in re.split(r"[ao]", stem)]
    best = max(pieces, key=len)
    return best if len(best) >= 2 else ""


class _Folded(Func):
    """A text column lower-cased and folded (æ → ae, ø → o, å → a) in SQL, for SQLite."""

    template = _fold_template()
    output_field = TextField()


#: PostgreSQL: `unaccent` with its dictionary named, declared IMMUTABLE (core migration 0004), so
#: that the search documents below can be indexed: `unaccent(text)` itself is only STABLE.
UNACCENT_FUNCTION = "slt_unaccent"


def _document_part(column_sql: str) -> str:
    return f"setweight(to_tsvector(%s::regconfig, COALESCE({UNACCENT_FUNCTION}({column_sql}), '')), %s)"


def search_index_sql(name: str, table: str, fields: dict[str, str]) -> str:
    """PostgreSQL: CREATE INDEX for `text_search(…, fields)` on `table`, a GIN index on the same
    expression as the search document, so PostgreSQL matches on it instead of building every row's
    document in every search. The apps' migrations hold its output as text (frozen);
    `tests/core/test_search_indexes.py` checks that the searches use them."""
    parts = []
    for column, weight in fields.items():
        parts.append(_document_part(f'"{column}"') % (f"'{SEARCH_CONFIG}'", f"'{weight}'"))
    return f'CREATE INDEX IF NOT EXISTS {name} ON "{table}" USING gin (({" || ".join(parts)}))'


class _Document(Func):
    """PostgreSQL: the weighted tsvector of the unaccented `fields` ({field: weight}): what
    `SearchVector(Func(F(name), function="unaccent"), weight=…, config=…)` per field, added up,
    compiles to, as one expression: nine combined SearchVectors cost more to resolve and compile
    than the search takes to run (issue 14). Indexed where it is searched (`search_index_sql`)."""

    def __init__(self, fields: dict[str, str]):
        super().__init__(*(F(name) for name in fields))
        self.weights = tuple(fields.values())

    def _resolve_output_field(self):
        from django.contrib.postgres.search import SearchVectorField

        return SearchVectorField()

    def as_sql(self, compiler, connection, **extra_context):
        parts, params = [], []
        for column, weight in zip(self.get_source_expressions(), self.weights, strict=True):
            sql, column_params = compiler.compile(column)
            parts.append(_document_part(sql))
            params += [SEARCH_CONFIG, *column_params, weight]
        return "(" + " || ".join(parts) + ")", params


def text_search(qs: QuerySet, q: str, fields: dict[str, str], *, rank: bool = True) -> QuerySet:
    """Rows of `qs` matching `q` in `fields` ({field: weight "A"–"D"}); on PostgreSQL annotated
    with `rank` unless `rank=False`. An empty query matches everything."""
    q = clean_query(q)
    if not q:
        return qs
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        query = SearchQuery(fold(q), config=SEARCH_CONFIG, search_type="websearch")
        qs = qs.alias(search_document=_Document(fields)).filter(search_document=query)
        return qs.annotate(rank=SearchRank(F("search_document"), query)) if rank else qs
    annotations = {f"folded_{name}": _Folded(F(name)) for name in fields}
    qs = qs.alias(**annotations)
    for term in [t for t in re.split(r"\W+", fold(q)) if t][:MAX_TERMS]:
        stem = _stem(term)
        piece = _verbatim_piece(stem)
        match = Q()
        for name, folded in zip(fields, annotations, strict=True):
            # Folding a long text in SQL costs ten times a plain LIKE over it: a field is folded
            # only when it holds the term's verbatim piece (SQLite's LIKE ignores ASCII case).
            found = Q(**{f"{folded}__contains": stem})
            match |= (Q(**{f"{name}__icontains": piece}) & found) if piece else found
        qs = qs.filter(match)
    return qs


_STAND_IN_LETTERS = "bcdfghijklmn"  # one per term (MAX_TERMS); no a, o or e, which folding makes


def stand_in(q: str) -> tuple[tuple, str, dict[str, str]]:
    """For a search whose SQL is compiled once per shape (core.sql.objects' `patterns`):
    (shape, stand-in query, {parameter the stand-in puts into text_search's SQL: the one `q` puts
    there}). The stand-in gives text_search() the same SQL as `q`, with other values: on SQLite
    one word per term, stemming and folding to itself, with a verbatim piece when the term has
    one; on PostgreSQL one word. Falsy for a falsy `q`, blank for a blank one."""
    clean = clean_query(q)
    if not clean:
        return ("blank", bool(q)), " " if q else "", {}
    if connection.vendor == "postgresql":
        return ("pg",), "qxbzo", {"qxbzo": fold(clean)}
    like = connection.ops.prep_for_like_query
    words, patterns, shape = [], {}, []
    for i, term in enumerate([t for t in re.split(r"\W+", fold(clean)) if t][:MAX_TERMS]):
        letter = _STAND_IN_LETTERS[i]
        stem = _stem(term)
        piece = _verbatim_piece(stem)
        word = f"qx{letter}zo" if piece else f"o{letter}o"
        words.append(word)
        shape.append(bool(piece))
        patterns[f"%{word}%"] = f"%{like(stem)}%"
        if piece:
            patterns[f"%qx{letter}z%"] = f"%{like(piece)}%"
    return ("terms", *shape), " ".join(words) or "-", patterns
