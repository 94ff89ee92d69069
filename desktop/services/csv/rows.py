"""One CSV row to field values: un-escaping, parsing by column kind, codes checked against their labels."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.domain.kinds import RecordKind
from desktop.domain.validation import FieldError
from desktop.domain.values import PartialDate, StatusChange
from desktop.services.csv.detect import Problem, header_meanings
from desktop.services.csv.format import MASK, Column, Kind, restore
from desktop.services.csv.parse import cell_parser
from desktop.services.csv.sheet import Profile, detect_profile, import_columns, restore_sheet

NULLABLE_ENUMS = {"security_level", "occurred_time_of_day", "attack_type_2", "attack_type_3", "target_type_2",
                  "target_type_3", "property_extent"}  # fmt: skip  # an empty cell means none
NOT_GIVEN_WHEN_EMPTY = {Kind.CODE, Kind.LABEL, Kind.BOOL, Kind.HISTORY}
SECOND_OPINION = {Kind.LABEL, Kind.WEAPONS_LABEL}  # read after the column they repeat
REQUIRED = {
    RecordKind.INCIDENT: (("title",), ("facility_uuid", "facility_name")),
    RecordKind.FACILITY: (("name",),),
    RecordKind.PLAN_ITEM: (("description",),),
    RecordKind.DIRECTIVE: (("title",),),
}
FIELD_COLUMNS = {
    "facility": ("facility_uuid", "facility_name"), "incident": ("incident_uuids",), "related": ("related_uuids",),
    "directive": ("directive_uuid",), "scope_facility": ("scope_facility_uuid", "scope_facility_name"),
}  # fmt: skip


@dataclass
class Cells:
    """The values one row gives, by record field, and the file column (1-based) each came from."""

    line: int
    values: dict[str, Any] = field(default_factory=dict)
    columns: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    elsewhere: dict[str, str] = field(default_factory=dict)  # field -> where it came from when not this row

    def given(self, name: str) -> bool:
        return name in self.values

    def problem(self, name: str, reason: str, header: Sequence[str]) -> Problem:
        """A Problem about record field `name` (or a validation field such as "facility") on this row."""
        candidates = (name, *FIELD_COLUMNS.get(name, ()))
        column = next((self.columns[c] for c in candidates if c in self.columns), 0)
        if column:
            return Problem(self.line, column, reason, header[column - 1])
        if name in self.elsewhere:
            return Problem(self.line, 1, f"{name}: {reason} (from {self.elsewhere[name]})", "")
        return Problem(self.line, 1, f"{name}: {reason} (the file has no {name} column)", "")

    def field_error(self, error: FieldError, header: Sequence[str]) -> Problem:
        return self.problem(error.field, error.message, header)


def header_problems(kind: RecordKind, header: Sequence[str], mapping: Sequence[str | None]) -> list[Problem]:
    """Mapping mistakes found on the header line: length, unknown or doubled targets, required columns, and a
    header naming a column twice (repeated_headers)."""
    problems: list[Problem] = []
    if len(mapping) != len(header):
        return [Problem(1, 1, f"the mapping names {len(mapping)} columns but the header has {len(header)}")]
    known = {c.key: c for c in import_columns(kind)}
    first: dict[str, int] = {}
    for number, (text, key) in enumerate(zip(header, mapping, strict=True), start=1):
        if key is None:
            continue
        if key not in known:
            problems.append(Problem(1, number, f"{key!r} is not a {kind.table} column", text))
        elif key in first:
            problems.append(Problem(1, number, f"{key} is already read from column {first[key]}", text))
        else:
            first[key] = number
    has_uuid = "uuid" in first
    for alternatives in REQUIRED[kind]:
        if not has_uuid and not any(key in first for key in alternatives):
            names = " or ".join(alternatives)
            problems.append(Problem(1, 1, f"no column is read as {names}, which new {kind.table} need"))
    return problems + repeated_headers(kind, header, mapping)


# A column the round-trip export of plan items wrote twice until the header check below came (both cells always the
# same): such a file is still read, the second cell checked against the first on every row (RowParser.repeats).
WRITTEN_TWICE = {RecordKind.PLAN_ITEM: "directive_uuid"}


def repeated_headers(kind: RecordKind, header: Sequence[str], mapping: Sequence[str | None]) -> list[Problem]:
    """A column left unread while another column whose header names the same column is read: two ``title``
    columns, or ``completed`` and ``Outcome`` (header_meanings). The automatic mapping reads only the first, so the
    other's values would be lost without a word: the file is refused (unless the mapping reads the second as
    something else). An exception: WRITTEN_TWICE."""
    read_from = {key: number for number, key in enumerate(mapping, start=1) if key is not None}
    meanings = header_meanings(kind, header)
    problems: list[Problem] = []
    for number, (key, named) in enumerate(zip(mapping, meanings, strict=True), start=1):
        other = read_from.get(named) if key is None and named is not None else None
        if other is None or meanings[other - 1] != named or _written_twice(kind, header, other - 1, number - 1):
            continue
        first, second = sorted((other, number))
        first_text, second_text = header[first - 1].strip(), header[second - 1].strip()
        if first_text == second_text:
            reason = f"the header “{first_text}” appears twice"
        else:
            reason = f"the headers “{first_text}” and “{second_text}” both mean {named}"
        problems.append(Problem(1, second, f"{reason}; rename or remove one", header[second - 1], first))
    return problems


def _written_twice(kind: RecordKind, header: Sequence[str], first: int, second: int) -> bool:
    return header[first] == header[second] == WRITTEN_TWICE.get(kind)


def repeated_columns(kind: RecordKind, header: Sequence[str], mapping: Sequence[str | None]) -> list[tuple[int, int]]:
    """(index read, index left unread) of the WRITTEN_TWICE columns of a file, whose cells must agree."""
    key = WRITTEN_TWICE.get(kind)
    if key is None or key not in mapping:
        return []
    read = mapping.index(key)
    return [(read, index) for index, key in enumerate(mapping)
            if key is None and index != read and _written_twice(kind, header, read, index)]  # fmt: skip


class Histories(Protocol):
    """Legal histories given beside the rows (a spreadsheet-profile file's own table: legal_history.py)."""

    def for_row(self, uuid: str, case_number: str | None) -> tuple[tuple[StatusChange, ...], str] | None: ...


# A column's cells are read once per distinct text (the results are immutable): at most MEMO_ENTRIES texts of at
# most MEMO_LONGEST characters are remembered per column, and the memo is emptied when full, so memory stays flat
# however long the file is. Columns whose cells seldom repeat (free text, times to the second, a record's own uuid)
# have none.
MEMO_ENTRIES = 2048
MEMO_LONGEST = 200
UNREMEMBERED = {Kind.TEXT, Kind.DATETIME}
_PLAIN, _LABEL, _WEAPONS_LABEL, _DATE_WORDS = range(4)  # what a column's value does to the row's (RowParser.parse)


class _Mark:
    """A cell that gives no value: nothing to read (_NOTHING), or one that cannot be read and why."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


_NOTHING = _Mark("")  # empty, masked, a column not imported
_NUL = _Mark("contains a NUL character")
_UNSEEN = object()
Reader = Callable[[str], Any]  # a raw cell -> its value (for a second opinion: (value, text)) or a _Mark
Plan = list[tuple[int, int, str, str, dict[str, Any] | None, Reader, int]]


class RowParser:
    """Parses rows of a file whose columns are mapped to the kind's columns (None: ignored). Cells are un-escaped
    by the rule of the file's profile, told by its header (sheet.detect_profile). `histories`, when set, gives
    each row the legal history its uuid or case number has in a separate table.

    Each column's reader is made once, here: what a cell gives depends only on its column and its text."""

    def __init__(self, kind: RecordKind, header: Sequence[str], mapping: Sequence[str | None]) -> None:
        known = {c.key: c for c in import_columns(kind)}
        self.profile = detect_profile(kind, header)
        self.restore = restore_sheet if self.profile is Profile.SPREADSHEET else restore
        self.histories: Histories | None = None
        self.header = tuple(header)
        targets = [(index, known[key]) for index, key in enumerate(mapping) if key is not None and key in known]
        self.targets: list[tuple[int, Column]] = sorted(targets, key=lambda t: t[1].kind in SECOND_OPINION)
        self.width = len(header)
        self.repeats = repeated_columns(kind, header, mapping)
        plan = [self._plan(index, column) for index, column in self.targets]
        # the columns read for themselves, then the second opinions on them (sorted after them above)
        self.first: Plan = [step for step in plan if step[-1] in (_PLAIN, _DATE_WORDS)]
        self.second: Plan = [step for step in plan if step[-1] in (_LABEL, _WEAPONS_LABEL)]

    def _plan(self, index: int, column: Column) -> tuple[int, int, str, str, dict[str, Any] | None, Reader, int]:
        """(index, column number, header, field, memo, reader, what the value does) of a column read."""
        mode = {Kind.LABEL: _LABEL, Kind.WEAPONS_LABEL: _WEAPONS_LABEL, Kind.DATE_WORDS: _DATE_WORDS}.get(
            column.kind, _PLAIN)  # fmt: skip
        memo: dict[str, Any] | None = {}
        if column.kind in UNREMEMBERED or column.field == "uuid" or not column.imported:
            memo = None
        return index, index + 1, self.header[index], column.field, memo, _reader(column, self.restore), mode

    def parse(self, line: int, fields: Sequence[str]) -> Cells:
        cells = Cells(line)
        if len(fields) != self.width:
            where = min(len(fields), self.width) + 1
            cells.problems.append(Problem(line, where, f"the row has {len(fields)} fields but the header has "
                                                        f"{self.width}"))  # fmt: skip
            return cells
        for read, repeat in self.repeats:
            if fields[repeat].strip() != fields[read].strip():
                cells.problems.append(Problem(line, repeat + 1, f"differs from column {read + 1}, which has the same "
                                              "header; leave one of the two out", self.header[repeat]))  # fmt: skip
        values, columns, problems = cells.values, cells.columns, cells.problems
        for index, number, name, target, memo, reader, mode in self.first:
            raw = fields[index]
            result = reader(raw) if memo is None else memo.get(raw, _UNSEEN)
            if result is _UNSEEN:
                result = _read_new(memo, reader, raw)
            if type(result) is _Mark:
                if result is not _NOTHING:
                    problems.append(Problem(line, number, result.reason, name))
            elif mode == _PLAIN:
                values[target] = result
                columns[target] = number
            else:
                _date_words(cells, number, name, target, *result)
        for index, number, name, target, memo, reader, mode in self.second:
            raw = fields[index]
            if mode == _WEAPONS_LABEL and values.get("weapons") and "\x00" not in raw:
                continue  # the codes say it exactly; the labels are for people
            result = reader(raw) if memo is None else memo.get(raw, _UNSEEN)
            if result is _UNSEEN:
                result = _read_new(memo, reader, raw)
            if type(result) is _Mark:
                if result is not _NOTHING:
                    problems.append(Problem(line, number, result.reason, name))
            elif mode != _LABEL or result[0] is None or values.get(target) is not result[0]:
                _second_opinion(cells, number, name, target, mode, *result)  # (a label naming its code's member: done)
        if self.histories is not None:
            found = self.histories.for_row(cells.values.get("uuid", ""), cells.values.get("case_number"))
            if found is not None:
                cells.values["status_history"], cells.elsewhere["status_history"] = found
        return cells


def _read_new(memo: dict[str, Any] | None, reader: Reader, raw: str) -> Any:
    """Read a cell not in the memo, and remember it (emptying the memo when it is full)."""
    result = reader(raw)
    if memo is not None and len(raw) <= MEMO_LONGEST:
        if len(memo) >= MEMO_ENTRIES:
            memo.clear()
        memo[raw] = result
    return result


def _reader(column: Column, restore: Callable[[str], str]) -> Reader:
    """What a cell of `column` gives: its value (a label's and a weapons label's with their text, which are second
    opinions on a value another column gives), or a _Mark: _NOTHING, or the reason it cannot be read."""
    if not column.imported:
        return lambda raw: _NUL if "\x00" in raw else _NOTHING
    kind, sensitive = column.kind, column.sensitive
    parse = cell_parser(column)
    if kind is Kind.TEXT:
        case_number = column.field == "case_number"

        def text(raw: str) -> Any:
            if "\x00" in raw:
                return _NUL
            if sensitive and raw == MASK:
                return _NOTHING  # masked on export: keep what is stored (nothing, for a new record)
            value = restore(raw) if raw[:1] == "'" else raw  # restore changes only a cell with an apostrophe first
            return (value.strip() or None) if case_number else value

        return text
    with_text = kind in SECOND_OPINION or kind is Kind.DATE_WORDS
    skip_empty = kind in NOT_GIVEN_WHEN_EMPTY and column.field not in NULLABLE_ENUMS

    def read(raw: str) -> Any:
        if "\x00" in raw:
            return _NUL
        if sensitive and raw == MASK:
            return _NOTHING
        text = restore(raw)
        if kind is Kind.DATE_WORDS:
            try:
                return (parse(text) if text.strip() else PartialDate()), text.strip()
            except ValueError as error:
                return _Mark(str(error))
        if skip_empty and not text.strip():
            return _NOTHING
        try:
            value = parse(text)
        except ValueError as error:
            return _Mark(str(error))
        return (value, text.strip()) if with_text else value

    return read


def _second_opinion(cells: Cells, number: int, name: str, target: str, mode: int, value: Any, text: str) -> None:
    """A label (or the weapons' labels) read after the column it repeats: a label naming another member than the
    code is a problem; the code's value stands unless it is empty."""
    if target in cells.values:
        other = cells.values[target]
        if mode == _LABEL and value is not None and value != other:
            shown = other.value if other is not None else "(empty)"
            cells.problems.append(Problem(cells.line, number, f"{text!r} does not match {target} {shown!r} in column "
                                                              f"{cells.columns[target]}", name))  # fmt: skip
        if other not in (None, ()):
            return
    cells.values[target] = value
    cells.columns[target] = number


def _date_words(cells: Cells, number: int, name: str, target: str, value: PartialDate, text: str) -> None:
    """A spreadsheet's date columns (the exact day; the date as known): an empty one gives nothing, two that both
    give a date must give the same one."""
    other: PartialDate | None = cells.values.get(target)
    if other is not None and other.is_known:
        if value.is_known and value != other:
            cells.problems.append(Problem(cells.line, number, f"{text!r} does not match {other.label()} in column "
                                                              f"{cells.columns[target]}", name))  # fmt: skip
        return
    cells.values[target] = value
    cells.columns[target] = number
