"""The CSV export's fast path on SQLite: a query object whose one printf() per row renders a whole CSV line."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Protocol

from sqlalchemy import ColumnClause, literal_column, select

from desktop.domain.enums import LabelledEnum, WeaponType
from desktop.domain.queries import IncidentFilter
from desktop.persistence.models import FacilityRow, IncidentRow
from desktop.persistence.repositories import IncidentRepository

# Python then only joins and writes lines, so a million incidents cost about what the sqlite3 shell needs for the
# same work. The cells are the ones desktop/services/csv/format.py's render and neutralize give (tests compare
# both paths); free text is always quoted ("%w" doubles the quotes), codes, numbers and dates never need quoting.

_FIELDS = {
    "facility_uuid": "facilities.uuid",
    "facility_name": "facilities.name",
}


class CsvColumn(Protocol):
    """What the line needs to know of a column (desktop.services.csv.format.Column); `kind` is one of the values
    of its Kind: "text", "uuid", "code", "label", "int", "float", "date", "datetime", "partial_date", "bool",
    "weapons", "weapons_label", "history"."""

    @property
    def key(self) -> str: ...

    @property
    def field(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def enum(self) -> type[LabelledEnum] | None: ...

    @property
    def sensitive(self) -> bool: ...


def quoted(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


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
_PLAIN = {"uuid", "code", "int", "date"}  # the stored text is the cell
_SUBQUERIES = {"weapons": _WEAPONS, "weapons_label": _WEAPONS_LABEL, "history": _HISTORY}


class IncidentLines:
    """One rendered CSV line (without its line end) per incident, in id order. `mask` is what a masked sensitive
    cell holds; a cell starting with one of `dangerous_first` (or equal to `mask`) gets an apostrophe in front,
    as format.neutralize does."""

    def __init__(
        self, columns: Sequence[CsvColumn], *, mask: str, dangerous_first: Collection[str], mask_sensitive: bool
    ) -> None:
        self.mask = mask
        self.mask_sensitive = mask_sensitive
        characters = sorted(set(dangerous_first) - {"-"}) + ["-"] * ("-" in dangerous_first)  # '-' last: literal
        self.danger = quoted("[" + "".join(characters) + "]*")
        self.expression = self.line(columns)

    def chunks(self, incidents: IncidentRepository, where: IncidentFilter, size: int) -> Iterator[list[str]]:
        """The lines of the incidents `where` selects, `size` at a time, straight from the driver's cursor."""
        line: ColumnClause[str] = literal_column(self.expression)
        query = (
            select(line)
            .select_from(IncidentRow)
            .join(FacilityRow, FacilityRow.id == IncidentRow.facility_id)
            .order_by(IncidentRow.id)
        )
        result = incidents.session.connection().execute(incidents.filtered(query, where))
        cursor = result.cursor  # the rendered lines need no conversion
        try:
            while batch := cursor.fetchmany(size):
                yield [row[0] for row in batch]
        finally:
            result.close()

    def line(self, columns: Sequence[CsvColumn]) -> str:
        """One printf() that renders the cells of `columns` of an incident row."""
        formats, arguments = [], []
        keys = [c.key for c in columns]
        for index, column in enumerate(columns):
            if column.kind == "weapons_label" and keys[index - 1 : index] == ["weapons"]:
                continue  # rendered together with the codes
            if column.kind == "weapons" and keys[index + 1 : index + 2] == ["weapons_label"]:
                fmt, args = "%s", [_WEAPONS_BOTH]  # both weapon cells from one look-up of the incident's weapons
            else:
                fmt, args = self._piece(column)
            formats.append(fmt)
            arguments.extend(args)
        return f"printf({quoted(','.join(formats))}, {', '.join(arguments)})"

    def _apostrophe(self, x: str) -> str:
        """The apostrophe neutralize puts in front of `x`, or ''."""
        mask, danger = quoted(self.mask), self.danger
        return (
            f"CASE WHEN {x} GLOB {danger} OR {x} = {mask} THEN '''' WHEN {x} GLOB '''*' AND "
            f"(ltrim({x}, '''') GLOB {danger} OR ltrim({x}, '''') = {mask}) THEN '''' ELSE '' END"
        )

    def _piece(self, column: CsvColumn) -> tuple[str, list[str]]:
        """(printf format, arguments) of one cell."""
        x = _FIELDS.get(column.key, f"incidents.{column.field}")
        kind = column.kind
        if column.sensitive and self.mask_sensitive:
            return "%s", [f"iif({x} = '', '', {quoted(self.mask)})"]
        if kind == "text":
            value = f"ifnull({x}, '')" if column.key == "case_number" else x  # printf renders NULL as (NULL)
            return '"%s%w"', [self._apostrophe(x), value]
        if kind in _PLAIN:
            return "%s", [x]
        if kind == "label" and column.enum is not None:
            return "%s", [_labels(x, column.enum)]
        if kind == "datetime":
            return "%s", [f"iif(substr({x}, 20) = '.000000', substr({x}, 1, 19), {x})"]
        if kind == "partial_date":
            return "%s", [_OCCURRED]
        if kind == "bool":
            return "%s", [f"iif({x}, 'yes', 'no')"]
        if kind in _SUBQUERIES:
            return '"%w"', [_SUBQUERIES[kind]]
        raise ValueError(f"no SQL rendering for {column.key} ({kind})")
