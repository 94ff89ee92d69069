"""The legal history as its own table (spreadsheet profile): one row per entry, written and read back."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from desktop.domain.enums import CaseStatus
from desktop.domain.records import Incident
from desktop.domain.values import PartialDate, StatusChange
from desktop.services.csv.detect import DELIMITERS, FileProblem, Problem, RecordReader, detect_encoding, open_text
from desktop.services.csv.format import normalized_header
from desktop.services.csv.parse import parse_enum, parse_uuid
from desktop.services.csv.sheet import Cell, date_as_known, exact_moment, read_sheet_date, restore_sheet

SUFFIX = "-legal-history"  # incidents.csv -> incidents-legal-history.csv


@dataclass(frozen=True, slots=True)
class HistoryColumn:
    key: str
    header: str
    value: Callable[[Incident, StatusChange], Cell]
    about: str  # for the README


HISTORY_COLUMNS = (
    HistoryColumn("case_number", "Case number", lambda i, _c: i.case_number or "",
                  "the incident's case number (may be empty)"),
    HistoryColumn("incident", "Incident", lambda i, _c: i.title, "the incident's title (for reading; not imported)"),
    HistoryColumn("date", "Date", lambda _i, c: exact_moment(c.changed),
                  "the day the status was reached, when known to the day"),
    HistoryColumn("date_as_known", "Date as known", lambda _i, c: date_as_known(c.changed),
                  "the date when it is not one known day: a month, a range, about (late August 2019)"),
    HistoryColumn("status", "Status", lambda _i, c: c.status.label, "the status reached: " + ", ".join(
        s.label for s in CaseStatus)),
    HistoryColumn("agency", "Agency", lambda _i, c: c.agency, "the agency (DOJ, a U.S. Attorney's Office…)"),
    HistoryColumn("reference", "Reference", lambda _i, c: c.reference, "a court case or docket number"),
    HistoryColumn("charges", "Charges", lambda _i, c: c.charges, "the charges"),
    HistoryColumn("note", "Note", lambda _i, c: c.note, "a note"),
    HistoryColumn("incident_uuid", "Incident UUID", lambda i, _c: i.uuid,
                  "the incident's UUID (the row of the incidents table it belongs to)"),
)  # fmt: skip
_READ = {normalized_header(name): c.key for c in HISTORY_COLUMNS for name in (c.key, c.header)}
_READ.update({"incident_case_number": "case_number", "uuid": "incident_uuid", "incident_title": "incident"})


def history_rows(incident: Incident) -> Iterator[list[Cell]]:
    """The typed cells of the incident's entries, in the order they were recorded."""
    for change in incident.status_history:
        yield [column.value(incident, change) for column in HISTORY_COLUMNS]


@dataclass
class _Entry:
    line: int
    change: StatusChange


@dataclass
class LegalHistories:
    """The entries a legal history file gives, found by incident uuid (else case number) as the rows are read."""

    name: str
    by_uuid: dict[str, list[_Entry]] = field(default_factory=dict)
    by_case: dict[str, list[_Entry]] = field(default_factory=dict)
    entries: int = 0

    def for_row(self, uuid: str, case_number: str | None) -> tuple[tuple[StatusChange, ...], str] | None:
        """The entries of the incident with this uuid or case number (taken: each belongs to one row) and where
        they are ("x-legal-history.csv lines 2-4"); None when the file has none."""
        found = self.by_uuid.pop(uuid, []) if uuid else []
        number = (case_number or "").strip()
        if number:
            found += self.by_case.pop(number, [])
        if not found:
            return None
        found.sort(key=lambda entry: entry.line)
        lines = [e.line for e in found]
        where = f"{self.name} line {lines[0]}" if len(lines) == 1 else f"{self.name} lines {', '.join(map(str, lines))}"
        return tuple(e.change for e in found), where

    def unclaimed(self) -> list[Problem]:
        """The entries no incident row took."""
        problems = []
        for key, entries in ((f"UUID {uuid}", e) for uuid, e in self.by_uuid.items()):
            problems += [Problem(e.line, 1, f"in {self.name}: no incident row has {key}") for e in entries]
        for number, entries in self.by_case.items():
            problems += [Problem(e.line, 1, f"in {self.name}: no incident row has case number {number!r}")
                         for e in entries]  # fmt: skip
        return sorted(problems, key=lambda p: p.line)


