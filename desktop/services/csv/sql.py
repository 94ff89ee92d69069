"""SQLite fast path of the incident export: SQLite itself renders every CSV line with one printf() per row.

Python then only joins and writes lines, so a million incidents cost about what the sqlite3 shell needs for
the same work. The cells are the ones csv_format.render and neutralize give (tests compare both paths);
free text is always quoted ("%w" doubles the quotes), codes, numbers and dates never need quoting.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnClause, Select, literal_column, select

from desktop.domain.enums import LabelledEnum, WeaponType
from desktop.persistence.models import FacilityRow, IncidentRow
from desktop.services.csv.format import MASK, Column, Kind

_DANGER = "'[=+@\t\r\n-]*'"  # GLOB class of csv_format.DANGEROUS_FIRST ('-' last is literal)
_FIELDS = {
    "facility_uuid": "facilities.uuid",
    "facility_name": "facilities.name",
}


def quoted(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _apostrophe(x: str) -> str:
    """The apostrophe csv_format.neutralize puts in front of `x`, or ''."""
    mask = quoted(MASK)
    return (
        f"CASE WHEN {x} GLOB {_DANGER} OR {x} = {mask} THEN '''' WHEN {x} GLOB '''*' AND "
        f"(ltrim({x}, '''') GLOB {_DANGER} OR ltrim({x}, '''') = {mask}) THEN '''' ELSE '' END"
    )


def _labels(x: str, enum: type[LabelledEnum]) -> str:
    whens = " ".join(f"WHEN {quoted(m.value)} THEN {quoted(m.label)}" for m in enum)
    return f"CASE {x} {whens} ELSE '' END"


def _list_escape(x: str) -> str:
    return f"replace(replace({x}, '\\', '\\\\'), '|', '\\|')"


_WEAPON_ROWS = "(SELECT weapon_type, subtype FROM incident_weapons WHERE incident_id = incidents.id ORDER BY position)"
_WEAPON_CODES = "group_concat(weapon_type || iif(subtype = '', '', ':' || {escaped}), '|')".format(
    escaped=_list_escape("subtype")
)
_WEAPON_LABELS = "group_concat({label} || iif(subtype = '', '', ': ' || subtype), '; ')".format(
    label=_labels("weapon_type", WeaponType)
)
_WEAPONS = f"(SELECT {_WEAPON_CODES} FROM {_WEAPON_ROWS})"
_WEAPONS_LABEL = f"(SELECT {_WEAPON_LABELS} FROM {_WEAPON_ROWS})"
_WEAPONS_BOTH = (  # an aggregate over no rows still gives one row, of NULLs
    f"""(SELECT printf('"%w","%w"', ifnull({_WEAPON_CODES}, ''), ifnull({_WEAPON_LABELS}, '')) FROM {_WEAPON_ROWS})"""
)
_HISTORY = (
    "(SELECT group_concat(status || '@' || changed_on || iif(note = '', '', ':' || {escaped}), '|') FROM "
    "(SELECT status, changed_on, note FROM incident_status_changes WHERE incident_id = incidents.id ORDER BY id))"
).format(escaped=_list_escape("note"))
_TIME = (
    "CASE WHEN substr(incidents.occurred_time, 7) IN ('00.000000', '00') THEN substr(incidents.occurred_time, 1, 5) "
    "WHEN substr(incidents.occurred_time, 9) = '.000000' THEN substr(incidents.occurred_time, 1, 8) "
    "ELSE incidents.occurred_time END"
)
_OCCURRED = (
    "CASE WHEN incidents.occurred_on IS NULL THEN '' "
    "WHEN incidents.occurred_precision = 'year' THEN substr(incidents.occurred_on, 1, 4) "
    "WHEN incidents.occurred_precision = 'month' THEN substr(incidents.occurred_on, 1, 7) "
    "WHEN incidents.occurred_precision = 'day' THEN incidents.occurred_on "
    "WHEN incidents.occurred_precision = 'exact' AND incidents.occurred_time IS NULL THEN incidents.occurred_on "
    f"WHEN incidents.occurred_precision = 'exact' THEN incidents.occurred_on || ' ' || ({_TIME}) ELSE '' END"
)


def _piece(column: Column, mask_sensitive: bool) -> tuple[str, list[str]]:
    """(printf format, arguments) of one cell."""
    x = _FIELDS.get(column.key, f"incidents.{column.field}")
    kind = column.kind
    if column.sensitive and mask_sensitive:
        return "%s", [f"iif({x} = '', '', {quoted(MASK)})"]
    if kind is Kind.TEXT:
        value = f"ifnull({x}, '')" if column.key == "case_number" else x  # printf renders NULL as (NULL)
        return '"%s%w"', [_apostrophe(x), value]
    if kind in (Kind.UUID, Kind.CODE, Kind.INT, Kind.DATE):
        return "%s", [x]
    if kind is Kind.LABEL:
        assert column.enum is not None
        return "%s", [_labels(x, column.enum)]
    if kind is Kind.DATETIME:
        return "%s", [f"iif(substr({x}, 20) = '.000000', substr({x}, 1, 19), {x})"]
    if kind is Kind.PARTIAL_DATE:
        return "%s", [_OCCURRED]
    if kind is Kind.BOOL:
        return "%s", [f"iif({x}, 'yes', 'no')"]
    if kind is Kind.WEAPONS:
        return '"%w"', [_WEAPONS]
    if kind is Kind.WEAPONS_LABEL:
        return '"%w"', [_WEAPONS_LABEL]
    if kind is Kind.HISTORY:
        return '"%w"', [_HISTORY]
    raise ValueError(f"no SQL rendering for {column.key} ({kind})")


def line_expression(columns: Sequence[Column], *, mask_sensitive: bool = False) -> str:
    """One printf() that renders a whole CSV line (without its line end) of an incident row."""
    formats, arguments = [], []
    keys = [c.key for c in columns]
    for index, column in enumerate(columns):
        if column.kind is Kind.WEAPONS_LABEL and keys[index - 1 : index] == ["weapons"]:
            continue  # rendered together with the codes
        if column.kind is Kind.WEAPONS and keys[index + 1 : index + 2] == ["weapons_label"]:
            fmt, args = "%s", [_WEAPONS_BOTH]  # both weapon cells from one look-up of the incident's weapons
        else:
            fmt, args = _piece(column, mask_sensitive)
        formats.append(fmt)
        arguments.extend(args)
    return f"printf({quoted(','.join(formats))}, {', '.join(arguments)})"


def incident_lines(columns: Sequence[Column], *, mask_sensitive: bool = False) -> Select[tuple[str]]:
    """SELECT of one rendered line per incident (joined to its facility), in id order; add filters with
    IncidentRepository.filtered."""
    line: ColumnClause[str] = literal_column(line_expression(columns, mask_sensitive=mask_sensitive))
    return (
        select(line)
        .select_from(IncidentRow)
        .join(FacilityRow, FacilityRow.id == IncidentRow.facility_id)
        .order_by(IncidentRow.id)
    )
