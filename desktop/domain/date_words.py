"""The words and numbers of typed dates: month and weekday names, clock times, two-digit years."""

from __future__ import annotations

from datetime import date, time

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT_WEEKDAYS = {"tues": 1, "thur": 3, "thurs": 3}


class Unreadable(ValueError):
    """A part of a typed date that cannot be read; the message says which and why."""


def month_number(word: str) -> int | None:
    """1–12 for a month's name or its abbreviation (jan, sept, aug.), else None."""
    word = word.casefold().rstrip(".")
    if len(word) < 3:
        return None
    if word == "sept":
        return 9
    for number, name in enumerate(MONTH_NAMES, start=1):
        if name.casefold().startswith(word):
            return number
    return None


def weekday_number(word: str) -> int | None:
    """0 (Monday) to 6 for a weekday's name or abbreviation (sat, tues), else None."""
    word = word.casefold().rstrip(".")
    if word in _SHORT_WEEKDAYS:
        return _SHORT_WEEKDAYS[word]
    if len(word) < 3:
        return None
    for number, name in enumerate(_WEEKDAYS):
        if name.startswith(word):
            return number
    return None


def expand_year(two_digits: int, today: date) -> int:
    """The year ending in `two_digits` nearest to today's (19 in 2025 is 2019, 80 is 1980; a tie goes back)."""
    century = today.year - today.year % 100
    candidates = (century - 100 + two_digits, century + two_digits, century + 100 + two_digits)
    return min(candidates, key=lambda year: (abs(year - today.year), year))


def clock(hours: str, minutes: str | None, seconds: str | None, fraction: str | None, ampm: str | None) -> time:
    """A time of day from its typed parts (4:00, 04:00:59.25, 4 pm, 12 am); Unreadable when it is not one."""
    hour, minute, second = int(hours), int(minutes or 0), int(seconds or 0)
    micro = int((fraction or "0").ljust(6, "0"))
    if ampm is not None:
        if not 1 <= hour <= 12:
            raise Unreadable(f"{hours} {ampm} is not a time; with am or pm the hour is 1 to 12")
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise Unreadable(f"{hours}:{minutes or '00'} is not a time of day (00:00 to 23:59)")
    return time(hour, minute, second, micro)
