"""Generated CSV rows with good and bad cells of every column kind, and a canonical digest of what a parser made of
them (tests/test_csv_parse_speedup.py compares the row parser with golden output of the previous one)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator, Sequence
from typing import Any

from desktop.domain.enums import LabelledEnum
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate
from desktop.services.csv.detect import Problem, auto_mapping
from desktop.services.csv.format import COLUMNS, MASK, Column, Kind
from desktop.services.csv.parse import parse_cell
from desktop.services.csv.rows import NOT_GIVEN_WHEN_EMPTY, NULLABLE_ENUMS, SECOND_OPINION, Cells, RowParser
from desktop.services.csv.sheet import SHEET_COLUMNS, import_columns

U1 = "6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d"
U2 = "b2b7fe39-d55a-4f02-92c0-f572cd292179"

# (good cells, bad cells) by column kind: a good cell is read without a problem
TEXTS = (["plain", "", "  spaced  ", "'=1+2", "'[redacted]", "'plain", "Trespasser at the gate; fled", "x" * 300,
          "ERO-2021-0000002", "  ", "'@SUM(A1)", "back\\slash | bar"], [])  # fmt: skip
UUIDS = ([U1, U1.upper(), "", f"  {U2}  ", U2], ["not-a-uuid", "6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2"])
INTS = (["0", "12", " 7 ", "", "-3", "+4", "123456789012345", "٣"], ["1.5", "x", "1234567890123456"])
FLOATS = (["1.5", "-73.25", "", " 2 ", "1e3"], ["nan", "inf", "abc"])
DATES = (["2019-09-12", "", " 2020-02-29 "], ["2019-02-30", "2019-9-1", "x", "20190912"])
DATETIMES = (["2019-09-12 14:30:00", "2019-09-12T14:30", "2019-09-12", "", "2019-09-12 14:30:00.123456",
              " 2019-09-12 01:02:03 "], ["2019-13-01 00:00", "bad", "2019-09-12 24:00"])  # fmt: skip
PARTIAL_DATES = (["", "unknown", "Unknown", "2019", "2019-07", "2019-07-13", "2019-07-13 04:00", "2019-07-13T04:00:59",
                  "2019-07-13 04:00:59.250000", "2019-08~", "about 2019-08", "circa 2019", "ca. 2019-08-01",
                  "2019-08-20/2019-08-31", "2019-08/2019-09", "2019/2020", "about 2019-08-21/2019-08-31",
                  "2019-08-20~/2019-08-31~", "2019-08-25 early morning", "2019-08-25, night", "2019-08-25 Evening",
                  "2019-08-25 early_morning", "٢٠١٩-٠٧", "2019-08-25 ,; morning", " 2019-08-25 afternoon ",
                  "approx. 2019", "2019-08-25 NIGHT"],
                 ["2019-08 night", "2019-08-31/2019-08-20", "2019-02-30", "2019-07-13 25:00", "about 2019-07-13 04:00",
                  "2019-07-13 04:00 night", "2019-7-13", "yesterday", "2019-08-25night", "morning",
                  "2019-08-20/2019-08-31 04:00", "2019-08-20 04:00/2019-08-31"])  # fmt: skip
BOOLS = (["yes", "no", "Y", "TRUE", "completed", "Attempted", " 0 ", "1"], ["", "maybe"])
UUID_LISTS = (["", U1, f"{U1};{U2}", f" {U2} ; {U1.upper()} "], [f"{U1};;{U2}", f"{U1};{U1}", "bad"])
WEAPONS = (["", "firearms:rifle", "melee:hammer|other", "firearms:a\\|b", "other:spray paint|other:spray paint",
            "Firearms", "incendiary:"], ["bogus:x", ":x", "firearms:bad\\escape"])  # fmt: skip
WEAPON_LABELS = (["", "Firearms: rifle", "Melee: hammer; Other", "firearms", " ; Incendiary: road flare"], ["Bogus"])
HISTORIES = (["", "closed@2026-08-25", "reported@2019-08|arrest_made@2019-09-01:note",
              "charged@2019-05-30;agency=State Attorney;reference=19-05-30-cr-03843;charges=18 U.S.C. § 875",
              "closed@2019:note with \\| bar", "Closed@about 2019-08", "closed@2019-08-20/2019-08-31",
              "closed@2019;agency=x\\;y\\:z:the note"],
             ["closed", "closed@2019-08-25 night", "bogus@2019", "closed@2019;foo=bar", "closed@2019;agency=a;agency=b",
              "closed@2019:bad \\x", "adjudicated@2019-03-25;agency=U.S. Attorney\\'s Office|closed@2019-04",
              "closed@", "closed@2019-02-30", "reported@2019-08||closed@2019-09"])  # fmt: skip
CODE_LISTS = (["ice_ero;ice_hsi", "", "cbp;CBP;fps", " ; "], ["ICE ERO; bogus"])
DATE_WORDS = (["2019-07-13", "7/13/2019", "late August 2019", "August 2019 (only the month is known)", "",
               "about 2019-08", "2019", "2019-08-25 night"], ["gibberish", "13/13/2019", "early 2020"])  # fmt: skip
WEAPONS_TEXTS = (["Firearms: rifle; Incendiary: Molotov cocktail", "", "melee", "Other: a \\; b \\| c"],
                 ["firearms|melee", ": x", "Bogus", "Other: bad \\q"])  # fmt: skip
POOLS: dict[Kind, tuple[list[str], list[str]]] = {
    Kind.TEXT: TEXTS, Kind.UUID: UUIDS, Kind.INT: INTS, Kind.FLOAT: FLOATS, Kind.DATE: DATES,
    Kind.DATETIME: DATETIMES, Kind.PARTIAL_DATE: PARTIAL_DATES, Kind.BOOL: BOOLS, Kind.UUIDS: UUID_LISTS,
    Kind.WEAPONS: WEAPONS, Kind.WEAPONS_LABEL: WEAPON_LABELS, Kind.HISTORY: HISTORIES, Kind.DATE_WORDS: DATE_WORDS,
    Kind.WEAPONS_TEXT: WEAPONS_TEXTS, Kind.CODES: CODE_LISTS,
}  # fmt: skip


def pool(column: Column | None) -> tuple[list[str], list[str]]:
    if column is None:
        return TEXTS
    if column.enum is not None and column.kind is not Kind.CODES:
        members = list(column.enum)
        names = [m.value for m in members] + [m.label for m in members] + [m.label.upper() for m in members]
        return [*names, f" {members[0].value} ", "", "  "], ["bogus"]
    good, bad = POOLS[column.kind]
    return ([*good, MASK], bad) if column.sensitive else (good, bad)


def cell(rng: random.Random, column: Column | None, clean: bool) -> str:
    """A cell for `column`: a clean row's are all good; another row's are bad one time in six, and now and then
    hold a NUL or an apostrophe in front."""
    good, bad = pool(column)
    text = rng.choice(bad if bad and not clean and rng.random() < 1 / 6 else good)
    roll = 1.0 if clean else rng.random()
    if roll < 0.01:
        return text[:2] + "\x00" + text[2:]
    if roll < 0.03:
        return "'" + text
    return text


def rows(kind: RecordKind, header: Sequence[str], count: int, seed: int) -> Iterator[tuple[int, list[str]]]:
    """`count` rows for `header` (mapped automatically), some with a field too many or too few; columns that
    repeat one another (a code and its label) often agree, so that most rows are good."""
    rng = random.Random(seed)
    known = {c.key: c for c in import_columns(kind)}
    mapping = auto_mapping(kind, header)
    columns = [known.get(key) if key is not None else None for key in mapping]
    for number in range(2, count + 2):
        clean = rng.random() < 0.3
        fields = [cell(rng, column, clean) for column in columns]
        if clean or rng.random() < 0.6:  # the labels agree with their codes
            for index, column in enumerate(columns):
                if column is not None and column.kind is Kind.LABEL and column.enum is not None:
                    code = next((i for i, c in enumerate(columns) if c is not None and c.kind is Kind.CODE
                                 and c.field == column.field), None)  # fmt: skip
                    if code is not None:
                        fields[index] = _same_member(column.enum, fields[code])
        roll = 1.0 if clean else rng.random()
        if roll < 0.01:
            fields.append("extra")
        elif roll < 0.02:
            fields.pop()
        yield number, fields


def _same_member(enum: type[LabelledEnum], code: str) -> str:
    """The label of the member `code` names ("" when none does)."""
    try:
        return enum.parse(code).label if code.strip() else ""
    except ValueError:
        return ""


def cases() -> dict[str, tuple[RecordKind, tuple[str, ...], int]]:
    """Name -> (kind, header, rows): every kind's round-trip header, the spreadsheet profile's, and a plan item
    file with its directive column twice (rows.WRITTEN_TWICE)."""
    found: dict[str, tuple[RecordKind, tuple[str, ...], int]] = {}
    for kind in RecordKind:
        keys = tuple(c.key for c in COLUMNS[kind])
        found[f"{kind.key}-round-trip"] = (kind, keys, 3000 if kind is RecordKind.INCIDENT else 600)
        found[f"{kind.key}-sheet"] = (kind, tuple(c.header for c in SHEET_COLUMNS[kind]), 600)
    plan = tuple(c.key for c in COLUMNS[RecordKind.PLAN_ITEM])
    found["plan_item-twice"] = (RecordKind.PLAN_ITEM, (*plan, "directive_uuid"), 600)
    incident = tuple(c.key for c in COLUMNS[RecordKind.INCIDENT])
    found["incident-shuffled"] = (RecordKind.INCIDENT, (*incident[::-1], "unknown column"), 600)
    return found


def canonical(cells: Cells) -> str:
    """What a parser made of a row, in one text (the values in key order: their order in the dict is no result)."""
    return repr((cells.line, sorted(cells.values.items()), sorted(cells.columns.items()),
                 sorted(cells.elsewhere.items()), cells.problems))  # fmt: skip


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def parse_all(name: str) -> Iterator[Cells]:
    kind, header, count = cases()[name]
    parser = RowParser(kind, header, auto_mapping(kind, header))
    for line, fields in rows(kind, header, count, seed=sum(map(ord, name))):
        yield parser.parse(line, fields)


CHUNK = 50  # rows per digest in the golden file


def row_digests(name: str) -> list[str]:
    """One digest per CHUNK rows of a case."""
    texts = [canonical(cells) for cells in parse_all(name)]
    return [digest("\n".join(texts[start : start + CHUNK])) for start in range(0, len(texts), CHUNK)]


def cell_results(column: Column) -> list[str]:
    """parse_cell of every cell of the column's pools (un-escaped, as the parser gives them): repr or the error."""
    good, bad = pool(column)
    found = []
    for text in good + bad:
        try:
            found.append(f"{text!r} -> {parse_cell(column, text)!r}")
        except ValueError as error:
            found.append(f"{text!r} refused: {error}")
    return found


