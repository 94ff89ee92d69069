"""Dates as people type them: ISO, compact, the locale's short form, month names, partial dates and ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from desktop.domain.date_words import (
    MONTH_NAMES,
    Unreadable,
    clock,
    expand_year,
    month_number,
    weekday_number,
)
from desktop.domain.enums import DatePrecision, TimeOfDay
from desktop.domain.values import PartialDate, last_day

__all__ = ["DateReading", "examples", "interpret_date", "read_date", "read_day", "read_moment", "spoken"]


def examples(*, month_first: bool = True) -> str:
    """The forms to show someone who typed something else."""
    short = "7/13/2019" if month_first else "13/7/2019"
    return (
        f"2019-07-13, 20190713, {short}, 13 July 2019, 2019-07-13 04:00, August 2019, 2019, "
        "late August 2019, about 2019-08, 2019-08-20 to 2019-08-31"
    )


@dataclass(frozen=True, slots=True)
class DateReading:
    """What a typed date was read as, and `notes` on any part that was not taken literally
    ("'19' read as 2019")."""

    value: PartialDate
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Parts:
    """One side of a date as typed: whatever of year, month, day and time it gave."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    at: time | None = None
    weekday: int | None = None
    qualifier: str | None = None  # early, mid or late
    approximate: bool = False
    notes: tuple[str, ...] = ()


_ABOUT = re.compile(r"^(?:(?:about|around|approximately|approx\.?|circa|ca\.|c\.|roughly)\s+|~\s*)")
_QUALIFIER = re.compile(r"^(early|mid|late)(?:\s*-\s*|\s+)(?:in\s+)?")
_WEEKDAY = re.compile(r"^([a-z]+)\.?,?\s+")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:[t ]?(\d{2}):?(\d{2})(?::?(\d{2}))?)?$")
_TIME = re.compile(
    r"^(?P<body>.*?\S)(?:\s*,?\s*(?:at\s+)?|t)"
    r"(?<!\d)(?P<h>\d{1,2})(?::(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.(?P<f>\d{1,6}))?)?)?\s*(?P<ampm>[ap]\.?m\.?)?$"
)
_YEAR_FIRST = re.compile(r"^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$")
_NUMERIC = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_BAND_LEAD = re.compile(r"(?:\s|,)+(?:in\s+the|during\s+the|at)$")
_RANGE_WORDS = re.compile(r"\s+(?:to|until|till|through|thru|and)\s+|\s*[–—]\s*|\s+-\s+")
_BETWEEN = re.compile(r"^(?:between|from)\s+")
_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def read_date(text: str, *, month_first: bool = True, today: date | None = None) -> PartialDate:
    """Read a date as typed: everything `PartialDate.parse` reads, and 20190713 (with a time: 20190713 0400,
    20190713T0400), the locale's short form (7/13/2019 when `month_first`, else 13/7/2019; 13.07.2019 is
    always day first; a two-digit year is the one nearest to `today`), month names (13 July 2019,
    July 13, 2019, Jul 2019, Sat 13 July 2019), early/mid/late August 2019 (1–10, 11–20, 21–end), early/mid/
    late 2019 (January–April, May–August, September–December), about … or ~…, ranges "A to B", "A – B",
    "A/B", "between A and B", "13–20 July 2019", and a trailing band of the day (early morning).
    Raises ValueError saying what was not understood."""
    return interpret_date(text, month_first=month_first, today=today).value


def interpret_date(text: str, *, month_first: bool = True, today: date | None = None) -> DateReading:
    """`read_date` with notes on what was not taken literally (a two-digit year)."""
    try:
        return DateReading(PartialDate.parse(text))
    except ValueError:
        pass
    typed = " ".join(text.split())
    context = _Context(typed, month_first, today or date.today())
    try:
        return context.read()
    except Unreadable as problem:
        raise ValueError(f"{typed!r}: {problem}") from None


def read_day(text: str, *, month_first: bool = True, today: date | None = None) -> date | None:
    """Read one day (None for nothing typed); a month, a year, a range, a time or "about" is refused saying so."""
    value = read_date(text, month_first=month_first, today=today)
    if not value.is_known:
        return None
    typed = " ".join(text.split())
    if value.precision is DatePrecision.EXACT:
        raise ValueError(f"{typed!r}: this field takes the day without a time, e.g. 2019-07-13")
    _refuse_vague(typed, value)
    assert value.on is not None
    return value.on


