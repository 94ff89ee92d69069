"""Record rules: ISC reassessment cycle, plan item due dates, and field-level validation messages."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from desktop.domain.enums import CaseStatus, DamageStatus, DatePrecision, PlanStatus, SecurityLevel, WeaponType
from desktop.domain.legal_history import current_status, history_warnings
from desktop.domain.records import Facility, Incident, PlanItem, add_years
from desktop.domain.validation import (
    MAX_NAME,
    FieldError,
    ValidationError,
    facility_errors,
    incident_date_errors,
    incident_date_warnings,
    incident_errors,
    parse_count,
    plan_item_errors,
    require_valid,
    status_change_errors,
    status_history_errors,
)
from desktop.domain.values import PartialDate, StatusChange, Weapon

FACILITY = Facility(name="Northwest Detention Center", state="WA", zip_code="98421", latitude=47.2, longitude=-122.4)
INCIDENT = Incident(facility_uuid="f-1", title="Shots fired at windows", occurred=PartialDate.parse("2019-08-13"))
PLAN_ITEM = PlanItem(facility_uuid="", description="Present a detailed security plan")


def messages(errors: list[FieldError]) -> list[str]:
    return [str(error) for error in errors]


# -- ISC reassessment ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("level", "assessed", "due"),
    [
        (SecurityLevel.I, date(2019, 9, 12), date(2024, 9, 12)),
        (SecurityLevel.II, date(2019, 9, 12), date(2024, 9, 12)),
        (SecurityLevel.III, date(2019, 9, 12), date(2022, 9, 12)),
        (SecurityLevel.IV, date(2019, 9, 12), date(2022, 9, 12)),
        (SecurityLevel.V, date(2019, 9, 12), date(2022, 9, 12)),
        (SecurityLevel.IV, date(2020, 2, 29), date(2023, 2, 28)),
        (SecurityLevel.I, date(2020, 2, 29), date(2025, 2, 28)),
        (SecurityLevel.II, date(2019, 2, 28), date(2024, 2, 28)),
    ],
)
def test_reassessment_due_follows_the_isc_cycle(level: SecurityLevel, assessed: date, due: date) -> None:
    facility = replace(FACILITY, security_level=level, last_assessment=assessed)
    assert facility.reassessment_due == due


def test_reassessment_due_is_unknown_without_level_or_assessment() -> None:
    assert replace(FACILITY, security_level=SecurityLevel.III).reassessment_due is None
    assert replace(FACILITY, last_assessment=date(2019, 1, 1)).reassessment_due is None


def test_add_years_lands_on_29_february_in_a_leap_year() -> None:
    assert add_years(date(2016, 2, 29), 4) == date(2020, 2, 29)
    assert add_years(date(2016, 2, 29), 3) == date(2019, 2, 28)


# -- plan item due dates ---------------------------------------------------------------------------
def test_plan_item_overdue_and_due_soon_ignore_finished_items() -> None:
    today = date(2019, 9, 27)
    item = replace(PLAN_ITEM, due_date=date(2019, 9, 26))
    assert item.is_overdue(today)
    assert not item.is_overdue(date(2019, 9, 26))
    assert not replace(item, status=PlanStatus.IMPLEMENTED).is_overdue(today)
    assert not replace(item, status=PlanStatus.RISK_ACCEPTED, risk_rationale="budget").is_overdue(today)
    assert not replace(item, due_date=None).is_overdue(today)
    assert item.is_due_within(date(2019, 9, 12), 14)
    assert not item.is_due_within(date(2019, 9, 11), 14)
    assert not item.is_due_within(today, 14)  # already past


# -- validation ------------------------------------------------------------------------------------
def test_valid_records_have_no_errors() -> None:
    assert facility_errors(FACILITY) == []
    assert incident_errors(INCIDENT) == []
    assert plan_item_errors(PLAN_ITEM) == []
    require_valid([])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "  "}, "name: is required"),
        ({"name": "x" * (MAX_NAME + 1)}, f"name: must be at most {MAX_NAME} characters"),
        ({"notes": "a\x00b"}, "notes: must not contain NUL characters"),
        ({"city": "x" * 121}, "city: must be at most 120 characters"),
        ({"uuid": "42"}, "uuid: must be a UUID such as 6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d"),
        ({"state": "wa"}, "state: must be a two-letter state code: “wa” → WA"),
        ({"state": "Texas"}, "state: must be a two-letter state code: “Texas” → TX"),
        ({"state": "WAS"}, "state: must be a two-letter state code such as TX (“WAS” is not one)"),
        ({"state": "ZZ"}, "state: must be a two-letter state code such as TX (“ZZ” is not one)"),
        ({"zip_code": "9842"}, "zip_code: must be 5 digits or ZIP+4 (12345-6789)"),
        ({"zip_code": "98421-12"}, "zip_code: must be 5 digits or ZIP+4 (12345-6789)"),
        ({"latitude": 90.5}, "latitude: must be between -90 and 90"),
        ({"longitude": -180.01}, "longitude: must be between -180 and 180"),
    ],
)
def test_facility_errors_name_the_field(changes: dict[str, object], message: str) -> None:
    assert messages(facility_errors(replace(FACILITY, **changes))) == [message]  # type: ignore[arg-type]


def test_facility_accepts_zip_plus_four_and_no_location() -> None:
    assert facility_errors(replace(FACILITY, zip_code="98421-1234", latitude=None, longitude=None, state="")) == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"facility_uuid": ""}, "facility: is required"),
        ({"uuid": "x" * 40}, "uuid: must be a UUID such as 6f0c6a55-5f1e-4a0e-9d7c-0f3f4b0a1c2d"),
        ({"title": ""}, "title: is required"),
        ({"case_number": "x" * 65}, "case_number: must be at most 64 characters"),
        ({"victims_injured": -1}, "victims_injured: must be 0 or more"),
        ({"victims_killed": -3}, "victims_killed: must be 0 or more"),
        ({"perpetrators_killed": -1}, "perpetrators_killed: must be 0 or more"),
        ({"perpetrators_injured": -1}, "perpetrators_injured: must be 0 or more"),
        ({"suspects_count": 2_000_000_000}, "suspects_count: is implausibly large"),
        ({"damage_estimate_usd": -5}, "damage_estimate_usd: must be 0 or more"),
        ({"damage_estimate_usd": 500, "property_damage": DamageStatus.NO},
         "damage_estimate_usd: must be empty when property damage is no"),
        ({"discovered_at": datetime(2019, 8, 14, 8), "reported_at": datetime(2019, 8, 14, 7)},
         "reported_at: must not be before discovered_at"),
        ({"discovered_at": datetime(2019, 8, 12, 23)}, "discovered_at: must not be before the incident occurred"),
        ({"suspects_count": 1, "arrests_count": 2}, "arrests_count: must not exceed suspects_count"),
        ({"status": CaseStatus.ARREST_MADE, "arrests_count": 0},
         "arrests_count: must not be 0 when status is arrest made"),
        ({"occurred": PartialDate(DatePrecision.MONTH, date(2019, 8, 31))},
         "occurred: month precision must point at the 1st of the month"),
        ({"occurred": PartialDate(DatePrecision.DAY, date(2019, 8, 1), time(3, 0))},
         "occurred: a time of day needs precision exact time"),
        ({"weapons": (Weapon(WeaponType.OTHER, "y" * (MAX_NAME + 1)),)},
         f"weapons: must be at most {MAX_NAME} characters"),
        ({"description": "bad\x00"}, "description: must not contain NUL characters"),
    ],
)  # fmt: skip
def test_incident_errors_name_the_field(changes: dict[str, object], message: str) -> None:
    assert messages(incident_errors(replace(INCIDENT, **changes))) == [message]  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["TX", "DC", "PR", "GU", "VI", "AS", "MP", "WY"])
def test_state_codes_of_states_dc_and_territories_are_accepted(code: str) -> None:
    assert facility_errors(replace(FACILITY, state=code)) == []


@pytest.mark.parametrize(("typed", "count"), [("", None), (" 12 ", 12), ("0", 0)])
def test_a_typed_count_is_read_as_typed(typed: str, count: int | None) -> None:
    assert parse_count(typed) == count


@pytest.mark.parametrize("typed", ["-3", "3a", "3.0", "x", "½", "٣"])
def test_a_typed_count_that_is_not_a_whole_number_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"^must be a whole number of 0 or more$"):
        parse_count(typed)


def test_an_occurrence_after_today_is_refused_a_report_after_it_is_a_warning() -> None:
    today = date(2026, 12, 2)
    future = replace(
        INCIDENT,
        occurred=PartialDate.parse("2027-01-01"),
        discovered_at=datetime(2027, 1, 2, 8),
        reported_at=datetime(2027, 1, 2, 9),
    )
    assert messages(incident_date_errors(future, today)) == ["occurred: must not be in the future"]
    assert messages(incident_date_warnings(future, today)) == [
        "discovered_at: is in the future: check the date (it can still be saved)",
        "reported_at: is in the future: check the date (it can still be saved)",
    ]
    assert "occurred: must not be in the future" in messages(incident_errors(future, today))
    same_day = replace(INCIDENT, occurred=PartialDate.parse("2026-12"), reported_at=datetime(2026, 12, 2, 23, 59))
    assert incident_errors(same_day, today) == []


def test_unknown_counts_are_not_zero_and_are_allowed() -> None:
    incident = replace(INCIDENT, victims_killed=None, victims_injured=None, status=CaseStatus.ARREST_MADE)
    assert incident_errors(incident) == []
    assert incident_errors(replace(INCIDENT, victims_killed=0, damage_estimate_usd=0)) == []


def test_case_number_is_optional_and_blank_means_none() -> None:
    for blank in (None, "", "   "):
        assert incident_errors(replace(INCIDENT, case_number=blank)) == []
    assert incident_errors(replace(INCIDENT, case_number=" " + "x" * 64 + " ")) == []


def test_several_errors_are_reported_together() -> None:
    bad = replace(INCIDENT, title="", victims_injured=-1, arrests_count=-2)
    assert messages(incident_errors(bad)) == [
        "title: is required",
        "victims_injured: must be 0 or more",
        "arrests_count: must be 0 or more",
    ]


def test_risk_accepted_plan_item_needs_a_rationale() -> None:
    accepted = replace(PLAN_ITEM, status=PlanStatus.RISK_ACCEPTED, risk_rationale="  ")
    assert messages(plan_item_errors(accepted)) == ["risk_rationale: is required when the risk is accepted"]
    assert plan_item_errors(replace(accepted, risk_rationale="fence replaced next year")) == []


def test_plan_item_needs_a_description_but_no_facility() -> None:
    assert messages(plan_item_errors(replace(PLAN_ITEM, description=""))) == ["description: is required"]
    assert plan_item_errors(replace(PLAN_ITEM, facility_uuid="")) == []


def test_validation_error_lists_every_field_message() -> None:
    with pytest.raises(ValidationError) as caught:
        require_valid(incident_errors(replace(INCIDENT, title="", victims_injured=-1)))
    assert str(caught.value) == "title: is required; victims_injured: must be 0 or more"
    assert [e.field for e in caught.value.errors] == ["title", "victims_injured"]
    assert isinstance(caught.value, ValueError)


# -- status changes --------------------------------------------------------------------------------
TODAY = date(2019, 9, 12)
HISTORY = (
    StatusChange.on_day(CaseStatus.REPORTED, date(2019, 8, 13)),
    StatusChange.on_day(CaseStatus.UNDER_INVESTIGATION, date(2019, 8, 14)),
)


def test_a_status_change_before_the_last_one_is_a_warning_and_after_today_an_error() -> None:
    charged = StatusChange.on_day(CaseStatus.CHARGED, date(2019, 8, 1))
    assert status_change_errors(HISTORY, charged, TODAY) == []  # out of order is accepted…
    assert history_warnings((*HISTORY, charged)) == [  # …with a warning
        "the entries are not listed in date order; they are kept and shown by date",
        "reported (2019-08-13) is dated after charged (2019-08-01), which usually comes later",
    ]
    tomorrow = replace(charged, changed=PartialDate.of_day(date(2019, 9, 13)))
    assert messages(status_change_errors(HISTORY, tomorrow, TODAY)) == ["status_changed_on: must not be in the future"]
    assert messages(status_change_errors((), tomorrow, TODAY, field="on")) == ["on: must not be in the future"]
    undated = replace(charged, changed=PartialDate())
    assert messages(status_change_errors((), undated, TODAY)) == [
        "status_changed_on: needs a date (a year, a month or a range will do)"
    ]
    referred = StatusChange(CaseStatus.REFERRED_FOR_PROSECUTION, PartialDate.parse("2019-09"), agency="x" * 301)
    assert messages(status_change_errors((), referred, TODAY)) == ["status_agency: must be at most 300 characters"]


def test_a_status_change_on_the_last_changes_day_or_today_is_fine() -> None:
    assert status_change_errors(HISTORY, StatusChange.on_day(CaseStatus.CHARGED, date(2019, 8, 14)), TODAY) == []
    assert status_change_errors(HISTORY, StatusChange.on_day(CaseStatus.CHARGED, TODAY, "grand jury"), TODAY) == []
    assert status_change_errors((), StatusChange.on_day(CaseStatus.REPORTED, date(1990, 1, 1)), TODAY) == []


def test_a_status_change_note_keeps_the_text_limits() -> None:
    noisy = StatusChange.on_day(CaseStatus.CHARGED, TODAY, "x" * 20_001)
    assert messages(status_change_errors(HISTORY, noisy, TODAY)) == ["status_note: must be at most 20000 characters"]


def test_a_status_history_may_be_out_of_order_up_to_today_and_its_latest_entry_is_the_status() -> None:
    incident = replace(INCIDENT, status=CaseStatus.UNDER_INVESTIGATION, status_history=HISTORY)
    assert status_history_errors(incident, TODAY) == []
    assert incident_errors(incident, TODAY) == []
    swapped = replace(incident, status_history=(HISTORY[1], HISTORY[0]))
    assert status_history_errors(swapped, TODAY) == []  # listed out of order: the latest by date is the status
    assert current_status(swapped.status_history) is CaseStatus.UNDER_INVESTIGATION
    assert messages(status_history_errors(incident, date(2019, 8, 13))) == [
        "status_history: entry 2 (under investigation on 2019-08-14): date must not be in the future"
    ]
    closed = replace(incident, status=CaseStatus.CLOSED)
    assert messages(status_history_errors(closed, TODAY)) == [
        "status_history: the latest entry (under investigation) must be the incident's status (closed)"
    ]
    month = replace(HISTORY[1], changed=PartialDate.parse("2019-08"))
    assert current_status((HISTORY[0], month)) is CaseStatus.REPORTED  # August may be before the 13th: sorted by start


def test_incident_errors_check_the_status_history_only_with_a_day() -> None:
    future = replace(INCIDENT, status_history=(StatusChange.on_day(CaseStatus.REPORTED, date(2030, 1, 1)),))
    assert incident_errors(future) == []
    assert [e.field for e in incident_errors(future, TODAY)] == ["status_history"]
