"""Plan-item deadlines (overdue, due this week) and ISC reassessments due, against a fixed `today`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from desktop.domain.enums import PlanStatus, SecurityLevel
from desktop.domain.queries import IncidentFilter
from desktop.domain.records import Facility, PlanItem, add_years, latest_assessment_due_by
from desktop.persistence.models import FacilityRow, PlanItemRow
from desktop.persistence.unit_of_work import Database
from desktop.services.plans import (
    DUE_SOON_DAYS,
    Deadline,
    deadline_of,
    deadline_summary,
    reassessments_due,
)
from desktop.services.records import FacilityService, PlanItemService

TODAY = date(2024, 3, 1)  # the fixed clock of these tests


def plan(description: str, due: date | None, status: PlanStatus = PlanStatus.PROPOSED, facility: str = "") -> PlanItem:
    rationale = "accepted by the regional director" if status is PlanStatus.RISK_ACCEPTED else ""
    return PlanItem(facility, description, owner="FPS", due_date=due, status=status, risk_rationale=rationale)


@pytest.fixture
def facilities(database: Database) -> dict[str, str]:
    service = FacilityService(database)
    tacoma = service.create(Facility("Tacoma", state="WA", security_level=SecurityLevel.IV))
    miami = service.create(Facility("Miami", state="FL", security_level=SecurityLevel.II))
    return {"Tacoma": tacoma.uuid, "Miami": miami.uuid}


def test_overdue_and_due_this_week_on_the_boundaries(database: Database, facilities: dict[str, str]) -> None:
    service = PlanItemService(database)
    day = timedelta(days=1)
    for item in [
        plan("yesterday, open", TODAY - day, PlanStatus.IN_PROGRESS, facilities["Tacoma"]),
        plan("a month late, approved", TODAY - 30 * day, PlanStatus.APPROVED),
        plan("late but implemented", TODAY - 5 * day, PlanStatus.IMPLEMENTED),
        plan("late but risk accepted", TODAY - 5 * day, PlanStatus.RISK_ACCEPTED),
        plan("due today", TODAY, PlanStatus.PROPOSED, facilities["Miami"]),
        plan("due in a week", TODAY + DUE_SOON_DAYS * day),
        plan("due in eight days", TODAY + (DUE_SOON_DAYS + 1) * day),
        plan("no due date", None),
    ]:
        service.create(item)

    summary = deadline_summary(database, TODAY)

    assert (summary.overdue, summary.due_this_week) == (2, 2)
    assert summary.open_items == 6 and summary.open_without_due_date == 1
    assert [item.description for item in summary.items] == [
        "a month late, approved", "yesterday, open", "due today", "due in a week",
    ]  # fmt: skip
    assert summary.items[1].facility_name == "Tacoma" and summary.items[0].facility_name == ""
    # the same items a day later: "due today" is now overdue, "due in eight days" is due this week
    later = deadline_summary(database, TODAY + day)
    assert (later.overdue, later.due_this_week) == (3, 2)


def test_status_change_takes_an_item_off_the_overdue_count(database: Database) -> None:
    service = PlanItemService(database)
    item = service.create(plan("install bollards", TODAY - timedelta(days=3), PlanStatus.IN_PROGRESS))
    assert deadline_summary(database, TODAY).overdue == 1
    service.update(replace(item, status=PlanStatus.IMPLEMENTED))
    assert deadline_summary(database, TODAY).overdue == 0


def test_facility_filter_keeps_nationwide_items(database: Database, facilities: dict[str, str]) -> None:
    service = PlanItemService(database)
    late = TODAY - timedelta(days=2)
    service.create(plan("Tacoma cameras", late, facility=facilities["Tacoma"]))
    service.create(plan("Miami fence", late, facility=facilities["Miami"]))
    service.create(plan("nationwide plan", late))

    tacoma = deadline_summary(database, TODAY, IncidentFilter(facility_uuids=(facilities["Tacoma"],)))
    florida = deadline_summary(database, TODAY, IncidentFilter(states=("FL",)))

    assert {i.description for i in tacoma.items} == {"Tacoma cameras", "nationwide plan"}
    assert {i.description for i in florida.items} == {"Miami fence", "nationwide plan"}
    assert deadline_summary(database, TODAY).overdue == 3


def test_summary_limit_caps_items_not_counts(database: Database) -> None:
    service = PlanItemService(database)
    for number in range(5):
        service.create(plan(f"late {number}", TODAY - timedelta(days=number + 1)))
    summary = deadline_summary(database, TODAY, limit=2)
    assert summary.overdue == 5 and len(summary.items) == 2
    assert [i.description for i in summary.items] == ["late 4", "late 3"]


plan_items = st.lists(
    st.tuples(st.one_of(st.none(), st.integers(-20, 20)), st.sampled_from(list(PlanStatus))), max_size=12
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=plan_items, today_offset=st.integers(-400, 400))
def test_sql_counts_agree_with_the_record_rules(database: Database, items: list, today_offset: int) -> None:
    """deadline_summary's SQL agrees with PlanItem.is_overdue / is_due_within and deadline_of."""
    today = TODAY + timedelta(days=today_offset)
    with database.unit_of_work() as uow:
        assert uow.session is not None
        uow.session.execute(delete(PlanItemRow))
        records = [
            uow.plan_items.add(plan(f"item {n}", None if d is None else today + timedelta(days=d), status))
            for n, (d, status) in enumerate(items)
        ]
        uow.commit()

    summary = deadline_summary(database, today)

    states = [deadline_of(record, today) for record in records]
    assert summary.overdue == sum(r.is_overdue(today) for r in records) == states.count(Deadline.OVERDUE)
    assert summary.due_this_week == sum(r.is_due_within(today, DUE_SOON_DAYS) for r in records)
    assert summary.due_this_week == states.count(Deadline.DUE_THIS_WEEK)
    flagged = {r.uuid for r, state in zip(records, states, strict=True) if state is not Deadline.NONE}
    assert {i.uuid for i in summary.items} == flagged