def read_histories(stream: IO[bytes], name: str) -> tuple[LegalHistories, list[Problem]]:
    """Read a legal history file (either profile's headers); the problems say line, column and why."""
    found = LegalHistories(name)
    try:
        encoding = detect_encoding(stream)
    except FileProblem as error:
        return found, [_located(error.problem, name, "")]
    text = open_text(stream, encoding)
    problems: list[Problem] = []
    try:
        first = text.readline()
        text.seek(0)
        delimiter = max(DELIMITERS, key=lambda d: _known(first, d))
        header: list[str] = []
        for line, fields in RecordReader(text, delimiter):
            if isinstance(fields, Problem):
                problems.append(_located(fields, name, ""))
            elif not header:
                header = fields
                problems += _header_problems(header, name)
                if problems:
                    break
            else:
                problems += _entry(found, header, line, fields)
    finally:
        text.detach()
    return found, problems


def _known(first: str, delimiter: str) -> int:
    try:
        cells = next(csv.reader(io.StringIO(first), delimiter=delimiter), [])
    except csv.Error:
        return 0
    return sum(normalized_header(c) in _READ for c in cells)


def _located(problem: Problem, name: str, column: str) -> Problem:
    where = f"{column} in {name}" if column else name
    return Problem(problem.line, problem.column, problem.reason, where)


def _header_problems(header: list[str], name: str) -> list[Problem]:
    keys = [_READ.get(normalized_header(cell)) for cell in header]
    missing = [c.header for c in HISTORY_COLUMNS if c.key in ("status",) and c.key not in keys]
    if "date" not in keys and "date_as_known" not in keys:
        missing.append("Date")
    if "incident_uuid" not in keys and "case_number" not in keys:
        missing.append("Incident UUID (or Case number)")
    problems = [Problem(1, 1, f"the legal history file has no {m} column", name) for m in missing]
    first: dict[str, int] = {}
    for number, key in enumerate(keys, start=1):
        if key is None or key == "incident":  # the title is for reading only
            continue
        if key in first:  # one of the two would be lost without a word
            texts = [header[first[key] - 1].strip(), header[number - 1].strip()]
            named = f"the header “{texts[0]}” appears twice" if texts[0] == texts[1] else (
                f"the headers “{texts[0]}” and “{texts[1]}” both mean {key}")  # fmt: skip
            problems.append(Problem(1, number, f"in {name}: {named}; rename or remove one", name, first[key]))
        first.setdefault(key, number)
    return problems


def _entry(found: LegalHistories, header: list[str], line: int, fields: list[str]) -> list[Problem]:
    if len(fields) != len(header):
        return [Problem(line, min(len(fields), len(header)) + 1, f"the row has {len(fields)} fields but the header "
                                                                 f"has {len(header)}", found.name)]  # fmt: skip
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    when = PartialDate()
    for number, (name, raw) in enumerate(zip(header, fields, strict=True), start=1):
        key = _READ.get(normalized_header(name))
        cell = restore_sheet(raw)
        try:
            if key in ("date", "date_as_known"):
                read = read_sheet_date(cell) if cell.strip() else PartialDate()
                if read.is_known and when.is_known and read != when:
                    raise ValueError(f"{cell.strip()!r} does not match the other date column ({when.label()})")
                when = read if read.is_known else when
            elif key == "status":
                values[key] = parse_enum(CaseStatus, cell) if cell.strip() else None
            elif key == "incident_uuid":
                values[key] = parse_uuid(cell)
            elif key is not None:
                values[key] = cell
        except ValueError as error:
            problems.append(Problem(line, number, str(error), f"{name} in {found.name}"))
    if problems:
        return problems
    uuid, number_text = values.get("incident_uuid", ""), values.get("case_number", "").strip()
    reasons = []
    if values.get("status") is None:
        reasons.append("the entry has no status")
    if not when.is_known:
        reasons.append("the entry has no date (give Date or Date as known)")
    elif when.time_of_day is not None:
        reasons.append(f"{when.label()}: a legal history date has no band of the day")
    if not uuid and not number_text:
        reasons.append("the entry names no incident (give Incident UUID or Case number)")
    if reasons:
        return [Problem(line, 1, f"in {found.name}: {r}") for r in reasons]
    change = StatusChange(values["status"], when, values.get("note", ""), agency=values.get("agency", ""),
                          reference=values.get("reference", ""), charges=values.get("charges", ""))  # fmt: skip
    target = found.by_uuid.setdefault(uuid, []) if uuid else found.by_case.setdefault(number_text, [])
    target.append(_Entry(line, change))
    found.entries += 1
    return []
