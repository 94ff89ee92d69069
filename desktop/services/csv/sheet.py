"""The "for spreadsheets" profile: human headers, labels only, typed cells, dates split from their precision."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from desktop.domain.date_input import read_date
from desktop.domain.date_words import MONTH_NAMES
from desktop.domain.enums import DatePrecision
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate, Weapon, last_day
from desktop.services.csv.format import (
    COLUMNS,
    FORMULA_FIRST,
    MASK,
    SKIPPED_BEFORE,
    Column,
    Kind,
    field_value,
    normalized_header,
    render,
)

# The profile, for people who receive such files (the guide's "Files for spreadsheets" says the same):
#
# - One header row of names for people ("Attack type"); choice lists as their labels ("Armed assault"), no codes.
# - Cells a spreadsheet types: numbers as numbers, exact dates as ISO dates (2019-07-13) or date-times
#   (2019-07-13 04:00), counts empty when unknown. A date that is not one exact day (a month, a range, "about")
#   is never put in a date column: "Occurred" stays empty and "Occurred as known" says it in words that import
#   reads back and spreadsheets leave as text ("late August 2019", "about 20 to 31 August 2019", "August 2019 (only
#   the month is known)": a bare "August 2019" would be turned into 1 August 2019 by a spreadsheet).
# - The legal history is not packed into a cell: it is its own table (legal_history.py), one row per entry.
# - Weapons as "Firearms: rifle; Incendiary: Molotov cocktail"; inside a subtype ``\``, ``;`` and ``|`` are
#   written ``\\``, ``\;`` and ``\|``.
# - Formula injection: a spreadsheet runs a cell as a formula when it starts with =, + , - or @ (Excel; LibreOffice
#   evaluates "=" cells by default too) or their fullwidth forms (＝ ＋ － ＠) - also after leading white space, line
#   breaks or invisible characters (format.SKIPPED_BEFORE: NBSP, U+3000, zero-width spaces, a byte order mark, VT,
#   FF...). Numbers such as -122.4 or +1 are read as numbers, not run. So, unlike the round-trip profile (which
#   marks every cell starting so, numbers included, so that any text survives), this profile puts an apostrophe in
#   front only of text that a spreadsheet would really run ("'=HYPERLINK(…)", "'- fence cut", "' =1", "'＝1"), and a
#   value that starts with apostrophes before such text gets one more; import removes exactly that one. No other
#   cell shows an apostrophe ("-5", " note" and "\tnote" stay as they are). (XLSX files need none of this: their
#   text cells are never formulas.)
# - UTF-8 with a byte order mark: Excel reads a CSV file as UTF-8 only when it starts with one; LibreOffice reads
#   the file right when "Unicode (UTF-8)" is chosen in its import dialog and then drops the mark (tested:
#   tests/test_sheet_libreoffice.py; its default headless import reads Windows-1252 with or without the mark).

Cell = str | int | float | date | datetime | None
Places = Mapping[str, tuple[str, str]]  # facility uuid -> (city, state)

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_FORMULA_FIRST = frozenset(FORMULA_FIRST)


class Profile(StrEnum):
    """Which layout a file has: the lossless machine layout or the one for people and spreadsheets."""

    ROUND_TRIP = "roundtrip"
    SPREADSHEET = "spreadsheet"

    @property
    def label(self) -> str:
        return {"roundtrip": "Round trip (for scripts and other databases)",
                "spreadsheet": "For spreadsheets (readable)"}[self.value]  # fmt: skip


# --- injection ----------------------------------------------------------------------------------------------------


def runs_as_formula(text: str) -> bool:
    """Whether a spreadsheet would run `text` as a formula: it starts (after white space, line breaks and invisible
    characters) with = + - @ (or a fullwidth one) and is not a plain number."""
    rest = text.lstrip(SKIPPED_BEFORE)
    return rest[:1] in _FORMULA_FIRST and _NUMBER.fullmatch(rest) is None


def needs_mark(text: str) -> bool:
    rest = text.lstrip("'")
    return rest == MASK or runs_as_formula(rest)


_MAYBE_MARKED = frozenset(FORMULA_FIRST + SKIPPED_BEFORE + "'[")  # what texts that may need the mark start with


def neutralize_sheet(text: str) -> str:
    """The cell as written: one apostrophe in front only of text a spreadsheet would run (see above)."""
    if not text or text[0] not in _MAYBE_MARKED:
        return text
    return "'" + text if needs_mark(text) else text


def restore_sheet(cell: str) -> str:
    """Undo `neutralize_sheet` (restore_sheet(neutralize_sheet(t)) == t for every t)."""
    return cell[1:] if cell[:1] == "'" and needs_mark(cell[1:]) else cell


# --- dates --------------------------------------------------------------------------------------------------------


def exact_moment(value: PartialDate) -> date | datetime | None:
    """The date (a day) or date-time (an exact time) a spreadsheet can hold as one; None for anything vaguer."""
    if value.on is None or value.approximate:
        return None
    if value.precision is DatePrecision.DAY:
        return value.on
    if value.precision is DatePrecision.EXACT and value.at is not None:
        return datetime.combine(value.on, value.at)
    return None


# A plain "August 2019" or "2019" would be taken for a date (1 August 2019) or a number by a spreadsheet and saved
# back as one, losing what is known; the words after it keep it text ("about …", ranges and thirds already are).
_ONLY = "(only the {} is known)"
_ONLY_READ = re.compile(r"\s*\(only the (?:month|year) is known\)\s*$", re.IGNORECASE)


def _day(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _thirds(value: PartialDate) -> str | None:
    """ "late August 2019" for about the 21st to the end of a month (early: 1-10, mid: 11-20), else None."""
    first, last = value.on, value.until
    if first is None or last is None or not value.approximate or (first.year, first.month) != (last.year, last.month):
        return None
    month = f"{MONTH_NAMES[first.month - 1]} {first.year}"
    month_end = last_day(first.replace(day=1), DatePrecision.MONTH)
    for word, start, end in (("early", 1, date(first.year, first.month, 10)),
                             ("mid-", 11, date(first.year, first.month, 20)), ("late", 21, month_end)):  # fmt: skip
        if first.day == start and last == end:
            return f"{word}{'' if word.endswith('-') else ' '}{month}"
    return None


def _words(value: PartialDate) -> str:
    on = value.on
    assert on is not None
    if value.precision is DatePrecision.RANGE and value.until is not None:
        thirds = _thirds(value)
        if thirds:
            return thirds
        until = value.until
        if (on.year, on.month) == (until.year, until.month):
            text = f"{on.day} to {_day(until)}"
        elif on.year == until.year:
            text = f"{on.day} {MONTH_NAMES[on.month - 1]} to {_day(until)}"
        else:
            text = f"{_day(on)} to {_day(until)}"
    elif value.precision is DatePrecision.YEAR:
        text = f"{on.year}" if value.approximate else f"{on.year} {_ONLY.format('year')}"
    elif value.precision is DatePrecision.MONTH:
        month = f"{MONTH_NAMES[on.month - 1]} {on.year}"
        text = month if value.approximate else f"{month} {_ONLY.format('month')}"
    else:
        text = _day(on)
    return f"about {text}" if value.approximate else text


@lru_cache(maxsize=4096)
def date_as_known(value: PartialDate) -> str:
    """A date that is not one exact day, in words that import reads back as the same date ("late August 2019");
    "" for an exact day or time (the date column holds it) and for an unknown date. The band of the day is not part
    of it. EDTF is written instead should the words ever read back differently."""
    plain = replace(value, time_of_day=None)
    if not plain.is_known or exact_moment(plain) is not None:
        return ""
    text = _words(plain) if plain.on is not None and plain.on.year >= 1000 else plain.iso(" ")
    try:
        same = read_sheet_date(text) == plain
    except ValueError:
        same = False
    return text if same else plain.iso(" ")


def read_sheet_date(text: str) -> PartialDate:
    """A date cell of a spreadsheet file: ISO or EDTF, words (late August 2019, August 2019 (only the month is
    known)), or a US short date (7/13/2019)."""
    return read_date(_ONLY_READ.sub("", text), month_first=True)


# --- weapons ------------------------------------------------------------------------------------------------------


def _escape_subtype(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace("|", "\\|")


def format_weapons_text(weapons: Sequence[Weapon]) -> str:
    return "; ".join(w.type.label + (": " + _escape_subtype(w.subtype) if w.subtype else "") for w in weapons)


# --- columns ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SheetColumn:
    """One column of a spreadsheet-profile table: `key` names it in a choice of columns, `header` is what people
    see, `value(record, places)` the typed cell, `reads` the import column (format.py or IMPORT_EXTRAS) that
    reads it back (None: written for people, ignored on import). The legal history (`companion`) is its own
    table, not a column."""

    key: str
    header: str
    value: Callable[[Any, Places], Cell]
    reads: str | None
    sensitive: bool = False
    companion: bool = False


def _typed(column: Column) -> Callable[[Any, Places], Cell]:
    """The typed cell of a round-trip column: numbers, dates and date-times as such, choice lists as labels."""
    kind, name = column.kind, column.field
    if kind in (Kind.INT, Kind.FLOAT, Kind.DATE, Kind.DATETIME) and name != "occurred_time_of_day":
        return lambda record, _places: getattr(record, name)
    if kind is Kind.TEXT:
        return lambda record, _places: getattr(record, name) or ""
    if kind is Kind.CODE:

        def label(record: Any, _places: Places) -> Cell:
            member = field_value(record, name)
            return None if member is None else str(member.label)

        return label

    def value(record: Any, _places: Places) -> Cell:
        raw = field_value(record, name)
        if raw is None:
            return None
        if kind is Kind.CODES:
            return "; ".join(member.label for member in raw)
        return render(column, record)

    return value


def _occurred(record: Any, _places: Places) -> Cell:
    return exact_moment(record.occurred)


def _occurred_as_known(record: Any, _places: Places) -> Cell:
    return date_as_known(record.occurred)


def _place(index: int) -> Callable[[Any, Places], Cell]:
    def value(record: Any, places: Places) -> Cell:
        return places.get(record.facility_uuid, ("", ""))[index]

    return value


_LAST = ("uuid", "facility_uuid", "directive_uuid", "scope_facility_uuid", "created_at", "updated_at", "created_by",
         "updated_by")  # fmt: skip


def _sheet_columns(kind: RecordKind) -> tuple[SheetColumn, ...]:
    """The profile's columns, derived from the round-trip columns: labels in place of codes, the bookkeeping last."""
    out: list[SheetColumn] = []
    for column in COLUMNS[kind]:
        key, title = column.key, column.title
        if column.kind in (Kind.LABEL, Kind.WEAPONS_LABEL) or key == "version" or key in _LAST:
            continue
        if column.kind is Kind.PARTIAL_DATE:
            out.append(SheetColumn(key, title, _occurred, "occurred_day"))
            out.append(SheetColumn(f"{key}_as_known", f"{title} as known", _occurred_as_known, f"{key}_as_known"))
        elif column.kind is Kind.WEAPONS:
            out.append(SheetColumn(key, title, lambda r, _p: format_weapons_text(r.weapons), "weapons_text"))
        elif column.kind is Kind.BOOL:
            out.append(SheetColumn(key, "Outcome", lambda r, _p: "Completed" if r.completed else "Attempted", key))
        elif column.kind is Kind.HISTORY:
            out.append(SheetColumn(key, "Legal history", lambda _r, _p: None, None, companion=True))
        else:
            reads = key if column.imported else None
            out.append(SheetColumn(key, title, _typed(column), reads, sensitive=column.sensitive))
        if key == "facility_name":
            out += [SheetColumn("city", "City", _place(0), None), SheetColumn("state", "State", _place(1), None)]
    by_key = {c.key: c for c in COLUMNS[kind]}
    for key in _LAST:
        if key in by_key:
            reads = key if by_key[key].imported else None  # who made a record: the database's, never a file's
            out.append(SheetColumn(key, by_key[key].title, _typed(by_key[key]), reads))
    return tuple(out)


