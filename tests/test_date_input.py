"""Typed dates: every form people type, read into PartialDate, and the messages for what cannot be read."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.date_input import interpret_date, read_date, read_day, read_moment, spoken
from desktop.domain.date_words import expand_year
from desktop.domain.enums import DatePrecision, TimeOfDay
from desktop.domain.values import PartialDate

TODAY = date(2025, 5, 1)
R = DatePrecision.RANGE


def day(y: int, m: int, d: int) -> PartialDate:
    return PartialDate.of_day(date(y, m, d))


def span(first: date, last: date, *, about: bool = False) -> PartialDate:
    return PartialDate(R, first, until=last, approximate=about)


days = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Every consistent PartialDate, ranges, "about" and bands of the day included."""
    precision = draw(st.sampled_from(DatePrecision))
    if precision is DatePrecision.UNKNOWN:
        return PartialDate()
    on = draw(days)
    about = draw(st.booleans())
    if precision is DatePrecision.EXACT:
        at = draw(st.times())
        return PartialDate(precision, on, at)
    if precision is DatePrecision.YEAR:
        return PartialDate(precision, on.replace(month=1, day=1), approximate=about)
    if precision is DatePrecision.MONTH:
        return PartialDate(precision, on.replace(day=1), approximate=about)
    if precision is DatePrecision.RANGE:
        length = draw(st.integers(min_value=0, max_value=800))
        until = min(on + timedelta(days=length), date(9999, 12, 31))
        return PartialDate(precision, on, until=until, approximate=about)
    band = draw(st.none() | st.sampled_from(TimeOfDay))
    return PartialDate(precision, on, approximate=about, time_of_day=band)


@given(partial_dates(), st.booleans())
def test_the_text_of_any_partial_date_reads_back_as_itself(value: PartialDate, month_first: bool) -> None:
    assert value.problems() == []
    assert read_date(value.text(), month_first=month_first) == value
    assert read_date(value.label(), month_first=month_first) == value


