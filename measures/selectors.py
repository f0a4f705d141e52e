"""Reads for the measure bank besides the search (`measures.search`): the detail page, its
history, related measures and "who else runs this"."""

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import connection
from django.db.models import Q, QuerySet
from django.urls import reverse

from accounts.permissions import coordinator_unit_ids
from core.history import HISTORY_LIMIT, Entry, entries, newest_first, tracked_fields
from municipalities.models import Coordinator, Municipality, SLTUnit, UnitMunicipality

from .models import Classification, Measure


def measure_detail_queryset(user) -> QuerySet:
    # Themes and classifications: prefetch_classifications; the unit's municipalities: unit_municipality_names.
    return Measure.objects.visible_to(user).select_related("unit", "based_on")


def unit_municipality_names(unit_id: int) -> list[str]:
    """The names of a unit's municipalities (every membership, as `unit.municipalities.all()`), by
    name: plain values, without the prefetch machinery."""
    return [name for _kind, _unit, name, *_rest in _unit_details([unit_id], coordinators=False)]


#: A measure's classification fields (all to Classification); the detail page reads them in one query.
CLASSIFICATION_FIELDS = ("arenas", "age_bands", "prevention_levels", "partner_sectors", "factors")
#: The managed-list fields `prefetch_classifications` fills: the themes and the classifications.
TERM_FIELDS = ("themes", *CLASSIFICATION_FIELDS)
_TERM_COLUMNS = ("id", "slug", "name", "name_nn", "name_en", "sort_order", "retired_at")


def prefetch_classifications(measure: Measure, *, document_ids: bool = False) -> Measure:
    """Fill `measure.<field>.all()` for the themes and every classification field with ONE query
    (a UNION ALL over the through tables) instead of one prefetch query per field. Each field
    keeps its model's order (themes: sort order, name; classifications: kind, sort order, name).
    `document_ids`: also `measure.documents.all()`, in the same query, as publications that hold
    only their id (what a form's initial value needs), in id order."""
    qn = connection.ops.quote_name
    branches = []
    prefetched = TERM_FIELDS
    for name in TERM_FIELDS:
        field = Measure._meta.get_field(name)
        option = field.related_model
        kind = "o.kind" if option is Classification else "''"
        columns = ", ".join(f"o.{qn(c)}" for c in _TERM_COLUMNS)
        branches.append(
            f"SELECT '{name}', {kind}, {columns} FROM {qn(field.remote_field.through._meta.db_table)} t"
            f" JOIN {qn(option._meta.db_table)} o ON o.id = t.{qn(field.m2m_reverse_name())} WHERE t.measure_id = %s"
        )
    if document_ids:
        field = Measure._meta.get_field("documents")
        blanks = ", ".join(["NULL"] * (len(_TERM_COLUMNS) - 1))
        branches.append(
            f"SELECT 'documents', '', t.{qn(field.m2m_reverse_name())}, {blanks}"
            f" FROM {qn(field.remote_field.through._meta.db_table)} t WHERE t.measure_id = %s"
        )
        prefetched = (*TERM_FIELDS, "documents")
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(branches), [measure.pk] * len(branches))
        rows = cursor.fetchall()
    found: dict[str, list] = {name: [] for name in prefetched}
    if document_ids:
        publication = Measure._meta.get_field("documents").related_model
        documents = sorted(row[2] for row in rows if row[0] == "documents")
        found["documents"] = [publication.from_db(connection.alias, ["id"], [pk]) for pk in documents]
        rows = [row for row in rows if row[0] != "documents"]
    retired = Classification._meta.get_field("retired_at").get_col(Classification._meta.db_table)
    converters = connection.ops.get_db_converters(retired)
    for name, kind, *values in sorted(rows, key=lambda r: (r[0], r[1], r[7], r[4], r[2])):
        for convert in converters:  # the database's datetime → an aware datetime (SQLite: text)
            values[-1] = convert(values[-1], retired, connection)
        option = Measure._meta.get_field(name).related_model
        by_name = dict(zip(_TERM_COLUMNS, values, strict=True)) | {"kind": kind}
        names = [f.attname for f in option._meta.concrete_fields]
        found[name].append(option.from_db(connection.alias, names, [by_name[n] for n in names]))
    cache = getattr(measure, "_prefetched_objects_cache", None)
    if cache is None:
        cache = measure._prefetched_objects_cache = {}
    for name in prefetched:
        qs = getattr(measure, name).all()
        qs._result_cache = found[name]
        qs._prefetch_done = True
        cache[name] = qs
    return measure


