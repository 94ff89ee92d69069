"""SQL of a parsed search: FTS5 MATCH (SQLite) or word-start regexes (PostgreSQL) on incidents, ILIKE elsewhere."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, column, or_, select, table, true
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from desktop.domain.search import SearchField, SearchQuery, Term
from desktop.persistence.models import FacilityRow, IncidentRow, PlanItemRow

Condition = ColumnElement[bool]
FieldConditions = Mapping[SearchField, Callable[[str], Condition]]

FTS = table("incidents_fts", column("rowid"), column("incidents_fts"))  # SQLite FTS5, made by the migration
INCIDENT_TEXT = (IncidentRow.title, IncidentRow.description, IncidentRow.case_number, IncidentRow.sources,
                 IncidentRow.investigating_agencies)  # fmt: skip  # the columns of incidents_fts
FACILITY_TEXT = (FacilityRow.name, FacilityRow.city, FacilityRow.address, FacilityRow.notes)
PLAN_ITEM_TEXT = (PlanItemRow.description, PlanItemRow.owner, PlanItemRow.notes)
_REGEX_SPECIAL = re.compile(r"([^\w\s])")  # escaped with a backslash: literal in a PostgreSQL regex


def contains(column: Any, text: str) -> Condition:
    """`column` contains `text`, case-insensitively; % and _ in `text` are themselves, not wildcards."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    condition: Condition = column.ilike(f"%{escaped}%", escape="\\")
    return condition


def _facility_ids(condition: Condition) -> Select[tuple[int]]:
    return select(FacilityRow.id).where(condition)


INCIDENT_FIELDS: FieldConditions = {
    SearchField.FACILITY: lambda v: IncidentRow.facility_id.in_(_facility_ids(contains(FacilityRow.name, v))),
    SearchField.STATE: lambda v: IncidentRow.facility_id.in_(_facility_ids(FacilityRow.state == v)),
    SearchField.STATUS: lambda v: IncidentRow.status == v,
    SearchField.TYPE: lambda v: IncidentRow.attack_type == v,
    SearchField.SEVERITY: lambda v: IncidentRow.severity == v,
    SearchField.CASE: lambda v: contains(IncidentRow.case_number, v),
}
FACILITY_FIELDS: FieldConditions = {
    SearchField.FACILITY: lambda v: contains(FacilityRow.name, v),
    SearchField.STATE: lambda v: FacilityRow.state == v,
}
PLAN_ITEM_FIELDS: FieldConditions = {
    SearchField.FACILITY: lambda v: PlanItemRow.facility_id.in_(_facility_ids(contains(FacilityRow.name, v))),
    SearchField.STATE: lambda v: PlanItemRow.facility_id.in_(_facility_ids(FacilityRow.state == v)),
    SearchField.STATUS: lambda v: PlanItemRow.status == v,
}


# -- SQLite: FTS5 --------------------------------------------------------------------------------------------
def fts_string(text: str) -> str:
    """`text` as an FTS5 string (a phrase of its words), its double quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def fts_term(term: Term) -> str:
    """A text term in FTS5 syntax: a phrase of whole words, or each word as a word prefix."""
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


def _fts_parts(query: SearchQuery) -> tuple[list[str], list[str], list[tuple[Term, ...]]]:
    """The groups of text terms without exclusions (as FTS5 expressions), the excluded text terms that
    are groups of their own (as FTS5 expressions), and the other groups."""
    included: list[str] = []
    excluded: list[str] = []
    other: list[tuple[Term, ...]] = []
    for group in query.groups:
        if all(term.field is None and not term.negated for term in group):
            included.append(" OR ".join(fts_term(term) for term in group))
        elif len(group) == 1 and group[0].field is None:
            excluded.append(fts_term(group[0]))
        else:
            other.append(group)
    return included, excluded, other


def _fts_combined(included: Sequence[str], excluded: Sequence[str]) -> str:
    expression = " AND ".join(f"({part})" for part in included)
    return f"({expression}) NOT ({' OR '.join(excluded)})" if excluded else expression


def fts_expression(query: SearchQuery) -> str | None:
    """The whole search as one FTS5 expression (the index alone answers it), or None: a field term, an
    exclusion within an OR, or only exclusions (FTS5's NOT needs something on its left)."""
    included, excluded, other = _fts_parts(query)
    return _fts_combined(included, excluded) if included and not other else None


def _sqlite_text(term: Term) -> Condition:
    return IncidentRow.id.in_(fts_matches(fts_term(term)))


def _sqlite_incidents(query: SearchQuery, walk_sort_index: bool) -> Condition | None:
    included, excluded, other = _fts_parts(query)
    conditions: list[Condition] = []
    if included:
        matches = fts_matches(_fts_combined(included, excluded))
        if walk_sort_index:  # "+id" keeps SQLite from looking each match up by rowid and sorting them
            conditions.append(UnaryExpression(IncidentRow.id.expression, operator=custom_op("+")).in_(matches))
        else:
            conditions.append(IncidentRow.id.in_(matches))
    elif excluded:
        conditions.append(IncidentRow.id.not_in(fts_matches(" OR ".join(excluded))))
    conditions += [_any(group, _sqlite_text, INCIDENT_FIELDS) for group in other]
    return and_(*conditions) if conditions else None


# -- PostgreSQL: regular expressions ---------------------------------------------------------------------------
def regex_literal(text: str) -> str:
    """`text` in a PostgreSQL regular expression, every character standing for itself."""
    return _REGEX_SPECIAL.sub(r"\\\1", text)


def _postgres_text(term: Term) -> Condition:
    """Each word starts a word (\\m) of a column; a phrase: its whole words in one column, apart only by
    other characters than letters and digits (as FTS5 reads them)."""
    if term.phrase:
        pattern = r"\m" + "[^[:alnum:]]+".join(map(regex_literal, term.words)) + r"\M"
        return or_(*(c.bool_op("~*")(pattern) for c in INCIDENT_TEXT))
    return and_(*(or_(*(c.bool_op("~*")(r"\m" + regex_literal(w)) for c in INCIDENT_TEXT)) for w in term.words))


# -- every kind -------------------------------------------------------------------------------------------------
def _one(term: Term, text: Callable[[Term], Condition], fields: FieldConditions) -> Condition:
    condition = text(term) if term.field is None else fields[term.field](term.value)
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


def incident_search(query: SearchQuery, *, sqlite: bool, walk_sort_index: bool = False) -> Condition | None:
    """The incidents `query` finds (None: no condition); `walk_sort_index`: see IncidentRepository."""
    if sqlite:
        return _sqlite_incidents(query, walk_sort_index)
    return _all(query, _postgres_text, INCIDENT_FIELDS)


def facility_search(query: SearchQuery) -> Condition | None:
    return _all(query, _contained(FACILITY_TEXT), FACILITY_FIELDS)


def plan_item_search(query: SearchQuery) -> Condition | None:
    return _all(query, _contained(PLAN_ITEM_TEXT), PLAN_ITEM_FIELDS)
