"""Value objects: partial dates, weapons and status changes."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time

from desktop.domain.enums import CaseStatus, DatePrecision, TimeOfDay, WeaponType

_KNOWN = {
    DatePrecision.EXACT: "date and time known",
    DatePrecision.DAY: "day known, time unknown",
    DatePrecision.MONTH: "only the month is known",
    DatePrecision.YEAR: "only the year is known",
    DatePrecision.RANGE: "somewhere in this range",
}
_PARTIAL_DATE = re.compile(
    r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?))?)?)?$"
)
_ABOUT = re.compile(r"^(?:about|around|approximately|approx\.?|circa|ca\.|c\.)\s+", re.IGNORECASE)
_FORMS = "2019, 2019-08, 2019-08-25, 2019-08-25{sep}04:00, 2019-08~ (about), 2019-08-20/2019-08-31 (a range)"


def _clock_text(at: time) -> str:
    """04:00, 04:00:59 or 04:00:59.250000: the seconds and their fraction only when not 0."""
    if at.microsecond:
        return at.isoformat()
    return at.strftime("%H:%M" if at.second == 0 else "%H:%M:%S")


def last_day(day: date, precision: DatePrecision) -> date:
    """The last day of the period `day` starts when only `precision` of it is known."""
    if precision is DatePrecision.YEAR:
        return date(day.year, 12, 31)
    if precision is DatePrecision.MONTH:
        return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
    return day


# The names of the bands of the day, longest label first (the label, then the code, of each band), and the last
# letters they can end with: a text ending with any other character names no band.
_BANDS = tuple((name, band) for band in sorted(TimeOfDay, key=lambda b: -len(b.label))
               for name in (band.label.casefold(), band.value))  # fmt: skip
_BAND_ENDINGS = frozenset(name[-1] for name, _ in _BANDS)


def _time_of_day(text: str) -> tuple[str, TimeOfDay | None]:
    """Split a trailing band of the day ("2019-08-25 early morning", "…, night") off `text`."""
    folded = text.casefold()
    if folded[-1:] not in _BAND_ENDINGS:
        return text, None
    for name, band in _BANDS:
        if folded.endswith(name) and (len(folded) == len(name) or not folded[-len(name) - 1].isalnum()):
            return text[: -len(name)].rstrip(" ,;"), band
    return text, None


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as it is really known: exact time, day, month, year or a range of days, possibly
    approximate ("about"), a day possibly with a band of the day (night, early morning…).

    `on` is the first day of the known period (1 July for "2019-07"), which keeps such dates sortable;
    `until` the last day of a RANGE; `at` the time of day when the precision is EXACT. The text form
    (`iso`) is EDTF (ISO 8601-2 level 1): 2019-08, 2019-08~, 2019-08-20/2019-08-31.
    """

    precision: DatePrecision = DatePrecision.UNKNOWN
    on: date | None = None
    at: time | None = None
    until: date | None = None
    approximate: bool = False
    time_of_day: TimeOfDay | None = None

    @classmethod
    def unknown(cls) -> PartialDate:
        return cls()

    @classmethod
    def of_day(cls, day: date) -> PartialDate:
        return cls(DatePrecision.DAY, day)

    @classmethod
    def parse(cls, text: str, *, separator: str = "T") -> PartialDate:
        """Parse "", "unknown", "2019", "2019-07", "2019-07-13" or "2019-07-13T04:00" (a space may stand for
        the T; seconds and their fraction are kept), "2019-08~" or "about 2019-08" (approximate),
        "2019-08-20/2019-08-31" (a range; its ends may be months or years: 2019-08/2019-09), and a day
        followed by a band of the day ("2019-08-25 early morning"). `separator` is the one messages show."""
        text = text.strip()
        if text == "" or text.casefold() == "unknown":
            return cls()
        body, band = _time_of_day(text)
        about = _ABOUT.match(body)
        approximate = about is not None or body.endswith("~")
        body = body[about.end() :] if about else body
        body = body.removesuffix("~").strip()
        result = cls._range(text, body, separator) if "/" in body else cls._single(text, body, separator)
        if not approximate and band is None and result.precision is not DatePrecision.RANGE:
            return result  # a day, month, year or exact time as _single read it is consistent: nothing to check
        result = cls(result.precision, result.on, result.at, result.until, approximate, band)
        if problems := result.problems():
            raise ValueError(f"{text!r}: {problems[0]}")
        return result

    @classmethod
    def _single(cls, text: str, body: str, separator: str) -> PartialDate:
        match = _PARTIAL_DATE.match(body)
        if match is None:
            raise ValueError(f"{text!r} is not a date like " + _FORMS.format(sep=separator))
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

    @classmethod
    def _range(cls, text: str, body: str, separator: str) -> PartialDate:
        first, _, last = (part.removesuffix("~").strip() for part in body.partition("/"))
        start, end = cls._single(text, first, separator), cls._single(text, last, separator)
        if DatePrecision.EXACT in (start.precision, end.precision):
            raise ValueError(f"{text!r}: a range is of days, months or years, without a time of day")
        assert start.on is not None and end.on is not None
        return cls(DatePrecision.RANGE, start.on, until=last_day(end.on, end.precision))

    @property
    def is_known(self) -> bool:
        return self.on is not None and self.precision is not DatePrecision.UNKNOWN

    @property
    def end(self) -> date | None:
        """The last day the date may be (the first, `on`, for a day or an exact time)."""
        if not self.is_known or self.on is None:
            return None
        if self.precision is DatePrecision.RANGE:
            return self.until
        return last_day(self.on, self.precision)

    def wholly_within(self, first: date | None, last: date | None) -> bool:
        """Whether the whole date lies in [first, last] (an approximate date never does: it may lie outside)."""
        if not self.is_known or self.approximate:
            return False
        end = self.end
        return (first is None or (self.on is not None and self.on >= first)) and (
            last is None or (end is not None and end <= last)
        )

    def overlaps(self, first: date | None, last: date | None) -> bool:
        """Whether the date may lie in [first, last]."""
        if not self.is_known:
            return first is None and last is None
        end = self.end
        return (first is None or (end is not None and end >= first)) and (
            last is None or (self.on is not None and self.on <= last)
        )

    def iso(self, separator: str = "T") -> str:
        """The date in EDTF: "", "2019", "2019-07", "2019-07-13", "2019-07-13T04:00" (seconds only when they
        are not 0), "2019-08~" (about), "2019-08-20/2019-08-31"; CSV files put a space before the time:
        `iso(" ")`. The band of the day is not part of it (see `text`)."""
        if self.on is None or self.precision is DatePrecision.UNKNOWN:
            return ""
        if self.precision is DatePrecision.RANGE and self.until is not None:
            mark = "~" if self.approximate else ""
            return f"{self.on.isoformat()}{mark}/{self.until.isoformat()}{mark}"
        if self.precision is DatePrecision.YEAR:
            text = f"{self.on.year:04d}"
        elif self.precision is DatePrecision.MONTH:
            text = f"{self.on.year:04d}-{self.on.month:02d}"
        elif self.precision is DatePrecision.EXACT and self.at is not None:
            text = f"{self.on.isoformat()}{separator}{_clock_text(self.at)}"
        else:
            text = self.on.isoformat()
        return text + ("~" if self.approximate else "")

    def text(self) -> str:
        """What `parse` reads back: the EDTF date and the band of the day ("2019-08-25 early morning")."""
        base = self.iso(" ")
        return f"{base} {self.time_of_day.label.lower()}" if self.time_of_day and base else base

    def __str__(self) -> str:
        return self.iso()

    def label(self) -> str:
        """For people: "2019-07-13 04:00", "2019-07", "about 2019-08-25", "2019-08-20 to 2019-08-31",
        "2019-08-25, early morning" or "unknown"."""
        if not self.is_known:
            return "unknown"
        if self.precision is DatePrecision.RANGE and self.on is not None and self.until is not None:
            core = f"{self.on.isoformat()} to {self.until.isoformat()}"
        else:
            core = self.iso(" ")  # (an approximate one ends with its "~": left out here, said in words below)
            core = core[:-1] if self.approximate else core
        core = f"about {core}" if self.approximate else core
        return f"{core}, {self.time_of_day.label.lower()}" if self.time_of_day else core

    def describe(self) -> str:
        """The label with how much of the date is known: "2019-07 (only the month is known)"."""
        if not self.is_known:
            return "Date unknown"
        known = _KNOWN[self.precision]
        if self.time_of_day:
            known = f"{known}; {self.time_of_day.label.lower()}, {self.time_of_day.hours}"
        return f"{self.label()} ({known})"

    def problems(self) -> list[str]:
        """Why this combination of parts is inconsistent (empty when it is fine)."""
        if self.precision is DatePrecision.UNKNOWN:
            fine = self.on is None and self.at is None and self.until is None
            fine = fine and not self.approximate and self.time_of_day is None
            return [] if fine else ["unknown date must not carry a day, time, range or band"]
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
        if (self.precision is DatePrecision.RANGE) != (self.until is not None):
            return ["a range needs its last day (and only a range has one)"]
        if self.until is not None and self.until < self.on:
            return [f"the range ends ({self.until.isoformat()}) before it starts ({self.on.isoformat()})"]
        if self.approximate and self.precision is DatePrecision.EXACT:
            return ["an exact time is not approximate; give the day or a band of the day"]
        if self.time_of_day is not None and self.precision is not DatePrecision.DAY:
            return ["a band of the day (night, morning…) needs the day"]
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
    """One entry of an incident's legal history: a status reached on a date (as precisely as it is known),
    by which agency (DOJ, a U.S. Attorney's Office, a state prosecutor), under which reference (a court
    case number), with which charges."""

    status: CaseStatus
    changed: PartialDate
    note: str = ""
    recorded_at: datetime | None = None
    agency: str = ""
    reference: str = ""
    charges: str = ""

    @classmethod
    def on_day(
        cls, status: CaseStatus, day: date, note: str = "", *, agency: str = "", reference: str = "", charges: str = ""
    ) -> StatusChange:
        """An entry known to the day."""
        return cls(status, PartialDate.of_day(day), note, agency=agency, reference=reference, charges=charges)

    @property
    def changed_on(self) -> date:
        """The first day the entry may be on (its sort key); an entry's date is always known."""
        assert self.changed.on is not None, "a legal history entry has a date"
        return self.changed.on

    def __str__(self) -> str:
        """One line for people and the audit trail: "referred for prosecution on 2019-09 (agency: DOJ; …)"."""
        details = [f"{name}: {value}" for name, value in (("agency", self.agency), ("reference", self.reference),
                   ("charges", self.charges), ("note", self.note)) if value]  # fmt: skip
        text = f"{self.status.label.lower()} on {self.changed.label()}"
        return f"{text} ({'; '.join(details)})" if details else text

    @property
    def fact(self) -> tuple[CaseStatus, str, str, str, str, str]:
        """What happened, without when it was recorded. Two histories with the same facts are the same
        history (undo compares them, saving one stores it only when it differs)."""
        return self.status, self.changed.text(), self.note, self.agency, self.reference, self.charges