def measure_history_entries(*, measure: Measure) -> tuple[list[Entry], bool]:
    """The measure's changes, newest first, each with every changed field old → new (its lists
    too, where the save recorded them), from at most `HISTORY_LIMIT` records; and whether older
    ones were left out. One query; `core.history.resolve` names the other related objects per page."""
    records = list(
        measure.history.select_related("history_user", "unit").order_by("-history_date", "-history_id")[:HISTORY_LIMIT]
    )
    found = entries(
        records,
        fields=tracked_fields(Measure),
        subject=lambda record: record.title,
        m2m_fields=Measure._meta.many_to_many,
        m2m_state=lambda record: record.m2m_state,
    )
    return newest_first(found), len(records) == HISTORY_LIMIT


def _family_q(measure: Measure) -> Q:
    root = measure.family_root_id or measure.pk
    return Q(family_root_id=root) | Q(pk=root)


def measure_related(*, measure: Measure, limit: int = 5) -> list[Measure]:
    """Up to `limit` published measures sharing a theme and an age band (then either), newest
    first, in ONE query: two branches, each walking the (state, published_at) index newest first
    and probing the through tables per row (EXISTS), so each stops after `limit` matches and stays
    fast at 100 000 rows on PostgreSQL and SQLite alike. The measure's family is left out (it is
    shown under "who else runs this"). Each comes with its unit's name only."""
    theme_ids = [t.pk for t in measure.themes.all()]
    age_ids = [a.pk for a in measure.age_bands.all()]
    if not theme_ids and not age_ids:
        return []
    qn = connection.ops.quote_name
    measures, units = qn(Measure._meta.db_table), qn(SLTUnit._meta.db_table)

    def exists(field, ids):
        if not ids:
            return "1 = 0", []
        through = Measure._meta.get_field(field).remote_field.through
        key = Measure._meta.get_field(field).m2m_reverse_name()
        marks = ", ".join(["%s"] * len(ids))
        table = qn(through._meta.db_table)
        return f"EXISTS (SELECT 1 FROM {table} t WHERE t.measure_id = m.id AND t.{qn(key)} IN ({marks}))", list(ids)

    by_theme, theme_params = exists("themes", theme_ids)
    by_age, age_params = exists("age_bands", age_ids)
    root = measure.family_root_id or measure.pk
    base = (
        f"SELECT m.id, m.title, m.slug, m.language, m.unit_id, m.published_at, {{rank}} AS grp FROM {measures} m"
        " WHERE m.state = %s AND m.id <> %s AND (m.family_root_id IS NULL OR m.family_root_id <> %s) AND m.id <> %s"
        " AND {cond} ORDER BY m.published_at DESC, m.id DESC LIMIT %s"
    )
    head = [Measure.State.PUBLISHED, measure.pk, root, root]
    both = base.format(rank=0, cond=f"{by_theme} AND {by_age}")
    either = base.format(rank=1, cond=f"({by_theme} OR {by_age}) AND NOT ({by_theme} AND {by_age})")
    sql = (
        f"SELECT r.id, r.title, r.slug, r.language, r.unit_id, u.name FROM"
        f" (SELECT * FROM ({both}) b UNION ALL SELECT * FROM ({either}) e) r JOIN {units} u ON u.id = r.unit_id"
        " ORDER BY r.grp, r.published_at DESC, r.id DESC"
    )
    params = [*head, *theme_params, *age_params, limit]
    params += [*head, *theme_params, *age_params, *theme_params, *age_params, limit]
    found = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for pk, title, slug, language, unit_id, unit_name in cursor.fetchall()[:limit]:
            other = Measure(pk=pk, title=title, slug=slug, language=language)
            other.unit = SLTUnit(pk=unit_id, name=unit_name)
            found.append(other)
    return found