DATE_TEXTS = [*PARTIAL_DATES[0], *PARTIAL_DATES[1], "2019-08-25 EARLY MORNING", "2019-08-25 early-morning",
              "2019-08-25 Mornings", "2019-08-25 morning~", "2019-08-25 Early_Morning", "about 2019-08-25 evening",
              "2019-08-25;night", "2019-08-25T04:00", "2019-08-25 04:00:00", "2019-08-25 04:00:00.5",
              "2019-08-25 4:00", "2019-08-20/", "/2019-08-20", "2019-08-20/2019-08-31/2019-09-01", "about", "~",
              "2019~~", "c. 2019", "Circa  2019-08", "about2019", "2019-08-25 straße night", "ǅ night",
              "2019-08-25 ß", "2019 ĺ"]  # fmt: skip


def date_results() -> list[str]:
    """PartialDate.parse of DATE_TEXTS with either separator: repr or the error."""
    found = []
    for separator in ("T", " "):
        for text in DATE_TEXTS:
            try:
                found.append(f"{text!r} {separator!r} -> {PartialDate.parse(text, separator=separator)!r}")
            except ValueError as error:
                found.append(f"{text!r} {separator!r} refused: {error}")
    return found


def golden() -> dict[str, object]:
    columns = [(kind, column) for kind in RecordKind for column in import_columns(kind)]
    cells = {f"{kind.key}:{column.key}": digest("\n".join(cell_results(column))) for kind, column in columns}
    return {"rows": {name: row_digests(name) for name in cases()}, "cells": cells, "dates": date_results()}


