"""PartialDate parsing, formatting and consistency rules; weapon lists."""

from __future__ import annotations

import re
from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.enums import DatePrecision, TimeOfDay, WeaponType
from desktop.domain.values import PartialDate, Weapon

days = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))
minutes = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Every consistent PartialDate: unknown, year, month, day, exact time or a range; approximate (not an exact
    time) or not; a day with or without a band of the day."""
    precision = draw(st.sampled_from(DatePrecision))
    if precision is DatePrecision.UNKNOWN:
        return PartialDate()
    day = draw(days)
    about = draw(st.booleans())
    if precision is DatePrecision.YEAR:
        return PartialDate(precision, day.replace(month=1, day=1), approximate=about)
    if precision is DatePrecision.MONTH:
        return PartialDate(precision, day.replace(day=1), approximate=about)
    if precision is DatePrecision.DAY:
        band = draw(st.none() | st.sampled_from(TimeOfDay))
        return PartialDate(precision, day, approximate=about, time_of_day=band)
    if precision is DatePrecision.RANGE:
        last = draw(days.filter(lambda other: other >= day))
        return PartialDate(precision, day, until=last, approximate=about)
    return PartialDate(precision, day, draw(minutes))


@given(partial_dates())
def test_text_then_parse_gives_the_same_partial_date(value: PartialDate) -> None:
    assert value.problems() == []
    assert PartialDate.parse(value.text()) == value
    assert PartialDate.parse(value.label().replace(" to ", "/")) == value  # the label reads back too


@given(partial_dates())
def test_the_end_is_the_last_possible_day_and_never_before_the_start(value: PartialDate) -> None:
    if value.is_known:
        assert value.on is not None and value.end is not None and value.end >= value.on
        assert value.overlaps(value.on, value.end) and value.overlaps(value.end, None)
        assert value.wholly_within(value.on, value.end) is not value.approximate


@given(partial_dates())
def test_parse_then_str_gives_the_same_text(value: PartialDate) -> None:
    text = value.text()
    assert PartialDate.parse(text).text() == text


@given(partial_dates(), partial_dates())
def test_first_day_of_the_known_period_keeps_dates_sortable(a: PartialDate, b: PartialDate) -> None:
    if a.on is not None and b.on is not None and a.on < b.on:
        assert str(a)[:4] <= str(b)[:4]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", PartialDate()),
        ("  unknown ", PartialDate()),
        ("UNKNOWN", PartialDate()),
        ("2019", PartialDate(DatePrecision.YEAR, date(2019, 1, 1))),
        ("2019-08", PartialDate(DatePrecision.MONTH, date(2019, 8, 1))),
        (" 2019-07-13 ", PartialDate(DatePrecision.DAY, date(2019, 7, 13))),
        ("2019-07-13T04:00", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0))),
        ("2019-07-13 23:59", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(23, 59))),
        ("2019-07-13T04:00:59", PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0, 59))),  # kept, not cut
        ("2020-02-29", PartialDate(DatePrecision.DAY, date(2020, 2, 29))),
    ],
)
def test_parse_accepts_each_precision(text: str, expected: PartialDate) -> None:
    assert PartialDate.parse(text) == expected


@pytest.mark.parametrize("text", ["19", "2019-7", "13.07.2019", "July 2019", "2019-07-13T4", "x"])
def test_parse_rejects_other_shapes_with_an_example_of_the_right_one(text: str) -> None:
    with pytest.raises(ValueError, match=r"is not a date like 2019, 2019-08, 2019-08-25") as caught:
        PartialDate.parse(text)
    assert repr(text.strip()) in str(caught.value)


@pytest.mark.parametrize("text", ["2019-02-29", "2019-13", "2019-00", "2019-04-31", "2019-07-13T24:00", "0000"])
def test_parse_rejects_impossible_dates_as_not_real(text: str) -> None:
    with pytest.raises(ValueError, match="is not a real date"):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (
            PartialDate(DatePrecision.UNKNOWN, date(2019, 1, 1)),
            "unknown date must not carry a day, time, range or band",
        ),
        (
            PartialDate(DatePrecision.UNKNOWN, None, time(4, 0)),
            "unknown date must not carry a day, time, range or band",
        ),
        (PartialDate(DatePrecision.DAY), "precision day needs a date"),
        (PartialDate(DatePrecision.EXACT), "precision exact time needs a date"),
        (PartialDate(DatePrecision.EXACT, date(2019, 7, 13)), "exact time needs a time of day"),
        (PartialDate(DatePrecision.DAY, date(2019, 7, 13), time(4, 0)), "a time of day needs precision exact time"),
        (PartialDate(DatePrecision.MONTH, date(2019, 8, 31)), "month precision must point at the 1st of the month"),
        (PartialDate(DatePrecision.YEAR, date(2019, 8, 1)), "year precision must point at 1 January"),
    ],
)
def test_problems_names_each_inconsistency(value: PartialDate, problem: str) -> None:
    assert value.problems() == [problem]


def test_unknown_date_prints_as_empty_text() -> None:
    assert str(PartialDate.unknown()) == ""
    assert PartialDate.unknown().problems() == []


def test_weapon_list_parses_codes_and_labels_and_prints_back() -> None:
    weapons = Weapon.parse_list("firearms: rifle; Incendiary: Molotov cocktail ;; melee")
    assert weapons == (
        Weapon(WeaponType.FIREARMS, "rifle"),
        Weapon(WeaponType.INCENDIARY, "Molotov cocktail"),
        Weapon(WeaponType.MELEE, ""),
    )
    assert Weapon.parse_list(Weapon.format_list(weapons)) == weapons
    assert Weapon.format_list(weapons) == "Firearms: rifle; Incendiary: Molotov cocktail; Melee"


def test_weapon_list_rejects_an_unknown_weapon_type_naming_it() -> None:
    with pytest.raises(ValueError, match=r"unknown value 'rocks'; choose one of: Firearms, Explosives"):
        Weapon.parse_list("firearms; rocks: thrown")


@pytest.mark.parametrize(
    ("value", "iso", "label", "described"),
    [
        (PartialDate(), "", "unknown", "Date unknown"),
        (PartialDate.parse("2019"), "2019", "2019", "2019 (only the year is known)"),
        (PartialDate.parse("2019-07"), "2019-07", "2019-07", "2019-07 (only the month is known)"),
        (PartialDate.parse("2019-07-13"), "2019-07-13", "2019-07-13", "2019-07-13 (day known, time unknown)"),
        (PartialDate.parse("2019-07-13T04:00"), "2019-07-13T04:00", "2019-07-13 04:00",
         "2019-07-13 04:00 (date and time known)"),
        (PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0, 30)), "2019-07-13T04:00:30",
         "2019-07-13 04:00:30", "2019-07-13 04:00:30 (date and time known)"),
        (PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0, 30, 250)), "2019-07-13T04:00:30.000250",
         "2019-07-13 04:00:30.000250", "2019-07-13 04:00:30.000250 (date and time known)"),
    ],
)  # fmt: skip
def test_one_rendering_for_files_and_one_for_people(value: PartialDate, iso: str, label: str, described: str) -> None:
    assert value.iso() == str(value) == iso
    assert value.iso(" ") == iso.replace("T", " ")  # as CSV files write it
    assert value.label() == label
    assert value.describe() == described


@pytest.mark.parametrize(
    ("text", "expected", "label"),
    [
        ("2019-08~", PartialDate(DatePrecision.MONTH, date(2019, 8, 1), approximate=True), "about 2019-08"),
        ("about 2019-08-25", PartialDate(DatePrecision.DAY, date(2019, 8, 25), approximate=True), "about 2019-08-25"),
        ("2019-08-20/2019-08-31", PartialDate(DatePrecision.RANGE, date(2019, 8, 20), until=date(2019, 8, 31)),
         "2019-08-20 to 2019-08-31"),
        ("2019-08/2019-09", PartialDate(DatePrecision.RANGE, date(2019, 8, 1), until=date(2019, 9, 30)),
         "2019-08-01 to 2019-09-30"),
        ("2019-08-25 early morning",
         PartialDate(DatePrecision.DAY, date(2019, 8, 25), time_of_day=TimeOfDay.EARLY_MORNING),
         "2019-08-25, early morning"),
    ],
)  # fmt: skip
def test_parse_reads_edtf_ranges_approximate_dates_and_bands(text: str, expected: PartialDate, label: str) -> None:
    parsed = PartialDate.parse(text)
    assert parsed == expected and parsed.label() == label


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2019-08-31/2019-08-01", "the range ends (2019-08-01) before it starts (2019-08-31)"),
        ("2019-08 night", "a band of the day (night, morning…) needs the day"),
        ("2019-07-13 04:00~", "an exact time is not approximate"),
        ("2019-07-13 04:00/2019-07-14", "a range is of days, months or years"),
    ],
)
def test_inconsistent_forms_are_refused_saying_why(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=re.escape(problem)):
        PartialDate.parse(text)


def test_overlap_and_wholly_within_decide_possibly() -> None:
    late_august = PartialDate.parse("2019-08-20/2019-08-31")
    august = PartialDate.parse("2019-08")
    assert late_august.wholly_within(date(2019, 8, 15), None)
    assert august.overlaps(date(2019, 8, 15), None) and not august.wholly_within(date(2019, 8, 15), None)
    assert not PartialDate.parse("2019-07").overlaps(date(2019, 8, 15), None)
    assert not PartialDate.parse("about 2019-08-25").wholly_within(date(2019, 8, 1), date(2019, 8, 31))