SHEET_COLUMNS: dict[RecordKind, tuple[SheetColumn, ...]] = {kind: _sheet_columns(kind) for kind in RecordKind}

IMPORT_EXTRAS: dict[RecordKind, tuple[Column, ...]] = {
    RecordKind.INCIDENT: (
        Column("occurred_day", "Occurred (a date as spreadsheets write it)", Kind.DATE_WORDS, "occurred"),
        Column("occurred_as_known", "Occurred as known", Kind.DATE_WORDS, "occurred"),
        Column("weapons_text", "Weapons (Firearms: rifle; Incendiary)", Kind.WEAPONS_TEXT, "weapons"),
    ),
}
"""Columns import reads only from spreadsheet-profile files (export never writes them under these keys)."""


def import_columns(kind: RecordKind) -> tuple[Column, ...]:
    """Every column import can read a file column as: the round-trip columns, then the profile's own."""
    return COLUMNS[kind] + IMPORT_EXTRAS.get(kind, ())


def sheet_columns_of(kind: RecordKind, keys: Sequence[str] | None = None) -> tuple[SheetColumn, ...]:
    """The profile's columns of `kind` in file order; `keys` chooses some. Unknown keys raise ValueError."""
    every = SHEET_COLUMNS[kind]
    if keys is None:
        return every
    known = [c.key for c in every]
    unknown = [k for k in keys if k not in known]
    if unknown:
        raise ValueError(f"unknown {kind.table} column(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    return tuple(c for c in every if c.key in set(keys))


def detect_profile(kind: RecordKind, header: Sequence[str]) -> Profile:
    """Round trip when any header cell is exactly one of the kind's column keys ("attack_type"); else the
    spreadsheet profile (its headers are names for people: "Attack type")."""
    keys = {c.key for c in COLUMNS[kind]} | {a for c in COLUMNS[kind] for a in c.aliases if a == a.lower()}
    return Profile.ROUND_TRIP if any(cell.strip() in keys for cell in header) else Profile.SPREADSHEET


def sheet_mapping(kind: RecordKind) -> dict[str, str]:
    """Normalized spreadsheet header -> the import column key that reads it."""
    return {normalized_header(c.header): c.reads for c in SHEET_COLUMNS[kind] if c.reads is not None}
