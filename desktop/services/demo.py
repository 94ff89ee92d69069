"""Demo data: the three 2019 attacks cited by the DHS memorandum of 12 September 2019."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop.domain.enums import (
    Agency,
    AttackType,
    CaseStatus,
    DamageStatus,
    FacilityType,
    PerpetratorOutcome,
    PlanStatus,
    PropertyExtent,
    SecurityLevel,
    Severity,
    TargetType,
    WeaponType,
    YesNoUnknown,
)
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.validation import facility_errors, incident_errors, plan_item_errors, require_valid
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.persistence.unit_of_work import Database

MEMO = "DHS memorandum on the security of ICE facilities, 12 September 2019"
MEMO_DATE = date(2019, 9, 12)

TACOMA = Facility(
    name="Northwest Detention Center, Tacoma",
    agency=Agency.ICE_ERO,
    facility_type=FacilityType.DETENTION_CENTER,
    address="1623 E J St",
    city="Tacoma",
    state="WA",
    zip_code="98421",
    latitude=47.2496,
    longitude=-122.4213,
    security_level=SecurityLevel.IV,
)
SAN_ANTONIO = Facility(
    name="ICE office, San Antonio",
    agency=Agency.ICE_ERO,
    facility_type=FacilityType.FIELD_OFFICE,
    city="San Antonio",
    state="TX",
    security_level=SecurityLevel.III,
)
FLORIDA = Facility(
    name="USCIS office, Florida",
    agency=Agency.USCIS,
    facility_type=FacilityType.BENEFITS_OFFICE,
    state="FL",
    security_level=SecurityLevel.III,
)


def demo_incidents(tacoma: str, san_antonio: str, florida: str) -> list[Incident]:
    return [
        Incident(
            facility_uuid=tacoma,
            title="Armed attack with rifle and incendiary devices on the detention center",
            occurred=PartialDate.parse("2019-07-13 early morning"),
            attack_type=AttackType.ARMED_ASSAULT,
            attack_type_2=AttackType.FACILITY_INFRASTRUCTURE_ATTACK,  # the arson attempt
            target_type=TargetType.BUILDING,
            target_type_2=TargetType.VEHICLES,
            perpetrator_outcome=PerpetratorOutcome.KILLED,
            property_extent=PropertyExtent.UNKNOWN,
            hostages=YesNoUnknown.NO,
            weapons=(Weapon(WeaponType.FIREARMS, "rifle"), Weapon(WeaponType.INCENDIARY, "incendiary devices")),
            severity=Severity.CRITICAL,
            victims_killed=0,
            victims_injured=0,
            perpetrators_killed=1,
            perpetrators_injured=0,
            property_damage=DamageStatus.YES,
            suspects_count=1,
            arrests_count=0,
            investigating_agencies="Tacoma Police Department; FBI",
            status=CaseStatus.CLOSED,
            description="An armed man attacked the detention center with a rifle and incendiary devices "
            "and tried to ignite a propane tank; he was shot and killed by responding police officers.",
            sources=MEMO,
            status_history=(
                StatusChange.on_day(CaseStatus.REPORTED, date(2019, 7, 13)),
                StatusChange.on_day(CaseStatus.UNDER_INVESTIGATION, date(2019, 7, 13)),
                StatusChange.on_day(CaseStatus.CLOSED, date(2019, 9, 12), "attacker deceased"),
            ),
        ),
        Incident(
            facility_uuid=san_antonio,
            title="Shots fired overnight at the windows of the ICE office",
            occurred=PartialDate.parse("2019-08-13 night"),
            attack_type=AttackType.FACILITY_INFRASTRUCTURE_ATTACK,
            target_type=TargetType.BUILDING,
            property_extent=PropertyExtent.UNKNOWN,
            hostages=YesNoUnknown.NO,
            weapons=(Weapon(WeaponType.FIREARMS, ""),),
            severity=Severity.HIGH,
            victims_killed=0,
            victims_injured=0,
            property_damage=DamageStatus.YES,
            investigating_agencies="FBI; San Antonio Police Department",
            status=CaseStatus.UNDER_INVESTIGATION,
            description="Several shots were fired overnight into the windows of the ICE office building. "
            "The building was empty; no one was injured.",
            sources=MEMO,
            status_history=(
                StatusChange.on_day(CaseStatus.REPORTED, date(2019, 8, 13)),
                StatusChange.on_day(CaseStatus.UNDER_INVESTIGATION, date(2019, 8, 13)),
            ),
        ),
        Incident(
            facility_uuid=florida,
            title="Molotov cocktail thrown at the USCIS office; the fuse failed",
            occurred=PartialDate.parse("about 2019-08-21/2019-08-31"),  # "late August"
            attack_type=AttackType.FACILITY_INFRASTRUCTURE_ATTACK,
            target_type=TargetType.BUILDING,
            perpetrator_outcome=PerpetratorOutcome.ARRESTED,
            hostages=YesNoUnknown.NO,
            weapons=(Weapon(WeaponType.INCENDIARY, "Molotov cocktail"),),
            completed=False,
            severity=Severity.HIGH,
            victims_killed=0,
            victims_injured=0,
            property_damage=DamageStatus.NO,
            suspects_count=1,
            arrests_count=1,
            status=CaseStatus.REFERRED_FOR_PROSECUTION,
            description="A Molotov cocktail was thrown at the office in late August; its fuse failed to "
            "ignite the device. A suspect was arrested.",
            sources=MEMO,
            status_history=(
                StatusChange(CaseStatus.REPORTED, PartialDate.parse("2019-08")),
                StatusChange(CaseStatus.ARREST_MADE, PartialDate.parse("2019-08")),
                StatusChange(CaseStatus.REFERRED_FOR_PROSECUTION, PartialDate.parse("2019-09"),
                             agency="U.S. Department of Justice"),  # fmt: skip
            ),
        ),
    ]


SECURITY_PLAN = PlanItem(
    facility_uuid="",
    description="Present a detailed plan for securing all ICE facilities",
    owner="ICE, with the Federal Protective Service",
    due_date=date(2019, 9, 26),
    status=PlanStatus.PROPOSED,
    notes=f"Ordered by the {MEMO}: due two weeks after the memorandum.",
)


def load_demo(database: Database) -> int:
    """Insert the demo records in one transaction (none twice); returns the incidents added."""
    with database.unit_of_work() as uow:
        if uow.facilities.find_by_name(TACOMA.name) is not None:
            return 0
        uuids = []
        for facility in (TACOMA, SAN_ANTONIO, FLORIDA):
            require_valid(facility_errors(facility))
            uuids.append(uow.facilities.add(facility).uuid)
        incidents = demo_incidents(*uuids)
        for incident in incidents:
            require_valid(incident_errors(incident))
            uow.incidents.add(incident)
        require_valid(plan_item_errors(SECURITY_PLAN))
        uow.plan_items.add(replace(SECURITY_PLAN))
        uow.commit()
        return len(incidents)
