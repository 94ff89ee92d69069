"""The row parser's faster reading (readers made once per column, remembered cells, quicker partial dates and legal
histories) reads every cell as before: the same values and the same problems (line, column, reason) for thousands
of generated rows with every kind of bad cell, against golden output recorded from the previous parser and against
a cell-at-a-time reference; and a column's memory of cells stays bounded however long the file is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.csv_cells import (
    CHUNK,
    canonical,
    cases,
    cell_results,
    date_results,
    digest,
    reference_parse,
    row_digests,
    rows,
)

from desktop.domain.enums import AttackType, CaseStatus, Severity, TimeOfDay
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate
from desktop.services.csv.detect import auto_mapping
from desktop.services.csv.format import COLUMNS
from desktop.services.csv.rows import MEMO_ENTRIES, MEMO_LONGEST, RowParser
from desktop.services.csv.sheet import import_columns

GOLDEN = json.loads((Path(__file__).parent / "data" / "csv_parse_golden.json").read_text(encoding="utf-8"))
INCIDENT_HEADER = tuple(c.key for c in COLUMNS[RecordKind.INCIDENT])


@pytest.mark.parametrize("name", list(cases()))
def test_rows_read_as_the_cell_at_a_time_reference(name: str) -> None:
    kind, header, count = cases()[name]
    parser = RowParser(kind, header, auto_mapping(kind, header))
    reference = RowParser(kind, header, auto_mapping(kind, header))
    problems = 0
    for line, fields in rows(kind, header, count, seed=sum(map(ord, name))):
        got = parser.parse(line, fields)
        assert canonical(got) == canonical(reference_parse(reference, line, fields)), f"line {line}: {fields}"
        assert list(got.values) == list(reference_parse(reference, line, fields).values)  # even in the same order
        problems += len(got.problems)
    assert problems > count // 10  # the rows hold bad cells


@pytest.mark.parametrize("name", list(cases()))
def test_rows_read_as_the_previous_parser_did(name: str) -> None:
    """Golden digests (data/make_csv_parse_golden.py, recorded before the change) of every CHUNK rows."""
    got, expected = row_digests(name), GOLDEN["rows"][name]
    first_wrong = next((i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b), None)
    assert first_wrong is None, f"rows {first_wrong * CHUNK + 2}… differ from the previous parser's"


def test_every_problem_kind_is_among_the_generated_rows() -> None:
    kind, header, count = cases()["incident-round-trip"]
    parser = RowParser(kind, header, auto_mapping(kind, header))
    reasons = " ".join(p.reason for line, fields in rows(kind, header, count, seed=1)
                       for p in parser.parse(line, fields).problems)  # fmt: skip
    for expected in ("unknown value 'bogus'", "is not a whole number", "is not a date like", "is not a real date",
                     "does not match attack_type", "contains a NUL character", "fields but the header has",
                     "is not a UUID", "is not yes or no", "status change 1:", "is not a time like",
                     "a band of the day"):  # fmt: skip
        assert expected in reasons


@pytest.mark.parametrize("kind", list(RecordKind))
def test_each_cell_parses_as_before(kind: RecordKind) -> None:
    for column in import_columns(kind):
        assert digest("\n".join(cell_results(column))) == GOLDEN["cells"][f"{kind.key}:{column.key}"], column.key


def test_partial_dates_parse_as_before() -> None:
    assert date_results() == GOLDEN["dates"]


def test_a_bad_cell_is_told_every_time_it_comes_again() -> None:
    """A refused cell is remembered with its reason: the second, third… row with it get the same problem."""
    parser = RowParser(RecordKind.INCIDENT, INCIDENT_HEADER, auto_mapping(RecordKind.INCIDENT, INCIDENT_HEADER))
    position = {key: index for index, key in enumerate(INCIDENT_HEADER)}
    for line in range(2, 6):
        fields = [""] * len(INCIDENT_HEADER)
        fields[position["title"]], fields[position["attack_type"]] = "Case", "bogus"
        fields[position["occurred"]], fields[position["severity_label"]] = "2019-02-30", "High"
        cells = parser.parse(line, fields)
        assert [(p.line, p.column, p.reason.split(";")[0]) for p in cells.problems] == [
            (line, position["occurred"] + 1, "'2019-02-30' is not a real date: day is out of range for month"),
            (line, position["attack_type"] + 1, "unknown value 'bogus'"),
        ]
        assert cells.values["severity"] is Severity.HIGH and "attack_type" not in cells.values


def test_the_memory_of_cells_stays_bounded_and_right() -> None:
    """Many distinct dates and legal histories, long cells: no column remembers more than MEMO_ENTRIES cells or
    any cell longer than MEMO_LONGEST characters, and a cell read again after its memo was emptied reads the same."""
    parser = RowParser(RecordKind.INCIDENT, INCIDENT_HEADER, auto_mapping(RecordKind.INCIDENT, INCIDENT_HEADER))
    position = {key: index for index, key in enumerate(INCIDENT_HEADER)}
    long_note = "n" * (MEMO_LONGEST + 1)
    seen = []
    for number in range(3 * MEMO_ENTRIES):
        fields = [""] * len(INCIDENT_HEADER)
        day = PartialDate.parse(f"{2000 + number // 365}-01-01").on
        assert day is not None
        occurred = f"{day.fromordinal(day.toordinal() + number % 365).isoformat()} night"
        fields[position["title"]], fields[position["occurred"]] = "Case", occurred
        fields[position["status_history"]] = f"closed@{occurred[:10]}:{long_note if number % 2 else number}"
        fields[position["attack_type"]], fields[position["attack_type_label"]] = "vandalism", "Vandalism"
        cells = parser.parse(number + 2, fields)
        assert not cells.problems
        assert cells.values["occurred"].time_of_day is TimeOfDay.NIGHT
        assert cells.values["attack_type"] is AttackType.VANDALISM
        assert cells.values["status_history"][0].status is CaseStatus.CLOSED
        seen.append(cells.values["occurred"])
    for _, _, _, _, memo, _, _ in parser.first + parser.second:
        if memo is not None:
            assert len(memo) <= MEMO_ENTRIES and all(len(text) <= MEMO_LONGEST for text in memo)
    fields[position["occurred"]] = "2000-01-01 night"
    assert parser.parse(9, fields).values["occurred"] == seen[0]