def reference_parse(parser: RowParser, line: int, fields: Sequence[str]) -> Cells:
    """The row parser as it was before its columns had readers made once (a cell at a time through parse_cell):
    what the faster one must give."""
    cells = Cells(line)
    if len(fields) != parser.width:
        where = min(len(fields), parser.width) + 1
        cells.problems.append(Problem(line, where, f"the row has {len(fields)} fields but the header has "
                                                    f"{parser.width}"))  # fmt: skip
        return cells
    for read, repeat in parser.repeats:
        if fields[repeat].strip() != fields[read].strip():
            cells.problems.append(Problem(line, repeat + 1, f"differs from column {read + 1}, which has the same "
                                          "header; leave one of the two out", parser.header[repeat]))  # fmt: skip
    for index, column in parser.targets:
        _reference_cell(parser, cells, index, column, fields[index])
    return cells


def _reference_cell(parser: RowParser, cells: Cells, index: int, column: Column, raw: str) -> None:
    number, name = index + 1, parser.header[index]
    if "\x00" in raw:
        cells.problems.append(Problem(cells.line, number, "contains a NUL character", name))
        return
    if not column.imported or (column.sensitive and raw == MASK):
        return
    text = parser.restore(raw)
    if column.kind is Kind.DATE_WORDS:
        try:
            value: Any = parse_cell(column, text) if text.strip() else PartialDate()
        except ValueError as error:
            cells.problems.append(Problem(cells.line, number, str(error), name))
            return
        other, where = cells.values.get(column.field), cells.columns.get(column.field)
        if other is not None and other.is_known:
            if value.is_known and value != other:
                cells.problems.append(Problem(cells.line, number, f"{text.strip()!r} does not match "
                                              f"{other.label()} in column {where}", name))  # fmt: skip
            return
    else:
        if column.kind is Kind.WEAPONS_LABEL and cells.values.get("weapons"):
            return
        if not text.strip() and column.kind in NOT_GIVEN_WHEN_EMPTY and column.field not in NULLABLE_ENUMS:
            return
        try:
            value = parse_cell(column, text)
        except ValueError as error:
            cells.problems.append(Problem(cells.line, number, str(error), name))
            return
        if column.kind in SECOND_OPINION and cells.given(column.field):
            other = cells.values[column.field]
            if column.kind is Kind.LABEL and value is not None and value != other:
                shown = other.value if other is not None else "(empty)"
                cells.problems.append(Problem(cells.line, number, f"{text.strip()!r} does not match {column.field} "
                                              f"{shown!r} in column {cells.columns[column.field]}", name))  # fmt: skip
            if other not in (None, ()):
                return
        if column.field == "case_number":
            value = value.strip() or None
    cells.values[column.field] = value
    cells.columns[column.field] = number
