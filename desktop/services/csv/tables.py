"""The tables an export for people writes: typed rows of either profile, the legal history table, the README."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desktop.domain.kinds import RecordKind
from desktop.domain.queries import FacilityFilter, Page
from desktop.persistence.unit_of_work import UnitOfWork
from desktop.services.csv.format import MASK, Column, Kind, field_value, render
from desktop.services.csv.legal_history import HISTORY_COLUMNS, history_rows
from desktop.services.csv.sheet import Cell, Places, Profile, SheetColumn

_TYPED = (Kind.INT, Kind.FLOAT, Kind.DATE, Kind.DATETIME)


def places(uow: UnitOfWork) -> dict[str, tuple[str, str]]:
    """City and state of every facility, by uuid (the spreadsheet profile shows them beside the facility)."""
    found: dict[str, tuple[str, str]] = {}
    offset = 0
    while facilities := uow.facilities.page(FacilityFilter(), Page(offset=offset, limit=1000, sort="name")):
        found.update((f.uuid, (f.city, f.state)) for f in facilities)
        offset += len(facilities)
    return found


class Masked(str):
    """The redaction mask in place of a value (written as it is: never marked as a formula or escaped)."""


MASKED = Masked(MASK)


def _masked(value: Cell) -> Cell:
    return MASKED if value not in (None, "") else value


@dataclass
class Layout:
    """The columns of one export (either profile) and how a record becomes typed cells; `history`: whether the
    legal history is written as its own table (spreadsheet profile, incidents)."""

    entity: RecordKind
    profile: Profile
    round_trip: tuple[Column, ...] = ()
    sheet: tuple[SheetColumn, ...] = ()
    mask: bool = False
    places: Places | None = None

    @property
    def history(self) -> bool:
        return any(c.companion for c in self.sheet)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in (self.sheet if self.profile is Profile.SPREADSHEET else self.round_trip))

    @property
    def headers(self) -> list[str]:
        if self.profile is Profile.SPREADSHEET:
            return [c.header for c in self.sheet if not c.companion]
        return [c.key for c in self.round_trip]

    def row(self, record: Any) -> list[Cell]:
        if self.profile is Profile.SPREADSHEET:
            at = self.places or {}
            return [_masked(c.value(record, at)) if self.mask and c.sensitive else c.value(record, at)
                    for c in self.sheet if not c.companion]  # fmt: skip
        return [self._round_trip_cell(c, record) for c in self.round_trip]

    def _round_trip_cell(self, column: Column, record: Any) -> Cell:
        if column.kind in _TYPED:
            value: Cell = field_value(record, column.field)
        else:
            value = render(column, record)
        return _masked(value) if self.mask and column.sensitive else value

    def history_rows(self, record: Any) -> Iterator[list[Cell]]:
        return history_rows(record) if self.history else iter(())


def cell_type(value: Cell) -> str:
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    return "number" if isinstance(value, int | float) else "text"


_ABOUT: dict[str, str] = {
    "occurred": "when it happened, as a date (or date and time) - only when known to the day; else empty",
    "occurred_as_known": "when it happened, when not known to the day: a month, a year, a range or about "
    "(late August 2019, about 20 to 31 August 2019, August 2019 (only the month is known)); "
    "empty when Occurred holds the date",
    "city": "the facility's city (for reading; not imported)",
    "state": "the facility's state (for reading; not imported)",
    "weapons": "weapon types with an optional detail: Firearms: rifle; Incendiary: Molotov cocktail",
    "completed": "Completed or Attempted",
    "uuid": "the record's identifier; keep it to update this record when the file is imported back",
    "created_at": "when the record was created (UTC)",
    "updated_at": "when the record was last changed (UTC); an imported row replaces a stored record only "
    "when this is newer",
    "created_by": "the user who created the record (empty: not known; not imported: the importer's user is)",
    "updated_by": "the user who last changed the record (empty: not known; not imported)",
    "related_uuids": "identifiers of related incidents, separated by ;",
    "facility_uuid": "the facility's identifier",
    "status_history": "the legal history: its own table, one row per entry",
}


def _describe_sheet(column: SheetColumn, source: Column | None) -> str:
    if column.key in _ABOUT:
        return _ABOUT[column.key]
    if source is not None and source.enum is not None:
        several = "one or more, separated by ;, of" if source.kind is Kind.CODES else "one of"
        return f"{several}: " + ", ".join(m.label for m in source.enum)
    if source is not None and source.kind is Kind.INT:
        return "a whole number; empty when unknown, 0 for none"
    if source is not None and source.kind is Kind.FLOAT:
        return "a number"
    if source is not None and source.kind in (Kind.DATE, Kind.DATETIME):
        return "a date" if source.kind is Kind.DATE else "a date and time (UTC)"
    extra = " (not imported)" if source is not None and not source.imported else ""
    return "text" + extra + (", sensitive" if column.sensitive else "")


def readme(layout: Layout, tables: Sequence[tuple[str, str]], columns: Sequence[Column]) -> list[str]:
    """The README: what each file or sheet (`tables`: name, what it holds) is and what every column means."""
    by_key = {c.key: c for c in columns}
    lines = [f"Incident Logger export: {layout.entity.plural}", ""]
    lines += [f"{name}: {what}" for name, what in tables]
    lines += ["", f"{layout.entity.heading_plural} - one row per record:", ""]
    if layout.profile is Profile.SPREADSHEET:
        for column in layout.sheet:
            if not column.companion:
                lines.append(f"  {column.header}: {_describe_sheet(column, by_key.get(column.key))}")
        if layout.history:
            lines += ["", "Legal history - one row per entry, in the order recorded:", ""]
            lines += [f"  {c.header}: {c.about}" for c in HISTORY_COLUMNS]
        lines += ["", "Import reads these files back: choose the incidents file (or this ZIP file) in "
                  "File > Import CSV; the legal history file beside it is read with it.",
                  "A cell that starts with ' followed by = + - or @ has that apostrophe only so that a spreadsheet "
                  "does not run it as a formula; import removes it."]  # fmt: skip
    else:
        for kept in layout.round_trip:
            lines.append(f"  {kept.key} ({kept.title}): {kept.kind.value}" + (
                ", sensitive" if kept.sensitive else ""))  # fmt: skip
        lines += ["", "This is the round-trip layout: codes and labels, dates in EDTF, the legal history packed "
                  "into one cell; the user guide's 'Files and backups' describes every format."]  # fmt: skip
    return lines
