"""SQL of a parsed search: FTS5 MATCH (SQLite) or a tsquery on incident_words (PostgreSQL), ILIKE elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, column, func, literal_column, or_, select, table, true
from sqlalchemy.sql.elements import ColumnClause, UnaryExpression
from sqlalchemy.sql.operators import custom_op

from desktop.domain.search import SearchField, SearchQuery, Term
from desktop.persistence.models import DirectiveRow, FacilityRow, IncidentRow, PlanItemRow

Condition = ColumnElement[bool]
FieldConditions = Mapping[SearchField, Callable[[Term], Condition]]

FTS = table("incidents_fts", column("rowid"), column("incidents_fts"))  # SQLite FTS5, made by the migration
INCIDENT_TEXT = (IncidentRow.title, IncidentRow.description, IncidentRow.case_number, IncidentRow.sources,
                 IncidentRow.investigating_agencies)  # fmt: skip  # the columns of incidents_fts
FACILITY_TEXT = (FacilityRow.name, FacilityRow.city, FacilityRow.address, FacilityRow.notes)
PLAN_ITEM_TEXT = (PlanItemRow.description, PlanItemRow.owner, PlanItemRow.notes)
DIRECTIVE_TEXT = (DirectiveRow.title, DirectiveRow.issuing_office, DirectiveRow.source_reference, DirectiveRow.notes)


def contains(column: Any, text: str) -> Condition:
    """`column` contains `text`, case-insensitively; % and _ in `text` are themselves, not wildcards."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    condition: Condition = column.ilike(f"%{escaped}%", escape="\\")
    return condition


def _facility_ids(condition: Condition) -> Select[tuple[int]]:
    return select(FacilityRow.id).where(condition)


def _in_index(term: Term) -> bool:
    """Whether the FTS5 index answers `term` (text, or case: on the case_number column)."""
    return term.field is None or term.field is SearchField.CASE


INCIDENT_FIELDS: FieldConditions = {
    SearchField.FACILITY: lambda t: IncidentRow.facility_id.in_(_facility_ids(contains(FacilityRow.name, t.value))),
    SearchField.STATE: lambda t: IncidentRow.facility_id.in_(_facility_ids(FacilityRow.state == t.value)),
    SearchField.STATUS: lambda t: IncidentRow.status == t.value,
    SearchField.TYPE: lambda t: IncidentRow.attack_type == t.value,
    SearchField.SEVERITY: lambda t: IncidentRow.severity == t.value,
}
FACILITY_FIELDS: FieldConditions = {
    SearchField.FACILITY: lambda t: contains(FacilityRow.name, t.value),
    SearchField.STATE: lambda t: FacilityRow.state == t.value,
}
PLAN_ITEM_FIELDS: FieldConditions = {
    SearchField.FACILITY: lambda t: PlanItemRow.facility_id.in_(_facility_ids(contains(FacilityRow.name, t.value))),
    SearchField.STATE: lambda t: PlanItemRow.facility_id.in_(_facility_ids(FacilityRow.state == t.value)),
    SearchField.STATUS: lambda t: PlanItemRow.status == t.value,
}


