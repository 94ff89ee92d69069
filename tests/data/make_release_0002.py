"""Makes tests/data/release-0002.sqlite with the released code (schema 0002): run from a checkout of it.

    git worktree add /tmp/release 81d3405 && cd /tmp/release && \
        python /path/to/tests/data/make_release_0002.py /path/to/tests/data/release-0002.sqlite
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

from desktop.domain.enums import (
    Agency,
    AttackType,
    CaseStatus,
    DamageStatus,
    DatePrecision,
    FacilityType,
    PlanStatus,
    SecurityLevel,
    Severity,
    WeaponType,
)  # fmt: skip
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.services.records import RecordServices
from desktop.services.session.service import DatabaseSessions


def fixed_clock() -> datetime:
    return datetime(2026, 11, 30, 12, 0, 0)


def main(target: Path) -> None:
    target.unlink(missing_ok=True)
    database = DatabaseSessions(None, clock=fixed_clock).open(f"sqlite:///{target}", lock=False)
    services = RecordServices.of(database)
    tacoma = services.facilities.create(
        Facility(
            "Northwest Detention Center",
            Agency.ICE_ERO,
            FacilityType.DETENTION_CENTER,
            "1623 E J St",
            "Tacoma",
            "WA",
            "98421",
            47.25,
            -122.42,
            SecurityLevel.IV,
            date(2018, 5, 1),
            "contractor-run",
        )
    )
    office = services.facilities.create(
        Facility(
            "San Antonio Field Office",
            Agency.ICE_ERO,
            FacilityType.FIELD_OFFICE,
            city="San Antonio",
            state="TX",
            security_level=SecurityLevel.II,
            last_assessment=date(2017, 2, 28),
        )
    )
    unassessed = services.facilities.create(Facility("Lake Worth office", Agency.USCIS, city="Lake Worth", state="FL"))
    attack = services.incidents.create(
        Incident(
            tacoma.uuid,
            "Armed attack and arson attempt",
            PartialDate(DatePrecision.EXACT, date(2019, 7, 13), time(4, 0)),
            case_number="NWDC-2019-001",
            attack_type=AttackType.ARMED_ASSAULT,
            weapons=(Weapon(WeaponType.FIREARMS, "rifle"), Weapon(WeaponType.INCENDIARY, "flares")),
            severity=Severity.CRITICAL,
            victims_killed=0,
            perpetrators_killed=1,
            property_damage=DamageStatus.YES,
            damage_estimate_usd=None,
            status=CaseStatus.CLOSED,
            description="Attacker shot by police.",
            suspect_names="W. Van Spronsen",
            status_history=(
                StatusChange(CaseStatus.REPORTED, date(2019, 7, 13), "911 call"),
                StatusChange(CaseStatus.CLOSED, date(2019, 7, 20), "attacker dead"),
            ),
        )
    )
    shots = services.incidents.create(
        Incident(
            office.uuid,
            "Shots fired at the office",
            PartialDate(DatePrecision.DAY, date(2019, 8, 13)),
            attack_type=AttackType.FACILITY_INFRASTRUCTURE_ATTACK,
            property_damage=DamageStatus.YES,
            damage_estimate_usd=2_500_000,
            status=CaseStatus.UNDER_INVESTIGATION,
            status_history=(
                StatusChange(CaseStatus.REPORTED, date(2019, 8, 13)),
                StatusChange(CaseStatus.UNDER_INVESTIGATION, date(2019, 8, 14)),
            ),
        )
    )
    services.incidents.create(
        Incident(
            unassessed.uuid,
            "Molotov cocktail thrown",
            PartialDate(DatePrecision.MONTH, date(2019, 8, 1)),
            attack_type=AttackType.HOSTAGE_TAKING,
            property_damage=DamageStatus.YES,
            damage_estimate_usd=5_000,
            status=CaseStatus.ARREST_MADE,
            personal_details="witness: J. Doe",
            status_history=(
                StatusChange(CaseStatus.REPORTED, date(2019, 8, 31)),
                StatusChange(CaseStatus.ARREST_MADE, date(2019, 9, 12), "suspect held"),
            ),
        )
    )
    services.incidents.create(
        Incident(
            unassessed.uuid,
            "Threat letter",
            PartialDate(DatePrecision.YEAR, date(2018, 1, 1)),
            attack_type=AttackType.THREAT,
            property_damage=DamageStatus.NO,
        )
    )
    services.incidents.create(
        Incident(office.uuid, "Unknown-date vandalism", PartialDate(), attack_type=AttackType.VANDALISM)
    )
    services.incidents.update(replace(services.incidents.get(shots.uuid), description="Four shots."))
    services.plan_items.create(
        PlanItem(
            "",
            "FPS: plan to secure all ICE facilities",
            "FPS",
            date(2019, 9, 26),
            PlanStatus.IN_PROGRESS,
            incident_uuid=attack.uuid,
        )
    )
    services.plan_items.create(
        PlanItem(
            office.uuid,
            "Ballistic film on windows",
            "GSA",
            date(2019, 12, 1),
            PlanStatus.IMPLEMENTED,
            incident_uuid=shots.uuid,
        )
    )
    services.plan_items.create(PlanItem(tacoma.uuid, "Perimeter lighting", due_date=None))
    database.engine.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
