"""Case facts in the figures: pending referral in SQL against the Python rule, "possibly" in a period, GTD
breakdowns, and per-month counts by the start of a date; on SQLite and PostgreSQL."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from datetime import date

import pytest

from desktop.domain.enums import (
    AttackType,
    CaseStatus,
    DamageStatus,
    PerpetratorOutcome,
    PropertyExtent,
    SecurityLevel,
    TargetType,
)
from desktop.domain.legal_history import is_pending_referral
from desktop.domain.queries import IncidentFilter, Page
from desktop.domain.records import Facility, Incident
from desktop.domain.values import PartialDate, StatusChange
from desktop.persistence.unit_of_work import Database
from desktop.services.briefing import BriefingOptions, briefing_content
from desktop.services.case_facts import DamageBand, PendingReferral, possibly_in
from desktop.services.dashboard import dashboard_data, narrowed
from desktop.services.records import FacilityService, IncidentService

TODAY = date(2024, 3, 1)  # the fake clock's day
OUTCOMES = (PerpetratorOutcome.UNKNOWN, PerpetratorOutcome.ARRESTED, PerpetratorOutcome.KILLED,
            PerpetratorOutcome.FLED)  # fmt: skip
HISTORIES: tuple[tuple[CaseStatus, ...], ...] = (
    (CaseStatus.REPORTED,),
    (CaseStatus.REPORTED, CaseStatus.UNDER_INVESTIGATION),
    (CaseStatus.REPORTED, CaseStatus.ARREST_MADE),
    (CaseStatus.REPORTED, CaseStatus.ARREST_MADE, CaseStatus.REFERRED_FOR_PROSECUTION),
    (CaseStatus.REPORTED, CaseStatus.CHARGED),
    (CaseStatus.REPORTED, CaseStatus.ARREST_MADE, CaseStatus.ADJUDICATED, CaseStatus.CLOSED),
    (CaseStatus.REPORTED, CaseStatus.ARREST_MADE, CaseStatus.UNFOUNDED),
    (CaseStatus.REPORTED, CaseStatus.CLOSED),
    (CaseStatus.REPORTED, CaseStatus.UNFOUNDED),
)


def facility(database: Database, name: str = "USCIS office, Lake Worth", state: str = "FL") -> str:
    return FacilityService(database).create(Facility(name, state=state, security_level=SecurityLevel.III)).uuid


def history_of(statuses: tuple[CaseStatus, ...], first: date = date(2019, 8, 1)) -> tuple[StatusChange, ...]:
    return tuple(StatusChange.on_day(status, first.replace(day=1 + n)) for n, status in enumerate(statuses))


def legal_cases(facility_uuid: str) -> list[Incident]:
    """Every combination that matters to the rule, thinned to a reproducible sample."""
    cases = []
    combinations = itertools.product((None, 0, 2), OUTCOMES, ("", "  ", "J. Doe"), HISTORIES)
    for number, (arrests, outcome, names, statuses) in enumerate(combinations):
        if statuses[-1] is CaseStatus.ARREST_MADE and arrests == 0:
            continue  # refused by validation: arrest made with 0 arrests
        cases.append(Incident(
            facility_uuid, f"Case {number}", occurred=PartialDate.parse("2019-08"), arrests_count=arrests,
            perpetrator_outcome=outcome, suspect_names=names, status=statuses[-1],
            status_history=history_of(statuses),
        ))  # fmt: skip
    return random.Random(10).sample(cases, 90)


def test_pending_referral_in_sql_is_the_python_rule(any_database: Database) -> None:
    service = IncidentService(any_database)
    stored = [service.create(case) for case in legal_cases(facility(any_database))]
    expected = {
        incident.uuid
        for incident in stored
        if is_pending_referral(
            incident.status_history,
            incident.arrests_count,
            incident.suspect_names,
            incident.perpetrator_outcome,
            incident.status,
        )
    }
    assert 10 < len(expected) < len(stored) - 10, "the sample must hold both kinds"

    pending = IncidentFilter(pending_referral=True)
    found = {incident.uuid for incident in service.page(pending, Page(limit=500))}

    assert found == expected
    assert service.count(pending) == len(expected)
    assert dashboard_data(any_database, None, TODAY).facts.pending_referral == len(expected)
    assert narrowed(IncidentFilter(), pending_referral=True) == pending


def test_lake_worth_month_is_possibly_in_a_period_from_the_15th(any_database: Database) -> None:
    """The memo case: Lake Worth in "2019-08" (month) lies possibly after 2019-08-15; 2019-08-20/2019-08-31 surely."""
    service = IncidentService(any_database)
    lake_worth = service.create(
        Incident(facility(any_database), "Molotov cocktail at Lake Worth", occurred=PartialDate.parse("2019-08"))
    )
    period = IncidentFilter(occurred_from=date(2019, 8, 15))

    assert [i.uuid for i in service.page(period)] == [lake_worth.uuid]  # overlap: included
    assert possibly_in(lake_worth.occurred, period.occurred_from, None)
    month = dashboard_data(any_database, period, TODAY).facts.period
    assert month is not None and (month.incidents, month.possibly) == (1, 1)
    assert month.text() == "1 possibly in the period"

    ranged = service.update(replace(lake_worth, occurred=PartialDate.parse("2019-08-20/2019-08-31")))
    assert [i.uuid for i in service.page(period)] == [ranged.uuid]
    assert not possibly_in(ranged.occurred, period.occurred_from, None)
    surely = dashboard_data(any_database, period, TODAY).facts.period
    assert surely is not None and (surely.incidents, surely.possibly) == (1, 0) and surely.text() == ""


@pytest.mark.parametrize(
    ("occurred", "first", "last", "included", "possibly"),
    [
        ("2019-08", date(2019, 8, 15), None, True, True),
        ("2019-08-20/2019-08-31", date(2019, 8, 15), None, True, False),
        ("2019-08-20/2019-08-31", date(2019, 8, 15), date(2019, 8, 25), True, True),
        ("about 2019-08-25", date(2019, 8, 1), date(2019, 8, 31), True, True),  # approximate: never surely
        ("2019-08-25", date(2019, 8, 1), date(2019, 8, 31), True, False),
        ("2019", date(2019, 6, 1), date(2019, 6, 30), True, True),
        ("2019-07", date(2019, 8, 1), None, False, False),
        ("", date(2019, 8, 1), None, False, False),  # unknown: in no period
    ],
)
def test_possibly_follows_overlap_and_wholly_within(
    database: Database, occurred: str, first: date, last: date | None, included: bool, possibly: bool
) -> None:
    service = IncidentService(database)
    incident = service.create(Incident(facility(database), "Case", occurred=PartialDate.parse(occurred)))
    where = IncidentFilter(occurred_from=first, occurred_to=last)

    assert (service.count(where) == 1) is included
    assert possibly_in(incident.occurred, first, last) is possibly
    counts = dashboard_data(database, where, TODAY).facts.period
    assert counts is not None and counts.possibly == int(possibly and included)
    assert dashboard_data(database, None, TODAY).facts.period is None  # no period, nothing is "possibly"


def test_months_count_each_incident_once_by_the_start_of_its_date(any_database: Database) -> None:
    service = IncidentService(any_database)
    where_uuid = facility(any_database)
    for occurred in ("2019-08-20/2019-09-10", "2019", "about 2019-08", "2019-09-03", "2018-12~", ""):
        service.create(Incident(where_uuid, f"At {occurred or 'an unknown date'}",
                                occurred=PartialDate.parse(occurred), attack_type=AttackType.VANDALISM))  # fmt: skip

    everything = dashboard_data(any_database, None, TODAY).months
    counted = dict(zip(everything.months, everything.month_totals(), strict=True))
    assert {m: n for m, n in counted.items() if n} == {"2018-12": 1, "2019-01": 1, "2019-08": 2, "2019-09": 1}
    assert (everything.dated, everything.undated) == (5, 1)

    # from 2019-08-15: the year 2019 and "about 2019-08" start before the period; counted in its first month
    period = IncidentFilter(occurred_from=date(2019, 8, 15), occurred_to=date(2019, 9, 30))
    months = dashboard_data(any_database, period, TODAY).months
    assert months.months == ("2019-08", "2019-09") and months.month_totals() == (3, 1)
    assert months.dated == service.count(period) == 4 and months.undated == 0


def test_gtd_breakdowns_keep_unknown_apart(any_database: Database) -> None:
    service = IncidentService(any_database)
    where_uuid = facility(any_database)
    facts = [
        (TargetType.BUILDING, DamageStatus.YES, PropertyExtent.MINOR),
        (TargetType.BUILDING, DamageStatus.YES, PropertyExtent.UNKNOWN),
        (TargetType.BUILDING, DamageStatus.YES, None),
        (TargetType.PERIMETER, DamageStatus.NO, None),
        (TargetType.UNKNOWN, DamageStatus.UNKNOWN, None),
        (TargetType.PERSONNEL, DamageStatus.YES, PropertyExtent.MAJOR),
    ]
    for number, (target, damage, extent) in enumerate(facts):
        service.create(Incident(where_uuid, f"Case {number}", target_type=target, target_type_2=None,
                                property_damage=damage, property_extent=extent))  # fmt: skip

    data = dashboard_data(any_database, None, TODAY).facts

    targets = dict(data.target_types)
    assert (targets[TargetType.BUILDING], targets[TargetType.PERIMETER], targets[TargetType.PERSONNEL]) == (3, 1, 1)
    assert targets[TargetType.UNKNOWN] == 1 and sum(targets.values()) == len(facts)
    bands = dict(data.damage)
    assert bands == {
        DamageBand.CATASTROPHIC: 0, DamageBand.MAJOR: 1, DamageBand.MINOR: 1, DamageBand.EXTENT_UNKNOWN: 2,
        DamageBand.NO_DAMAGE: 1, DamageBand.DAMAGE_UNKNOWN: 1,
    }  # fmt: skip
    assert DamageBand.NO_DAMAGE.label == "No damage" != DamageBand.DAMAGE_UNKNOWN.label


def test_briefing_lists_pending_referrals_longest_waiting_first(any_database: Database) -> None:
    service = IncidentService(any_database)
    where_uuid = facility(any_database)
    other = facility(any_database, "ICE office, San Antonio", "TX")
    arrested_in_july = service.create(Incident(
        where_uuid, "Arrested in July", occurred=PartialDate.parse("2019-07-01"), arrests_count=1,
        status=CaseStatus.ARREST_MADE,
        status_history=history_of((CaseStatus.REPORTED, CaseStatus.ARREST_MADE), date(2019, 7, 1)),
    ))  # fmt: skip
    service.create(Incident(
        where_uuid, "Arrest in August, the day unknown", occurred=PartialDate.parse("2019-08"), arrests_count=1,
        status=CaseStatus.ARREST_MADE,
        status_history=(StatusChange(CaseStatus.REPORTED, PartialDate.parse("2019-08")),
                        StatusChange(CaseStatus.ARREST_MADE, PartialDate.parse("2019-08"))),
    ))  # fmt: skip
    service.create(Incident(where_uuid, "Known attacker, at large", occurred=PartialDate.parse("2019-06-02"),
                            suspect_names="A. Attacker", perpetrator_outcome=PerpetratorOutcome.FLED))  # fmt: skip
    service.create(
        Incident(
            where_uuid,
            "Referred",
            arrests_count=1,
            status=CaseStatus.REFERRED_FOR_PROSECUTION,
            status_history=history_of((CaseStatus.ARREST_MADE, CaseStatus.REFERRED_FOR_PROSECUTION)),
        )
    )
    service.create(
        Incident(other, "Elsewhere, arrested", arrests_count=1, perpetrator_outcome=PerpetratorOutcome.ARRESTED)
    )
    options = BriefingOptions(occurred_from=date(2019, 8, 1), occurred_to=date(2019, 8, 31),
                              facility_uuids=(where_uuid,), as_of=date(2019, 10, 1))  # fmt: skip

    content = briefing_content(any_database, options)

    pending = content.pending
    assert pending.total == 3  # the facility's, whatever the period: a referral is still owed
    assert [case.incident.title for case in pending.cases] == [
        "Arrested in July", "Arrest in August, the day unknown", "Known attacker, at large",
    ]  # fmt: skip
    july, august, at_large = pending.cases
    assert july.incident.uuid == arrested_in_july.uuid
    assert (july.arrest_text(), july.waiting_text(date(2019, 10, 1))) == ("arrest 2019-07-02", "91 days")
    assert (august.arrest_text(), august.waiting_text(date(2019, 10, 1))) == ("arrest 2019-08", "at least 31 days")
    assert (at_large.arrest_text(), at_large.waiting_text(date(2019, 10, 1))) == ("perpetrator known, no arrest", "–")
    assert at_large.incident.suspect_names == ""  # redacted by default
    assert PendingReferral(replace(at_large.incident, arrests_count=2), None).arrest_text() == (
        "arrest made, date not recorded"
    )
    everywhere = briefing_content(any_database, BriefingOptions(redact=False, as_of=date(2019, 10, 1)))
    assert everywhere.pending.total == 4
    assert "A. Attacker" in {case.incident.suspect_names for case in everywhere.pending.cases}