# -- reassessments ------------------------------------------------------------------------------------


def test_reassessment_cycles_of_three_and_five_years(database: Database) -> None:
    service = FacilityService(database)
    for name, level, assessed in [
        ("FSL IV due today", SecurityLevel.IV, add_years(TODAY, -3)),
        ("FSL III due tomorrow", SecurityLevel.III, add_years(TODAY, -3) + timedelta(days=1)),
        ("FSL II four years ago", SecurityLevel.II, add_years(TODAY, -4)),
        ("FSL I six years ago", SecurityLevel.I, add_years(TODAY, -6)),
        ("FSL V never assessed", SecurityLevel.V, None),
        ("no level, never assessed", None, None),
    ]:
        service.create(Facility(name, state="TX", security_level=level, last_assessment=assessed))

    due = reassessments_due(database, TODAY)

    assert [f.name for f in due] == ["FSL V never assessed", "FSL I six years ago", "FSL IV due today"]
    assert due[1].due_on == add_years(TODAY, -1) and due[1].is_overdue(TODAY)
    assert due[2].due_on == TODAY and not due[2].is_overdue(TODAY)
    within_week = reassessments_due(database, TODAY, within_days=7)
    assert "FSL III due tomorrow" in [f.name for f in within_week]
    assert reassessments_due(database, TODAY, where=IncidentFilter(states=("WA",))) == ()


def test_reassessment_on_29_february(database: Database) -> None:
    FacilityService(database).create(
        Facility("leap", security_level=SecurityLevel.III, last_assessment=date(2016, 2, 29))
    )
    assert reassessments_due(database, date(2019, 2, 27)) == ()
    assert [f.due_on for f in reassessments_due(database, date(2019, 2, 28))] == [date(2019, 2, 28)]


@given(by=st.dates(date(1990, 1, 1), date(2090, 12, 31)), years=st.sampled_from([3, 5]))
def test_latest_assessment_due_by_is_the_exact_cutoff(by: date, years: int) -> None:
    cutoff = latest_assessment_due_by(by, years)
    assert add_years(cutoff, years) <= by < add_years(cutoff + timedelta(days=1), years)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    facilities=st.lists(
        st.tuples(st.one_of(st.none(), st.sampled_from(list(SecurityLevel))),
                  st.one_of(st.none(), st.dates(date(2012, 1, 1), date(2024, 12, 31)))),
        max_size=10,
    ),
    today=st.dates(date(2015, 1, 1), date(2026, 12, 31)),
)  # fmt: skip
def test_reassessments_agree_with_facility_rule(database: Database, facilities: list, today: date) -> None:
    with database.unit_of_work() as uow:
        assert uow.session is not None
        uow.session.execute(delete(FacilityRow))
        records = [
            uow.facilities.add(Facility(f"facility {n}", security_level=level, last_assessment=assessed))
            for n, (level, assessed) in enumerate(facilities)
        ]
        uow.commit()

    found = {f.facility_uuid for f in reassessments_due(database, today)}

    expected = {
        r.uuid
        for r in records
        if r.security_level not in (None, SecurityLevel.UNKNOWN)  # an unknown level has no cycle to be due by
        and (r.reassessment_due is None or r.reassessment_due <= today)
    }
    assert found == expected
