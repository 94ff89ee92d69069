"""Value objects: partial dates, weapons and status changes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from desktop.domain.enums import CaseStatus, DatePrecision, WeaponType

_KNOWN = {
    DatePrecision.EXACT: "date and time known",
    DatePrecision.DAY: "day known, time unknown",
    DatePrecision.MONTH: "only the month is known",
    DatePrecision.YEAR: "only the year is known",
}
_PARTIAL_DATE = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?))?)?)?$"
)


def _clock_text(at: time) -> str:
    """04:00, 04:00:59 or 04:00:59.250000: the seconds and their fraction only when not 0."""
    if at.microsecond:
        return at.isoformat()
    return at.strftime("%H:%M" if at.second == 0 else "%H:%M:%S")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date of which only the year, the month, the day or the exact time may be known.

    `on` is the first day of the known period (1 July for "2019-07"), which keeps such
    dates sortable; `at` is the time of day when the precision is EXACT.
    """

    precision: DatePrecision = DatePrecision.UNKNOWN
    on: date | None = None
    at: time | None = None

    @classmethod
    def unknown(cls) -> PartialDate:
        return cls()

    @classmethod
    def parse(cls, text: str, *, separator: str = "T") -> PartialDate:
        """Parse "", "unknown", "2019", "2019-07", "2019-07-13" or "2019-07-13T04:00" (a space may stand for
        the T; seconds and their fraction are kept). `separator` is the one the error message shows."""
        text = text.strip()
        if text == "" or text.casefold() == "unknown":
            return cls()
        match = _PARTIAL_DATE.match(text)
        if match is None:
            example = f"2019-07-13{separator}04:00"
            raise ValueError(f"{text!r} is not a date like 2019, 2019-07, 2019-07-13 or {example}")
        try:
            on = date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
            at = time.fromisoformat(match["time"]) if match["time"] else None
        except ValueError as error:
            raise ValueError(f"{text!r} is not a real date: {error}") from None
        if at is not None:
            return cls(DatePrecision.EXACT, on, at)
        if match["day"]:
            return cls(DatePrecision.DAY, on)
        return cls(DatePrecision.MONTH if match["month"] else DatePrecision.YEAR, on)

    @property
    def is_known(self) -> bool:
        return self.on is not None and self.precision is not DatePrecision.UNKNOWN

    def iso(self, separator: str = "T") -> str:
        """The known parts in ISO 8601: "", "2019", "2019-07", "2019-07-13" or "2019-07-13T04:00"
        (seconds only when they are not 0); CSV files put a space between date and time: `iso(" ")`."""
        if self.on is None or self.precision is DatePrecision.UNKNOWN:
            return ""
        if self.precision is DatePrecision.YEAR:
            return f"{self.on.year:04d}"
        if self.precision is DatePrecision.MONTH:
            return f"{self.on.year:04d}-{self.on.month:02d}"
        if self.precision is DatePrecision.EXACT and self.at is not None:
            return f"{self.on.isoformat()}{separator}{_clock_text(self.at)}"
        return self.on.isoformat()

    def __str__(self) -> str:
        return self.iso()

    def label(self) -> str:
        """For people: "2019-07-13 04:00", "2019-07-13", "2019-07", "2019" or "unknown"."""
        return self.iso(" ") if self.is_known else "unknown"

    def describe(self) -> str:
        """The label with how much of the date is known: "2019-07 (only the month is known)"."""
        if not self.is_known:
            return "Date unknown"
        return f"{self.label()} ({_KNOWN[self.precision]})"

    def problems(self) -> list[str]:
        """Why this combination of parts is inconsistent (empty when it is fine)."""
        if self.precision is DatePrecision.UNKNOWN:
            return [] if self.on is None and self.at is None else ["unknown date must not carry a day or time"]
        if self.on is None:
            return [f"precision {self.precision.label.lower()} needs a date"]
        if self.precision is DatePrecision.EXACT and self.at is None:
            return ["exact time needs a time of day"]
        if self.precision is not DatePrecision.EXACT and self.at is not None:
            return ["a time of day needs precision exact time"]
        if self.precision is DatePrecision.MONTH and self.on.day != 1:
            return ["month precision must point at the 1st of the month"]
        if self.precision is DatePrecision.YEAR and (self.on.month, self.on.day) != (1, 1):
            return ["year precision must point at 1 January"]
        return []


@dataclass(frozen=True, slots=True)
class Weapon:
    """A GTD weapon type with an optional free-text subtype (rifle, handgun, Molotov cocktail)."""

    type: WeaponType
    subtype: str = ""

    def __str__(self) -> str:
        return f"{self.type.label}: {self.subtype}" if self.subtype else self.type.label

    @classmethod
    def parse_list(cls, text: str) -> tuple[Weapon, ...]:
        """Parse "firearms: rifle; incendiary" (codes or labels) into weapons."""
        weapons = []
        for part in text.split(";"):
            if not part.strip():
                continue
            kind, _, subtype = part.partition(":")
            weapons.append(cls(WeaponType.parse(kind), subtype.strip()))
        return tuple(weapons)

    @staticmethod
    def format_list(weapons: tuple[Weapon, ...]) -> str:
        return "; ".join(str(w) for w in weapons)


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One step of an incident's legal lifecycle, with the day it happened."""

    status: CaseStatus
    changed_on: date
    note: str = ""
    recorded_at: datetime | None = None

    @property
    def fact(self) -> tuple[CaseStatus, date, str]:
        """What happened, without when it was recorded: (status, changed_on, note). Two histories with
        the same facts are the same history (undo compares them, saving one stores it only when it differs)."""
        return self.status, self.changed_on, self.note
