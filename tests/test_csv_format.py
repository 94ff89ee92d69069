"""The CSV cell encodings: injection escaping is reversible, partial dates, weapons and histories read back."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.fact_strategies import legal_entries
from support.fact_strategies import partial_dates as fact_dates

from desktop.domain.enums import AttackType, CaseStatus, DatePrecision, SecurityLevel, WeaponType
from desktop.domain.kinds import RecordKind
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.services.csv.format import (
    DANGEROUS_FIRST,
    INCIDENT_COLUMNS,
    columns_of,
    format_history,
    format_partial_date,
    format_weapons,
    needs_apostrophe,
    neutralize,
    normalized_header,
    restore,
)
from desktop.services.csv.parse import (
    parse_bool,
    parse_datetime,
    parse_history,
    parse_int,
    parse_partial_date,
    parse_uuids,
    parse_weapons,
)

FAST = settings(max_examples=300, deadline=None)
nasty = st.text(alphabet=st.sampled_from("'=+-@\t\r\n\"|\\:;, aZé€"), max_size=12) | st.just("[redacted]")
any_text = nasty | st.text(max_size=30)


@FAST
@given(text=any_text)
def test_escaping_is_reversible_and_leaves_no_cell_starting_dangerously(text: str) -> None:
    cell = neutralize(text)
    assert restore(cell) == text
    assert cell[:1] not in DANGEROUS_FIRST
    assert cell == text or cell == "'" + text


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=SUM(A1:A3)", "'=SUM(A1:A3)"),
        ("+1 555", "'+1 555"),
        ("-122.44", "'-122.44"),
        ("@cmd", "'@cmd"),
        ("\tindented", "'\tindented"),
        ("\r\nline", "'\r\nline"),
        ("'=already quoted", "''=already quoted"),
        ("''-two", "'''-two"),
        ("'Twas the night", "'Twas the night"),  # an apostrophe before harmless text stays as it is
        ("'", "'"),
        ("[redacted]", "'[redacted]"),  # a real value that looks like the redaction mask
        ("'[redacted]", "''[redacted]"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_escaping_examples(value: str, cell: str) -> None:
    assert neutralize(value) == cell
    assert restore(cell) == value


def test_hand_made_cells_without_apostrophes_read_as_written() -> None:
    for text in ("-5", "=x", "'plain", "@home"):
        assert restore(text) == text
    assert needs_apostrophe("''=x") and not needs_apostrophe("''x")


@FAST
@given(
    weapons=st.lists(st.builds(Weapon, st.sampled_from(WeaponType), any_text), max_size=4),
    history=st.lists(legal_entries(any_text), max_size=4),
)
def test_weapons_and_histories_read_back_exactly(weapons: list[Weapon], history: list[StatusChange]) -> None:
    assert parse_weapons(format_weapons(weapons)) == tuple(weapons)
    assert parse_history(format_history(history)) == tuple(history)


def test_weapons_text_is_codes_with_escaped_subtypes() -> None:
    weapons = (
        Weapon(WeaponType.FIREARMS, "rifle"),
        Weapon(WeaponType.INCENDIARY, "a|b\\c"),
        Weapon(WeaponType.VEHICLE),
    )
    assert format_weapons(weapons) == "firearms:rifle|incendiary:a\\|b\\\\c|vehicle"
    rifle, vehicle = Weapon(WeaponType.FIREARMS, " rifle "), Weapon(WeaponType.VEHICLE)
    assert parse_weapons("Firearms: rifle | vehicle") == (rifle, vehicle)
    with pytest.raises(ValueError, match="unknown value 'spear'"):
        parse_weapons("spear")
    with pytest.raises(ValueError, match="backslash"):
        parse_weapons("firearms:bad\\escape")


partial_dates = st.one_of(
    st.just(PartialDate()),
    st.dates().map(lambda d: PartialDate(DatePrecision.YEAR, d.replace(month=1, day=1))),
    st.dates().map(lambda d: PartialDate(DatePrecision.MONTH, d.replace(day=1))),
    st.dates().map(lambda d: PartialDate(DatePrecision.DAY, d)),
    st.builds(lambda d, t: PartialDate(DatePrecision.EXACT, d, t), st.dates(), st.times()),
)


@FAST
@given(value=partial_dates | fact_dates(bands=False))
def test_partial_dates_read_back_with_their_precision(value: PartialDate) -> None:
    assert parse_partial_date(format_partial_date(value)) == value


def test_partial_date_texts() -> None:
    assert format_partial_date(PartialDate(DatePrecision.MONTH, date(2019, 8, 1))) == "2019-08"
    assert format_partial_date(PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0))) == "2019-07-13 04:00"
    assert parse_partial_date("2019-07-13T04:00") == PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0))
    assert parse_partial_date("unknown") == PartialDate()
    for bad in ("2019-13", "13/07/2019", "2019-02-30", "yesterday"):
        with pytest.raises(ValueError, match=repr(bad)):
            parse_partial_date(bad)


def test_numbers_booleans_and_times_are_strict() -> None:
    assert (parse_int(""), parse_int("0"), parse_int(" 12 ")) == (None, 0, 12)
    for bad in ("1.5", "twelve", "1e3", "0x10"):
        with pytest.raises(ValueError, match="whole number"):
            parse_int(bad)
    assert (parse_bool("Yes"), parse_bool("attempted")) == (True, False)
    with pytest.raises(ValueError, match="yes or no"):
        parse_bool("maybe")
    assert parse_datetime("2019-09-12T14:30:05.25") == datetime(2019, 9, 12, 14, 30, 5, 250000)
    with pytest.raises(ValueError, match="is not a time"):
        parse_datetime("12.09.2019 14:30")


def test_every_enumeration_has_a_code_and_a_label_column() -> None:
    keys = [c.key for c in INCIDENT_COLUMNS]
    coded = ("attack_type", "severity", "property_damage", "status", "occurred_time_of_day", "attack_type_2",
             "attack_type_3", "target_type", "target_type_2", "target_type_3", "property_extent", "hostages",
             "perpetrator_outcome")  # fmt: skip
    for key in coded:
        assert keys.index(key + "_label") == keys.index(key) + 1
    assert {c.key for c in INCIDENT_COLUMNS if c.sensitive} == {"suspect_names", "personal_details"}
    level = next(c for c in columns_of(RecordKind.FACILITY) if c.key == "security_level_label")
    assert level.enum is SecurityLevel and SecurityLevel.III.label == "III"
    assert AttackType.parse("Protest – peaceful") is AttackType.PROTEST_PEACEFUL


def test_header_names_are_compared_loosely() -> None:
    assert normalized_header(" Attack type (label) ") == "attack_type_label"
    assert normalized_header("ZIP-code") == "zip_code"


def test_columns_can_be_chosen_but_not_invented() -> None:
    assert [c.key for c in columns_of(RecordKind.PLAN_ITEM, ["status", "uuid"])] == ["uuid", "status"]
    with pytest.raises(ValueError, match="unknown plan_items column"):
        columns_of(RecordKind.PLAN_ITEM, ["uuid", "colour"])


def test_escaped_cells_survive_the_csv_module() -> None:
    values = ["=1+1", "-2", "'=3", 'a "quoted", text\r\nwith lines', "\ttab"]
    out = io.StringIO()
    csv.writer(out).writerow([neutralize(v) for v in values])
    [row] = csv.reader(io.StringIO(out.getvalue(), newline=""))
    assert [restore(cell) for cell in row] == values


def test_legal_history_cells_old_and_new() -> None:
    old = "reported@2019-07-13:911 call: shots|closed@2019-07-20:attacker dead \\| case closed"
    assert parse_history(old) == (
        StatusChange.on_day(CaseStatus.REPORTED, date(2019, 7, 13), "911 call: shots"),
        StatusChange.on_day(CaseStatus.CLOSED, date(2019, 7, 20), "attacker dead | case closed"),
    )
    charged = StatusChange(CaseStatus.CHARGED, PartialDate.parse("2019-09~"), "a: b; c|d", agency="U.S. Attorney; WA",
                           reference="2:19-cr-00123", charges="18 U.S.C. \\ 111")  # fmt: skip
    referred = StatusChange(CaseStatus.REFERRED_FOR_PROSECUTION, PartialDate.parse("2019-08-20/2019-08-31"))
    cell = format_history([referred, charged])
    assert cell == ("referred_for_prosecution@2019-08-20/2019-08-31|charged@2019-09~;agency=U.S. Attorney\\; WA"
                    ";reference=2\\:19-cr-00123;charges=18 U.S.C. \\\\ 111:a: b; c\\|d")  # fmt: skip
    assert parse_history(cell) == (referred, charged)
    shuffled = (
        "charged@2019-09~ ;charges=18 U.S.C. \\\\ 111; reference=2\\:19-cr-00123;agency=U.S. Attorney\\; WA:a: b; c\\|d"
    )
    assert parse_history(shuffled) == (charged,)  # the details in any order, names with spaces around
    assert parse_history("closed@about 2019") == (StatusChange(CaseStatus.CLOSED, PartialDate.parse("2019~")),)


def test_uuid_lists() -> None:
    first, second = "6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d", "0b9dd0d6-7726-48fe-afdb-7961488b5f16"
    assert parse_uuids(f" {first.upper()} ;{second}") == (first, second)
    assert parse_uuids("") == ()
    for bad, reason in ((f"{first};;{second}", "entry 2 is empty"), (f"{first},{second}", "is not a UUID"),
                        (f"{first};{first}", "listed twice")):  # fmt: skip
        with pytest.raises(ValueError, match=reason):
            parse_uuids(bad)