@dataclass
class PeerUnit:
    """What "who else runs this" shows of a unit: its name, its municipalities' names (by name) and
    its public coordinators (by name; each with name, title, email and phone)."""

    pk: int
    name: str
    municipality_names: list[str] = field(default_factory=list)
    public_coordinators: list[SimpleNamespace] = field(default_factory=list)


@dataclass
class Peer:
    """A measure under "who else runs this": its address and its unit."""

    pk: int
    slug: str
    unit: PeerUnit

    def get_absolute_url(self) -> str:
        return reverse("measures:detail", kwargs={"pk": self.pk, "slug": self.slug or "tiltak"})


def measure_peers(*, measure: Measure, user, limit: int = 50) -> list[Peer]:
    """ "Who else runs this?": the published measures of other units in the same "based on"
    family (copies of copies included) or linking the same Ungsinn article. The viewer's own
    units are left out. Each comes with its unit's municipalities and public coordinators.
    Two queries of plain values, in SQL (compiling them through the ORM cost more than running
    them): the measures with their units' names, then the units' municipalities and coordinators."""
    qn = connection.ops.quote_name
    measures, units = qn(Measure._meta.db_table), qn(SLTUnit._meta.db_table)
    root = measure.family_root_id or measure.pk
    cond, params = "m.family_root_id = %s OR m.id = %s", [root, root]
    if measure.ungsinn_url:
        cond, params = f"{cond} OR m.ungsinn_url = %s", [*params, measure.ungsinn_url]
    excluded_units = sorted({measure.unit_id, *coordinator_unit_ids(user)})
    # "Not draft or archived" rather than "published": the same rows, but SQLite then looks the
    # few candidates up through the family, id and Ungsinn indexes (MULTI-INDEX OR) instead of
    # walking every published measure in the state index (4 ms instead of 30 at 10 000).
    unpublished = [state for state in Measure.State.values if state != Measure.State.PUBLISHED]
    sql = (
        f"SELECT m.id, m.slug, m.unit_id, u.name FROM {measures} m JOIN {units} u ON u.id = m.unit_id"
        f" WHERE NOT (m.state IN ({_marks(unpublished)})) AND ({cond})"
        f" AND NOT (m.unit_id IN ({_marks(excluded_units)})) ORDER BY u.name ASC, m.id ASC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*unpublished, *params, *excluded_units, limit])
        rows = cursor.fetchall()
    if not rows:
        return []
    found: dict[int, PeerUnit] = {}
    for _pk, _slug, unit_id, unit_name in rows:
        if unit_id not in found:
            found[unit_id] = PeerUnit(unit_id, unit_name)
    for kind, unit_id, name, title, email, phone in _unit_details(list(found), coordinators=True):
        if kind == "m":
            found[unit_id].municipality_names.append(name)
        else:
            found[unit_id].public_coordinators.append(SimpleNamespace(name=name, title=title, email=email, phone=phone))
    return [Peer(pk, slug, found[unit_id]) for pk, slug, unit_id, _name in rows]


def _marks(values) -> str:
    return ", ".join(["%s"] * len(values))


def _unit_details(unit_ids: list[int], *, coordinators: bool) -> list[tuple]:
    """The units' municipalities (every membership, as `unit.municipalities.all()`) as ("m", unit
    id, name, "", "", "") rows, by name; with `coordinators` also their public coordinators (as
    `Coordinator.objects.public()`) as ("c", unit id, name, title, email, phone) rows, by name.
    One query."""
    qn = connection.ops.quote_name
    through, municipalities = qn(UnitMunicipality._meta.db_table), qn(Municipality._meta.db_table)
    marks = _marks(unit_ids)
    sql = (
        f"SELECT 'm', t.unit_id, mu.name, '', '', '' FROM {through} t"
        f" JOIN {municipalities} mu ON mu.id = t.municipality_id WHERE t.unit_id IN ({marks})"
    )
    params = [*unit_ids]
    if coordinators:
        sql += (
            " UNION ALL SELECT 'c', c.unit_id, c.name, c.title, c.email, c.phone"
            f" FROM {qn(Coordinator._meta.db_table)} c"
            f" WHERE c.unit_id IN ({marks}) AND c.ended_at IS NULL AND c.is_public = %s"
        )
        params += [*unit_ids, True]
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} ORDER BY 1 DESC, 3 ASC", params)
        return cursor.fetchall()