def read_moment(text: str, *, month_first: bool = True, today: date | None = None) -> PartialDate:
    """Read a day or a day with its time (unknown for nothing typed): what a date-time field takes."""
    value = read_date(text, month_first=month_first, today=today)
    if value.is_known and value.precision is not DatePrecision.EXACT:
        _refuse_vague(" ".join(text.split()), value)
    return value


def _refuse_vague(typed: str, value: PartialDate) -> None:
    need = "this field needs one day, e.g. 2019-07-13"
    if value.precision is DatePrecision.MONTH:
        raise ValueError(f"{typed!r} is only a month; {need}")
    if value.precision is DatePrecision.YEAR:
        raise ValueError(f"{typed!r} is only a year; {need}")
    if value.precision is DatePrecision.RANGE:
        raise ValueError(f"{typed!r} is a range of days; {need}")
    if value.approximate:
        raise ValueError(f"{typed!r} is approximate; {need}, without 'about'")
    if value.time_of_day is not None:
        raise ValueError(f"{typed!r} has a band of the day; {need}")


@dataclass(frozen=True, slots=True)
class _Context:
    typed: str
    month_first: bool
    today: date

    def read(self) -> DateReading:
        if self.typed.casefold() in ("", "date unknown", "not known"):
            return DateReading(PartialDate())
        body, band = _split_band(self.typed.casefold())
        approximate = False
        if about := _ABOUT.match(body):
            approximate, body = True, body[about.end() :]
        if body.endswith("~"):
            approximate, body = True, body[:-1].rstrip()
        value, notes = self._whole(body)
        value = replace(value, approximate=approximate or value.approximate, time_of_day=band)
        if problems := value.problems():
            raise Unreadable(problems[0])
        return DateReading(value, notes)

    def _whole(self, body: str) -> tuple[PartialDate, tuple[str, ...]]:
        """One date, else a range split at a word or dash, else at a / or - both of whose sides are dates."""
        body = _BETWEEN.sub("", body)
        try:
            parts = self._side(body)
        except Unreadable as problem:
            first_problem = problem
        else:
            return self._single(parts), parts.notes
        if match := _RANGE_WORDS.search(body):
            return self._range(body[: match.start()], body[match.end() :])
        readings: dict[PartialDate, tuple[str, ...]] = {}
        named = any(month_number(word) is not None for word in re.split(r"[\s,.\d/-]+", body) if word)
        for found in re.finditer(r"[/-]", body):
            try:
                # 13-20 July 2019 takes the month from the other side; 13/7/2019 is no range of 13 and 7/2019
                value, notes = self._range(body[: found.start()], body[found.end() :], complete=named)
            except Unreadable:
                continue
            readings.setdefault(value, notes)
        if len(readings) == 1:
            return next(iter(readings.items()))
        if len(readings) > 1:
            raise Unreadable("can be read as more than one range; write it as 2019-08-20 to 2019-08-31")
        raise first_problem

    def _single(self, parts: _Parts) -> PartialDate:
        first, last, precision = self._bounds(parts)
        if parts.at is not None:
            return PartialDate(DatePrecision.EXACT, first, parts.at, approximate=parts.approximate)
        if precision is DatePrecision.RANGE:  # early/mid/late: their edges are not sharp, so about
            return PartialDate(precision, first, until=last, approximate=True)
        return PartialDate(precision, first, approximate=parts.approximate)

    def _range(self, left_text: str, right_text: str, *, complete: bool = True) -> tuple[PartialDate, tuple[str, ...]]:
        left, right = self._side(left_text), self._side(right_text)
        if not complete and None in (left.year, right.year):
            raise Unreadable("each end of a range needs its year")
        if left.at is not None or right.at is not None:
            raise Unreadable("a range is of days, months or years, without a time of day")
        left, right = _complete(left, right), _complete(right, left)
        first, _, _ = self._bounds(left)
        _, last, _ = self._bounds(right)
        if last < first:
            raise Unreadable(f"the range ends ({_day_words(last)}) before it starts ({_day_words(first)})")
        value = PartialDate(DatePrecision.RANGE, first, until=last, approximate=left.approximate or right.approximate)
        return value, left.notes + right.notes

    def _bounds(self, parts: _Parts) -> tuple[date, date, DatePrecision]:
        """The first and last day of `parts` and how precisely it is known."""
        if parts.year is None:
            raise Unreadable("which year? e.g. 13 July 2019")
        if parts.day is not None and parts.month is None:
            raise Unreadable("which month? e.g. 13 July 2019")
        if parts.month is not None and not 1 <= parts.month <= 12:
            raise Unreadable(f"there is no month {parts.month}")
        if parts.year < 1:
            raise Unreadable("there is no year 0")
        if parts.day is not None:
            assert parts.month is not None
            first = _real_day(parts.year, parts.month, parts.day)
            if parts.weekday is not None and first.weekday() != parts.weekday:
                actual, typed = _WEEKDAY_NAMES[first.weekday()], _WEEKDAY_NAMES[parts.weekday]
                raise Unreadable(f"{_day_words(first)} is a {actual}, not a {typed}")
            if parts.qualifier:
                raise Unreadable(f"{parts.qualifier} goes with a month or a year (late August 2019), not a day")
            return first, first, DatePrecision.DAY
        if parts.weekday is not None:
            raise Unreadable("a weekday goes with a day")
        if parts.month is not None:
            first = date(parts.year, parts.month, 1)
            if parts.qualifier:
                start, end = _THIRDS[parts.qualifier]
                month_end = last_day(first, DatePrecision.MONTH)
                last = month_end if parts.qualifier == "late" else first.replace(day=end)
                return first.replace(day=start), last, DatePrecision.RANGE
            return first, last_day(first, DatePrecision.MONTH), DatePrecision.MONTH
        first = date(parts.year, 1, 1)
        if parts.qualifier:
            start, end = _YEAR_THIRDS[parts.qualifier]
            last = last_day(date(parts.year, end, 1), DatePrecision.MONTH)
            return date(parts.year, start, 1), last, DatePrecision.RANGE
        return first, date(parts.year, 12, 31), DatePrecision.YEAR

    def _side(self, text: str) -> _Parts:
        """Read one date, possibly lacking its year or month (which a range's other side may give)."""
        text = text.strip(" ,")
        if not text:
            raise Unreadable("nothing where a date should be")
        approximate = False
        if about := _ABOUT.match(text):
            approximate, text = True, text[about.end() :]
        if text.endswith("~"):
            approximate, text = True, text[:-1].rstrip()
        qualifier = None
        if found := _QUALIFIER.match(text):
            qualifier, text = found[1], text[found.end() :]
        weekday = None
        if (found := _WEEKDAY.match(text)) and (number := weekday_number(found[1])) is not None:
            weekday, text = number, text[found.end() :]
        parts = self._body(text)
        return replace(parts, weekday=weekday, qualifier=qualifier, approximate=approximate)

    def _body(self, text: str) -> _Parts:
        if match := _COMPACT.match(text):
            year, month, day = int(match[1]), int(match[2]), int(match[3])
            at = clock(match[4], match[5], match[6], None, None) if match[4] else None
            return _Parts(year, month, day, at)
        at = None
        if (match := _TIME.match(text)) and (match["m"] or match["ampm"]):
            at = clock(match["h"], match["m"], match["s"], match["f"], match["ampm"])
            text = match["body"].rstrip(" ,")
        return replace(self._day_part(text), at=at)

    def _day_part(self, text: str) -> _Parts:
        if match := _YEAR_FIRST.match(text):
            return _Parts(int(match[1]), _int(match[3]), _int(match[4]))
        if match := _MONTH_YEAR.match(text):
            return _Parts(int(match[2]), int(match[1]))
        if match := _NUMERIC.match(text):
            return self._numeric(text, match)
        return self._words(text)

    def _numeric(self, text: str, match: re.Match[str]) -> _Parts:
        a, b = int(match[1]), int(match[3])
        day_first = match[2] == "." or not self.month_first
        year, notes = self._year(match[4])
        month, day = (b, a) if day_first else (a, b)
        if month > 12 and day <= 12:
            order = "day/month/year" if day_first else "month/day/year"
            sep = match[2]
            turned = f"{match[3]}{sep}{match[1]}" + (f"{sep}{match[4]}" if match[4] else "")
            setting = "dates with dots are" if sep == "." else "this computer's setting reads dates as"
            raise Unreadable(f"there is no month {month}: {setting} {order}; did you mean {turned}?")
        return _Parts(year, month, day, notes=notes)

    def _year(self, digits: str | None) -> tuple[int | None, tuple[str, ...]]:
        if digits is None:
            return None, ()
        if len(digits) == 4:
            return int(digits), ()
        year = expand_year(int(digits), self.today)
        return year, (f"'{digits}' read as {year}",)

    def _words(self, text: str) -> _Parts:
        tokens = [t for t in re.split(r"[\s,]+", text) if t and t not in ("the", "of")]
        shape, values, notes = "", list[int](), list[str]()
        for token in tokens:
            if (month := month_number(token)) is not None:
                shape, value = shape + "M", month
            elif token.isdigit() and len(token) == 4:
                shape, value = shape + "Y", int(token)
            elif re.fullmatch(r"['’]\d{2}", token):
                year, note = self._year(token[1:])
                assert year is not None
                shape, value = shape + "Y", year
                notes.extend(note)
            elif (found := _ORDINAL.match(token)) or (token.isdigit() and len(token) <= 2):
                shape, value = shape + "D", int(found[1] if found else token)
            else:
                what = "not" if token == text else f"{token!r} is not part of"
                raise Unreadable(f"{what} a date; type e.g. {examples(month_first=self.month_first)}")
            values.append(value)
        found_parts = dict(zip(shape, values, strict=True)) if len(set(shape)) == len(shape) else None
        if found_parts is None or shape not in _WORD_SHAPES:
            raise Unreadable(f"not a date; type e.g. {examples(month_first=self.month_first)}")
        return _Parts(found_parts.get("Y"), found_parts.get("M"), found_parts.get("D"), notes=tuple(notes))


