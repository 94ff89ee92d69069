"""The CSV export's fast path on SQLite (one printf() per row renders a whole CSV line); the import's look-ups."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from sqlalchemy import ColumnClause, literal_column, select

from desktop.domain.enums import LabelledEnum, WeaponType
from desktop.domain.queries import IncidentFilter
from desktop.persistence.models import FacilityRow, IncidentRow
from desktop.persistence.repositories import IncidentRepository

# Python then only joins and writes lines, so a million incidents cost about what the sqlite3 shell needs for the
# same work. The cells are the ones desktop/services/csv/format.py's render and neutralize give (tests compare
# both paths); free text is always quoted ("%w" doubles the quotes), codes, numbers, dates and UUID lists never
# need quoting. PostgreSQL exports go record by record through format.py (there is no SQL rendering for it).

_FIELDS = {
    "facility_uuid": "facilities.uuid",
    "facility_name": "facilities.name",
}


class CsvColumn(Protocol):
    """What the line needs to know of a column (desktop.services.csv.format.Column); `kind` is one of the values
    of its Kind: "text", "uuid", "code", "label", "int", "float", "date", "datetime", "partial_date", "bool",
    "uuids", "weapons", "weapons_label", "history"."""

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


_NULLABLE_TEXT = frozenset({"case_number", "created_by", "updated_by"})  # NULL: none, or not known (written as '')


def quoted(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _characters(text: str) -> str:
    """An SQL expression of the string `text`: char() of its code points (no control character in the SQL)."""
    return f"char({', '.join(str(ord(c)) for c in text)})"


def _glob_class(characters: str) -> str:
    """An SQL expression of the GLOB pattern of a text starting with one of `characters` (none of them ']')."""
    ordered = sorted(set(characters) - {"-"}) + ["-"] * ("-" in characters)  # '-' last: literal
    return f"('[' || {_characters(''.join(ordered))} || ']*')"


def _labels(x: str, enum: type[LabelledEnum]) -> str:
    whens = " ".join(f"WHEN {quoted(m.value)} THEN {quoted(m.label)}" for m in enum)
    return f"CASE {x} {whens} ELSE '' END"


def _list_escape(x: str) -> str:
    return f"replace(replace({x}, '\\', '\\\\'), '|', '\\|')"


def _detail_escape(x: str) -> str:
    """format.escape_detail: also ':' and ';'."""
    return f"replace(replace({_list_escape(x)}, ':', '\\:'), ';', '\\;')"


def _edtf(on: str, precision: str, until: str, approximate: str) -> str:
    """PartialDate.iso of a date stored as first day, precision, last day of a range and approximate flag (a
    range of the incidents' occurred is stored as "day" with a later last day)."""
    about = f"iif({approximate}, '~', '')"
    return (  # the most common case first: a day
        f"CASE WHEN {precision} = 'day' AND ({until} IS NULL OR {until} = {on}) THEN {on} || {about} "
        f"WHEN {on} IS NULL OR {precision} = 'unknown' THEN '' "
        f"WHEN {precision} = 'year' THEN substr({on}, 1, 4) || {about} "
        f"WHEN {precision} = 'month' THEN substr({on}, 1, 7) || {about} "
        f"WHEN ({precision} = 'range' AND {until} IS NOT NULL) OR ({precision} = 'day' AND {until} > {on}) "
        f"THEN {on} || {about} || '/' || {until} || {about} "
        f"ELSE {on} || {about} END"
    )


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
_DETAILS = " || ".join(f"iif({name} = '', '', ';{name}=' || {_detail_escape(name)})"
                       for name in ("agency", "reference", "charges"))  # fmt: skip  # format.HISTORY_DETAILS
_ENTRY = (
    f"status || '@' || ({_edtf('changed_on', 'changed_precision', 'changed_until', 'changed_approximate')}) "
    f"|| {_DETAILS} || iif(note = '', '', ':' || {_list_escape('note')})"
)
_HISTORY = (
    f"(SELECT group_concat({_ENTRY}, '|') FROM (SELECT * FROM incident_status_changes "
    "WHERE incident_id = incidents.id ORDER BY id))"
)
_RELATED = (
    "ifnull((SELECT group_concat(uuid, ';') FROM (SELECT related.uuid FROM incident_links AS link "
    "JOIN incidents AS related ON related.id = link.related_id WHERE link.incident_id = incidents.id "
    "ORDER BY link.position)), '')"
)
_TIME = (
    "CASE WHEN substr(incidents.occurred_time, 7) IN ('00.000000', '00') THEN substr(incidents.occurred_time, 1, 5) "
    "WHEN substr(incidents.occurred_time, 9) = '.000000' THEN substr(incidents.occurred_time, 1, 8) "
    "ELSE incidents.occurred_time END"
)
_OCCURRED = (
    "CASE WHEN incidents.occurred_precision = 'exact' AND incidents.occurred_on IS NOT NULL THEN "
    f"incidents.occurred_on || ifnull(' ' || ({_TIME}), '') ELSE "
    + _edtf(
        "incidents.occurred_on",
        "incidents.occurred_precision",
        "incidents.occurred_end",
        "incidents.occurred_approximate",
    )
    + " END"
)
_PLAIN = {"uuid", "code", "int", "date"}  # the stored text is the cell
_SUBQUERIES = {"weapons": _WEAPONS, "weapons_label": _WEAPONS_LABEL, "history": _HISTORY}
_UUID_LISTS = {"related_uuids": _RELATED}


_PLAIN_FIRST = (65, 127)  # A to DEL: the first code points of cells that need no apostrophe (bar the mask)


class IncidentLines:
    """One rendered CSV line (without its line end) per incident, in id order. `mask` is what a masked sensitive
    cell holds; a text cell gets an apostrophe in front as format.neutralize does: when, after its leading
    apostrophes, it equals `mask`, starts with one of `always_first`, or starts with one of `formula_first` after
    nothing but characters of `skipped` (format.formula_like)."""

    def __init__(self, columns: Sequence[CsvColumn], *, mask: str, always_first: str, formula_first: str,
                 skipped: str, mask_sensitive: bool) -> None:  # fmt: skip
        self.mask = mask
        self.mask_sensitive = mask_sensitive
        self.always = _glob_class(always_first)
        self.formula = _glob_class(formula_first)
        self.skipped = _characters(skipped)
        first = always_first + formula_first + skipped + "'"  # what a cell that may need the apostrophe starts with
        if any(_PLAIN_FIRST[0] <= ord(c) <= _PLAIN_FIRST[1] for c in first):
            raise ValueError(f"{first!r}: _apostrophe takes a cell starting with A to DEL for one that needs none")
        self.first = _glob_class(first)
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
        """The apostrophe neutralize puts in front of `x`, or ''. Most cells start with a letter, none of the
        characters that matter (_PLAIN_FIRST, checked in __init__): the code point of the first character tells
        (one comparison keeps the export as fast as before); only the others are trimmed and looked at."""
        rest, mask = f"ltrim({x}, '''')", quoted(self.mask)
        marked = f"{rest} GLOB {self.always} OR ltrim({rest}, {self.skipped}) GLOB {self.formula} OR {rest} = {mask}"
        low, high = _PLAIN_FIRST
        return (
            f"CASE WHEN unicode({x}) BETWEEN {low} AND {high} THEN iif({x} = {mask}, '''', '') "
            f"WHEN {x} GLOB {self.first} THEN iif({marked}, '''', '') ELSE '' END"
        )

    def _piece(self, column: CsvColumn) -> tuple[str, list[str]]:
        """(printf format, arguments) of one cell."""
        x = _FIELDS.get(column.key, f"incidents.{column.field}")
        kind = column.kind
        if column.sensitive and self.mask_sensitive:
            return "%s", [f"iif({x} = '', '', {quoted(self.mask)})"]
        if kind == "text":
            value = f"ifnull({x}, '')" if column.key in _NULLABLE_TEXT else x  # printf renders NULL as (NULL)
            return '"%s%w"', [self._apostrophe(x), value]
        if kind in _PLAIN:
            return "%s", [x]  # printf writes NULL (no second attack type…) as ''
        if kind == "uuids" and column.key in _UUID_LISTS:
            return "%s", [_UUID_LISTS[column.key]]
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