# -- SQLite: FTS5 --------------------------------------------------------------------------------------------
def fts_string(text: str) -> str:
    """`text` as an FTS5 string (a phrase of its words), its double quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def fts_term(term: Term) -> str:
    """A text term in FTS5 syntax: a phrase of whole words, or each word as a word prefix; case: a phrase
    in the case_number column whose last word is a prefix."""
    if term.field is SearchField.CASE:
        return f"case_number : {fts_string(' '.join(term.words))}*"
    if term.phrase:
        return fts_string(" ".join(term.words))
    prefixes = " AND ".join(f"{fts_string(word)}*" for word in term.words)
    return f"({prefixes})" if len(term.words) > 1 else prefixes


def fts_match(expression: str) -> Condition:
    """FTS5 MATCH of an expression (on FTS)."""
    condition: Condition = FTS.c.incidents_fts.op("MATCH")(expression)
    return condition


def fts_matches(expression: str) -> Select[Any]:
    """The rowids of the incidents matching an FTS5 expression."""
    return select(FTS.c.rowid).where(fts_match(expression))


def fts_probe(expression: str) -> Condition:
    """The incident matches an FTS5 expression, probed by its rowid: one seek per row, instead of the list
    of every match built first. Cheap only for a seekable expression (fts_seekable)."""
    probe = select(FTS.c.rowid).where(fts_match(expression), FTS.c.rowid == IncidentRow.id)
    return probe.exists()


def fts_seekable(query: SearchQuery) -> bool:
    """Whether every term of `query` is a phrase or a one-letter word (read from the prefix='1' index), so a
    probe of one rowid seeks in one doclist. A longer prefix is merged from every word it starts anew for each
    probe (1M incidents: 'vandalism*' 5 ms, 'mo*' 14 ms per probe against 30 µs for 't*')."""
    included, excluded, other = _fts_parts(query)
    terms = [term for group in query.groups for term in group]
    return (
        bool(included)
        and not excluded
        and not other
        and all(
            term.field is None and (term.phrase or (len(term.words) == 1 and len(term.words[0]) == 1)) for term in terms
        )
    )


def _fts_parts(query: SearchQuery) -> tuple[list[str], list[str], list[tuple[Term, ...]]]:
    """The groups of text terms without exclusions (as FTS5 expressions), the excluded text terms that
    are groups of their own (as FTS5 expressions), and the other groups."""
    included: list[str] = []
    excluded: list[str] = []
    other: list[tuple[Term, ...]] = []
    for group in query.groups:
        if all(_in_index(term) and not term.negated for term in group):
            included.append(" OR ".join(fts_term(term) for term in group))
        elif len(group) == 1 and _in_index(group[0]):
            excluded.append(fts_term(group[0]))
        else:
            other.append(group)
    return included, excluded, other


def _fts_combined(included: Sequence[str], excluded: Sequence[str]) -> str:
    expression = " AND ".join(f"({part})" for part in included)
    return f"({expression}) NOT ({' OR '.join(excluded)})" if excluded else expression


def fts_expression(query: SearchQuery) -> str | None:
    """The whole search as one FTS5 expression (the index alone answers it), or None: a field term other
    than case:, an exclusion within an OR, or only exclusions (FTS5's NOT needs something on its left)."""
    included, excluded, other = _fts_parts(query)
    return _fts_combined(included, excluded) if included and not other else None


def fts_count(query: SearchQuery) -> Select[Any] | None:
    """The number of incidents the search finds, counted in the FTS5 index (and for a search of exclusions
    only: all incidents less those it excludes), or None when the index cannot tell alone."""
    included, excluded, other = _fts_parts(query)
    if other or not (included or excluded):
        return None
    if included:
        return select(func.count()).select_from(FTS).where(fts_match(_fts_combined(included, excluded)))
    excluding = select(func.count()).select_from(FTS).where(fts_match(" OR ".join(excluded))).scalar_subquery()
    return select(select(func.count()).select_from(IncidentRow).scalar_subquery() - excluding)


def _sqlite_text(term: Term) -> Condition:
    return IncidentRow.id.in_(fts_matches(fts_term(term)))


SQLITE_INCIDENT_FIELDS: FieldConditions = {**INCIDENT_FIELDS, SearchField.CASE: _sqlite_text}


def _sqlite_incidents(query: SearchQuery, walk_sort_index: bool, probe: bool) -> Condition | None:
    included, excluded, other = _fts_parts(query)
    conditions: list[Condition] = []
    if included and probe and not other:
        conditions.append(fts_probe(_fts_combined(included, excluded)))
    elif included:
        matches = fts_matches(_fts_combined(included, excluded))
        if walk_sort_index:  # "+id" keeps SQLite from looking each match up by rowid and sorting them
            conditions.append(UnaryExpression(IncidentRow.id.expression, operator=custom_op("+")).in_(matches))
        else:
            conditions.append(IncidentRow.id.in_(matches))
    elif excluded:
        conditions.append(IncidentRow.id.not_in(fts_matches(" OR ".join(excluded))))
    conditions += [_any(group, _sqlite_text, SQLITE_INCIDENT_FIELDS) for group in other]
    return and_(*conditions) if conditions else None


# -- PostgreSQL: incident_words of migration 0010 ---------------------------------------------------------------
WORDS = table("incident_words", column("id"), column("words"))  # PostgreSQL: a tsvector per incident, GIN-indexed
_SIMPLE: ColumnClause[Any] = literal_column("'simple'::regconfig")  # lower-cased words only


def ts_term(term: Term) -> str:
    """A text term as a tsquery (FTS5's reading, see fts_term): each word a word prefix; a phrase of whole words
    one after the other; case: the words one after the other in the case number (weight B), the last a prefix."""
    words = [f"'{word}'" for word in term.words]  # letters and digits only (domain/search.py): nothing to escape
    if term.field is SearchField.CASE:
        return " <-> ".join([*(f"{word}:B" for word in words[:-1]), f"{words[-1]}:*B"])
    if term.phrase:
        return " <-> ".join(words)
    return " & ".join(f"{word}:*" for word in words)


def ts_words(tsquery: str) -> Condition:
    """incident_words matching a tsquery (read by its GIN index)."""
    condition: Condition = WORDS.c.words.bool_op("@@")(func.to_tsquery(_SIMPLE, tsquery))
    return condition


def ts_match(tsquery: str) -> Condition:
    """The incident's words match a tsquery."""
    return IncidentRow.id.in_(select(WORDS.c.id).where(ts_words(tsquery)))


def ts_count(query: SearchQuery) -> Select[Any] | None:
    """The number of incidents a search the tsvector answers alone finds, counted in incident_words (every incident
    has its row there), or None when the search has other terms."""
    tsquery, other = ts_query(query)
    if other or tsquery is None:
        return None
    return select(func.count()).select_from(WORDS).where(ts_words(tsquery))


def _postgres_text(term: Term) -> Condition:
    return ts_match(ts_term(term))


def ts_query(query: SearchQuery) -> tuple[str | None, list[tuple[Term, ...]]]:
    """The groups the tsvector answers as one tsquery (groups of text terms; exclusions alone in their group), and
    the other groups, each then a condition of its own."""
    parts: list[str] = []
    other: list[tuple[Term, ...]] = []
    for group in query.groups:
        if all(_in_index(term) and not term.negated for term in group):
            parts.append("(" + " | ".join(f"({ts_term(term)})" for term in group) + ")")
        elif len(group) == 1 and _in_index(group[0]):
            parts.append(f"!({ts_term(group[0])})")
        else:
            other.append(group)
    return (" & ".join(parts) if parts else None), other


POSTGRES_INCIDENT_FIELDS: FieldConditions = {**INCIDENT_FIELDS, SearchField.CASE: _postgres_text}


def _postgres_incidents(query: SearchQuery) -> Condition | None:
    tsquery, other = ts_query(query)
    conditions = [ts_match(tsquery)] if tsquery is not None else []
    conditions += [_any(group, _postgres_text, POSTGRES_INCIDENT_FIELDS) for group in other]
    return and_(*conditions) if conditions else None


# -- every kind -------------------------------------------------------------------------------------------------
def _one(term: Term, text: Callable[[Term], Condition], fields: FieldConditions) -> Condition:
    condition = text(term) if term.field is None else fields[term.field](term)
    return condition.is_not(true()) if term.negated else condition  # NULL (no case number) is "not"


def _any(group: Sequence[Term], text: Callable[[Term], Condition], fields: FieldConditions) -> Condition:
    return or_(*(_one(term, text, fields) for term in group))


def _all(query: SearchQuery, text: Callable[[Term], Condition], fields: FieldConditions) -> Condition | None:
    return and_(*(_any(group, text, fields) for group in query.groups)) if query.groups else None


def _contained(columns: Sequence[Any]) -> Callable[[Term], Condition]:
    """A text term as ILIKE: each word, or the phrase as typed, in one of `columns`."""

    def condition(term: Term) -> Condition:
        if term.phrase:
            return or_(*(contains(c, term.text) for c in columns))
        return and_(*(or_(*(contains(c, word) for c in columns)) for word in term.words))

    return condition


def incident_search(
    query: SearchQuery, *, sqlite: bool, walk_sort_index: bool = False, probe: bool = False
) -> Condition | None:
    """The incidents `query` finds (None: no condition); `walk_sort_index`, `probe`: see IncidentRepository."""
    if sqlite:
        return _sqlite_incidents(query, walk_sort_index, probe)
    return _postgres_incidents(query)


def facility_search(query: SearchQuery) -> Condition | None:
    return _all(query, _contained(FACILITY_TEXT), FACILITY_FIELDS)


def plan_item_search(query: SearchQuery) -> Condition | None:
    return _all(query, _contained(PLAN_ITEM_TEXT), PLAN_ITEM_FIELDS)


def directive_search(query: SearchQuery) -> Condition | None:
    return _all(query, _contained(DIRECTIVE_TEXT), {})
