"""Conflicts of an import: a row that differs from the stored record without being newer, told field by field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import Any, Literal

from desktop.domain.changes import audited_fields, entry_text
from desktop.domain.enums import LabelledEnum
from desktop.domain.kinds import RecordKind
from desktop.domain.legal_history import in_date_order
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.services.csv.format import COLUMNS, Kind

Side = Literal["mine", "theirs"]
"""Which version a conflict keeps: "mine" the stored record, "theirs" the file's row."""
SIDES: tuple[Side, ...] = ("mine", "theirs")
EMPTY = "(empty)"


@dataclass(frozen=True, slots=True)
class FieldDifference:
    """One field of a conflict: its title as the CSV names it, the stored value and the file's, both as text."""

    field: str
    title: str
    mine: str
    theirs: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """A row whose values differ from the stored record's although its updated_at is not newer: `differences`
    field by field, `reason` why it is a conflict, `taken` the side the import kept."""

    line: int
    uuid: str
    reason: str
    name: str = ""  # the record's title or name
    differences: tuple[FieldDifference, ...] = ()
    taken: Side = "mine"

    @property
    def outcome(self) -> str:
        return "kept the database's version" if self.taken == "mine" else "took the file's version"

    def __str__(self) -> str:
        named = f" “{self.name}”" if self.name else ""
        return f"line {self.line}: {self.uuid}{named}: {self.reason}; {self.outcome}"

    def lines(self) -> list[str]:
        """The conflict and, one line each, its fields: `Title: database “…”, file “…”`."""
        return [str(self)] + [f"    {d.title}: database “{d.mine}”, file “{d.theirs}”" for d in self.differences]


def why(file_updated: datetime | None, stored_updated: datetime | None) -> str:
    """Why a differing row is a conflict (the file's row is not newer), or "" when it is newer and simply wins."""
    stored = stored_updated.isoformat(sep=" ") if stored_updated else "unknown"
    if file_updated is None:
        return f"the row differs and has no updated_at (the stored record was updated {stored})"
    if stored_updated is not None and file_updated < stored_updated:
        return (f"the row differs and the stored record was changed since (updated {stored}, the row "
                f"{file_updated.isoformat(sep=' ')})")  # fmt: skip
    if stored_updated is not None and file_updated == stored_updated:
        return f"the row differs from the stored record with the same updated_at ({stored}): edited in the file"
    return ""


def _titles(kind: RecordKind) -> dict[str, str]:
    titles: dict[str, str] = {}
    for column in COLUMNS[kind]:
        if column.kind not in (Kind.LABEL, Kind.WEAPONS_LABEL):
            titles.setdefault(column.field, column.title)
    return titles


def shown(value: object) -> str:
    """A field's value as a person reads it in the conflict list."""
    if value is None or value == "" or value == ():
        return EMPTY
    if isinstance(value, LabelledEnum):
        return str(value.label)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, PartialDate):
        return value.label() if value.is_known else "unknown"
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, Weapon):
        return value.type.label + (f": {value.subtype}" if value.subtype else "")
    if isinstance(value, tuple | list):
        return "; ".join(shown(item) for item in value)
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def record_name(record: Any) -> str:
    """A facility's name, an incident's or directive's title, a plan item's description, on one line."""
    text = getattr(record, "name", None) or getattr(record, "title", None) or getattr(record, "description", "")
    return " ".join(str(text).split())


def history_text(history: Sequence[StatusChange]) -> str:
    return "; ".join(entry_text(change) for change in in_date_order(history)) or EMPTY


def differences(kind: RecordKind, stored: Any, row: Any) -> tuple[FieldDifference, ...]:
    """The fields in which the file's `row` differs from the `stored` record (the legal history included when the
    row gives one), in the order of the record's fields."""
    titles = _titles(kind)
    found: list[FieldDifference] = []
    for name in audited_fields(type(stored)):
        mine, theirs = getattr(stored, name), getattr(row, name)
        if mine != theirs:
            title = titles.get(name, name.replace("_", " ").capitalize())
            found.append(FieldDifference(name, title, shown(mine), shown(theirs)))
    if kind is RecordKind.INCIDENT and row.status_history:
        mine_history, theirs_history = history_text(stored.status_history), history_text(row.status_history)
        if [c.fact for c in stored.status_history] != [c.fact for c in row.status_history]:
            found.append(FieldDifference("status_history", "Legal history", mine_history, theirs_history))
    return tuple(found)
