"""PartialDate parsing, formatting and consistency rules; weapon lists."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.enums import DatePrecision, WeaponType
from desktop.domain.values import PartialDate, Weapon

days = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))
minutes = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Every consistent PartialDate: unknown, year, month, day or exact time."""
    precision = draw(st.sampled_from(DatePrecision))
    if precision is DatePrecision.UNKNOWN:
        return PartialDate()
    day = draw(days)
    if precision is DatePrecision.YEAR:
        return PartialDate(precision, day.replace(month=1, day=1))
    if precision is DatePrecision.MONTH:
        return PartialDate(precision, day.replace(day=1))
    if precision is DatePrecision.DAY:
        return PartialDate(precision, day)
    return PartialDate(precision, day, draw(minutes))


@given(partial_dates())
def test_str_then_parse_gives_the_same_partial_date(value: PartialDate) -> None:
    assert value.problems() == []
    assert PartialDate.parse(str(value)) == value


@given(partial_dates())
def test_parse_then_str_gives_the_same_text(value: PartialDate) -> None:
    text = str(value)
    assert str(PartialDate.parse(text)) == text


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


@pytest.mark.parametrize("text", ["19", "2019-7", "2019/07/13", "13.07.2019", "July 2019", "2019-07-13T4", "x"])
def test_parse_rejects_other_shapes_with_an_example_of_the_right_one(text: str) -> None:
    with pytest.raises(ValueError, match=r"is not a date like 2019, 2019-07, 2019-07-13") as caught:
        PartialDate.parse(text)
    assert repr(text.strip()) in str(caught.value)


@pytest.mark.parametrize("text", ["2019-02-29", "2019-13", "2019-00", "2019-04-31", "2019-07-13T24:00", "0000"])
def test_parse_rejects_impossible_dates_as_not_real(text: str) -> None:
    with pytest.raises(ValueError, match="is not a real date"):
        PartialDate.parse(text)


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (PartialDate(DatePrecision.UNKNOWN, date(2019, 1, 1)), "unknown date must not carry a day or time"),
        (PartialDate(DatePrecision.UNKNOWN, None, time(4, 0)), "unknown date must not carry a day or time"),
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