@given(partial_dates())
def test_what_the_preview_says_reads_back_as_the_same_date(value: PartialDate) -> None:
    said = spoken(value).split(" (")[0]  # without "(only the month is known)" and the band's hours
    assert read_date(said) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-07-13", day(2019, 7, 13)),
        ("2019-07-13 04:00", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4))),
        ("2019-7-3", day(2019, 7, 3)),
        ("2019/07/13", day(2019, 7, 13)),
        ("2019.07.13", day(2019, 7, 13)),
        ("20190713", day(2019, 7, 13)),
        ("20190713 0400", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4))),
        ("20190713T0400", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4))),
        ("20190713t040059", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0, 59))),
        ("201907130400", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4))),
        ("7/13/2019", day(2019, 7, 13)),
        ("07/13/2019", day(2019, 7, 13)),
        ("07/13/19", day(2019, 7, 13)),
        ("7-13-2019", day(2019, 7, 13)),
        ("13.07.2019", day(2019, 7, 13)),
        ("7/13/2019 4:00 pm", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(16))),
        ("7/13/2019 12 am", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(0))),
        ("7/2019", PartialDate(DatePrecision.MONTH, date(2019, 7, 1))),
        ("2019-08", PartialDate(DatePrecision.MONTH, date(2019, 8, 1))),
        ("2019/08", PartialDate(DatePrecision.MONTH, date(2019, 8, 1))),
        ("2019", PartialDate(DatePrecision.YEAR, date(2019, 1, 1))),
        ("13 July 2019", day(2019, 7, 13)),
        ("13 jul 2019", day(2019, 7, 13)),
        ("13th of July, 2019", day(2019, 7, 13)),
        ("July 13, 2019", day(2019, 7, 13)),
        ("JULY 13TH 2019", day(2019, 7, 13)),
        ("Sat 13 July 2019", day(2019, 7, 13)),
        ("Saturday, July 13, 2019", day(2019, 7, 13)),
        ("Sat 13 July 2019, 04:00", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4))),
        ("13 July 2019 at 04:00", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4))),
        ("2019 July 13", day(2019, 7, 13)),
        ("Jul 2019", PartialDate(DatePrecision.MONTH, date(2019, 7, 1))),
        ("August 2019", PartialDate(DatePrecision.MONTH, date(2019, 8, 1))),
        ("Sept. 2019", PartialDate(DatePrecision.MONTH, date(2019, 9, 1))),
        ("Jul '19", PartialDate(DatePrecision.MONTH, date(2019, 7, 1))),
        ("early August 2019", span(date(2019, 8, 1), date(2019, 8, 10), about=True)),
        ("mid-August 2019", span(date(2019, 8, 11), date(2019, 8, 20), about=True)),
        ("late August 2019", span(date(2019, 8, 21), date(2019, 8, 31), about=True)),
        ("late February 2020", span(date(2020, 2, 21), date(2020, 2, 29), about=True)),
        ("late in 2019-02", span(date(2019, 2, 21), date(2019, 2, 28), about=True)),
        ("early 2019", span(date(2019, 1, 1), date(2019, 4, 30), about=True)),
        ("mid 2019", span(date(2019, 5, 1), date(2019, 8, 31), about=True)),
        ("late 2019", span(date(2019, 9, 1), date(2019, 12, 31), about=True)),
        ("about August 2019", PartialDate(DatePrecision.MONTH, date(2019, 8, 1), approximate=True)),
        ("around 13 July 2019", PartialDate(DatePrecision.DAY, date(2019, 7, 13), approximate=True)),
        ("~2019", PartialDate(DatePrecision.YEAR, date(2019, 1, 1), approximate=True)),
        ("~ 7/13/2019", PartialDate(DatePrecision.DAY, date(2019, 7, 13), approximate=True)),
        ("about late August 2019", span(date(2019, 8, 21), date(2019, 8, 31), about=True)),
        ("2019-08-20 to 2019-08-31", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("2019-08-20 – 2019-08-31", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("2019-08-20—2019-08-31", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("2019-08-20 - 2019-08-31", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("2019-08-20/2019-08-31", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("2019-08-20-2019-08-31", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("8/20/2019 to 8/31/2019", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("8/20/2019-8/31/2019", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("20190820 to 20190831", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("20 to 31 August 2019", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("20–31 August 2019", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("August 20-31, 2019", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("20 August to 3 September 2019", span(date(2019, 8, 20), date(2019, 9, 3))),
        ("between 20 and 31 August 2019", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("from 2019-08-20 until 2019-08-31", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("August to September 2019", span(date(2019, 8, 1), date(2019, 9, 30))),
        ("2019-08/2019-09", span(date(2019, 8, 1), date(2019, 9, 30))),
        ("2019 to 2020", span(date(2019, 1, 1), date(2020, 12, 31))),
        ("mid August to early September 2019", span(date(2019, 8, 11), date(2019, 9, 10))),
        ("late August 2019 – 5/9/2019", None),  # month first: 9 May is before late August
        ("about 2019-08-20 to 2019-08-31", span(date(2019, 8, 20), date(2019, 8, 31), about=True)),
        (
            "2019-07-13 early morning",
            PartialDate(DatePrecision.DAY, date(2019, 7, 13), time_of_day=TimeOfDay.EARLY_MORNING),
        ),
        (
            "13 July 2019, in the evening",
            PartialDate(DatePrecision.DAY, date(2019, 7, 13), time_of_day=TimeOfDay.EVENING),
        ),
        ("7/13/2019 at night", PartialDate(DatePrecision.DAY, date(2019, 7, 13), time_of_day=TimeOfDay.NIGHT)),
        ("", PartialDate()),
        ("   ", PartialDate()),
        ("unknown", PartialDate()),
    ],
)
def test_read_date_reads_what_people_type(text: str, expected: PartialDate | None) -> None:
    if expected is None:
        with pytest.raises(ValueError, match="before it starts"):
            read_date(text, today=TODAY)
    else:
        assert read_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13/7/2019", day(2019, 7, 13)),
        ("13/07/19", day(2019, 7, 13)),
        ("13-7-2019", day(2019, 7, 13)),
        ("13.07.2019", day(2019, 7, 13)),
        ("20/8/2019 to 31/8/2019", span(date(2019, 8, 20), date(2019, 8, 31))),
        ("7/2019", PartialDate(DatePrecision.MONTH, date(2019, 7, 1))),
    ],
)
def test_day_first_locales_read_the_day_first(text: str, expected: PartialDate) -> None:
    assert read_date(text, month_first=False, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "month_first", "message"),
    [
        (
            "13/7/2019",
            True,
            "there is no month 13: this computer's setting reads dates as month/day/year; did you mean 7/13/2019",
        ),
        (
            "7/13/2019",
            False,
            "there is no month 13: this computer's setting reads dates as day/month/year; did you mean 13/7/2019",
        ),
        ("07.13.2019", True, "dates with dots are day/month/year; did you mean 13.07.2019"),
        ("31 June 2019", True, "June 2019 has no day 31"),
        ("2019-02-29", True, "February 2019 has no day 29"),
        ("2019-13", True, "there is no month 13"),
        ("Mon 13 July 2019", True, "13 July 2019 is a Saturday, not a Monday"),
        ("July", True, "which year"),
        ("13 July", True, "which year"),
        ("13 to 20", True, "which"),
        ("early 13 August 2019", True, "early goes with a month or a year"),
        ("13 July 2019 25:00", True, "25:00 is not a time of day"),
        ("13 July 2019 13 pm", True, "with am or pm the hour is 1 to 12"),
        ("2019-08-31 to 2019-08-01", True, r"the range ends \(1 August 2019\) before it starts \(31 August 2019\)"),
        ("2019-08-20 04:00 to 2019-08-31", True, "a range is of days, months or years, without a time of day"),
        ("2019-07-13 04:00 early morning", True, "a band of the day"),
        ("2019-08 early morning", True, "a band of the day .* needs the day"),
        ("about 2019-07-13 04:00", True, "an exact time is not approximate"),
        ("x", True, "'x': not a date; type e.g. 2019-07-13, 20190713, 7/13/2019, 13 July 2019"),
        ("x", False, "type e.g. 2019-07-13, 20190713, 13/7/2019"),
        ("13 Jully 2019", True, "'jully' is not part of a date"),
        ("July July 2019", True, "not a date"),
        ("2019 2020", True, "not a date"),
        ("13/7", True, "there is no month 13"),
        ("201913", True, "not a date"),
    ],
)
def test_what_cannot_be_read_is_named_in_the_message(text: str, month_first: bool, message: str) -> None:
    with pytest.raises(ValueError, match=message) as caught:
        read_date(text, month_first=month_first, today=TODAY)
    assert str(caught.value).startswith(repr(text))


def test_a_two_digit_year_is_the_nearest_to_today_and_the_reading_says_so() -> None:
    reading = interpret_date("7/13/19", today=TODAY)
    assert reading.value == day(2019, 7, 13)
    assert reading.notes == ("'19' read as 2019",)
    assert read_date("7/13/80", today=TODAY) == day(1980, 7, 13)
    assert read_date("1/2/30", today=TODAY) == day(2030, 1, 2)
    assert interpret_date("2019-07-13", today=TODAY).notes == ()
    assert expand_year(75, date(2025, 1, 1)) == 1975  # a tie goes back
    assert expand_year(5, date(2098, 1, 1)) == 2105
    assert expand_year(99, date(2001, 1, 1)) == 1999


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2019-07-13", date(2019, 7, 13)), ("7/13/2019", date(2019, 7, 13)), ("20190713", date(2019, 7, 13)), ("", None)],
)
def test_read_day_reads_one_day(text: str, expected: date | None) -> None:
    assert read_day(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("August 2019", "'August 2019' is only a month; this field needs one day"),
        ("2019", "is only a year"),
        ("late August 2019", "is a range of days"),
        ("about 2019-07-13", "is approximate"),
        ("2019-07-13 night", "has a band of the day"),
        ("2019-07-13 04:00", "this field takes the day without a time"),
        ("13/7/2019", "there is no month 13"),
    ],
)
def test_read_day_refuses_anything_but_one_day_saying_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_day(text)


def test_read_moment_takes_a_day_or_a_time() -> None:
    assert read_moment("20190713 0400") == PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4))
    assert read_moment("7/13/2019") == day(2019, 7, 13)
    assert read_moment("") == PartialDate()
    with pytest.raises(ValueError, match="is only a month"):
        read_moment("2019-07")


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (day(2019, 7, 13), "Sat 13 July 2019"),
        (PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4)), "Sat 13 July 2019, 04:00"),
        (PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0, 5)), "Sat 13 July 2019, 04:00:05"),
        (PartialDate(DatePrecision.MONTH, date(2019, 8, 1)), "August 2019 (only the month is known)"),
        (PartialDate(DatePrecision.YEAR, date(2019, 1, 1)), "2019 (only the year is known)"),
        (span(date(2019, 8, 20), date(2019, 8, 31)), "20 to 31 August 2019 (somewhere in this range)"),
        (span(date(2019, 8, 20), date(2019, 9, 3)), "20 August to 3 September 2019 (somewhere in this range)"),
        (span(date(2019, 12, 20), date(2020, 1, 3)), "20 December 2019 to 3 January 2020 (somewhere in this range)"),
        (
            PartialDate(DatePrecision.MONTH, date(2019, 8, 1), approximate=True),
            "about August 2019 (only the month is known)",
        ),
        (
            PartialDate(DatePrecision.DAY, date(2019, 7, 13), time_of_day=TimeOfDay.EARLY_MORNING),
            "Sat 13 July 2019, early morning (05:00–08:00)",
        ),
        (PartialDate(), "Date unknown"),
    ],
)
def test_spoken_says_the_date_with_its_weekday(value: PartialDate, said: str) -> None:
    assert spoken(value) == said