_WORD_SHAPES = {"DMY", "MDY", "YMD", "MY", "YM", "DM", "MD", "M", "D", "DY"}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _int(digits: str | None) -> int | None:
    return int(digits) if digits is not None else None


def _real_day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise Unreadable(f"{MONTH_NAMES[month - 1]} {year} has no day {day}") from None


def _complete(side: _Parts, other: _Parts) -> _Parts:
    """Take the month and year a side of a range leaves out from its other side (13–20 July 2019)."""
    month = side.month if side.month is not None or side.day is None else other.month
    year = side.year if side.year is not None else other.year
    return replace(side, month=month, year=year)


def _split_band(text: str) -> tuple[str, TimeOfDay | None]:
    """Split a trailing band of the day ("…, early morning", "… in the evening") off `text`."""
    for band in sorted(TimeOfDay, key=lambda b: -len(b.label)):
        for name in (band.label.casefold(), band.value):
            if text.endswith(name) and len(text) > len(name) and not text[-len(name) - 1].isalnum():
                body = text[: -len(name)].rstrip()
                body = _BAND_LEAD.sub("", body).rstrip(" ,;")
                return body, band
    return text, None


def _day_words(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def spoken(value: PartialDate) -> str:
    """The date for people, with its weekday: "Sat 13 July 2019", "Sat 13 July 2019, 04:00",
    "August 2019 (only the month is known)", "20 to 31 August 2019", "about 2019 (only the year is known)"."""
    if not value.is_known or value.on is None:
        return "Date unknown"
    on = value.on
    if value.precision is DatePrecision.RANGE and value.until is not None:
        text = _range_words(on, value.until) + " (somewhere in this range)"
    elif value.precision is DatePrecision.YEAR:
        text = f"{on.year} (only the year is known)"
    elif value.precision is DatePrecision.MONTH:
        text = f"{MONTH_NAMES[on.month - 1]} {on.year} (only the month is known)"
    else:
        text = f"{_WEEKDAY_NAMES[on.weekday()][:3]} {_day_words(on)}"
        if value.at is not None:
            exact = value.at.second or value.at.microsecond
            text += f", {value.at.isoformat(timespec='auto' if exact else 'minutes')}"
    if value.time_of_day is not None:
        text += f", {value.time_of_day.label.lower()} ({value.time_of_day.hours})"
    return f"about {text}" if value.approximate else text


def _range_words(first: date, last: date) -> str:
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} to {_day_words(last)}"
    if first.year == last.year:
        return f"{first.day} {MONTH_NAMES[first.month - 1]} to {_day_words(last)}"
    return f"{_day_words(first)} to {_day_words(last)}"


def moment(value: PartialDate) -> datetime | None:
    """A day or exact time as a datetime (a day at midnight); None when unknown."""
    if not value.is_known or value.on is None:
        return None
    return datetime.combine(value.on, value.at or time())
