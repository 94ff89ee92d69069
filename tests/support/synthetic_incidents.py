"""Fast, seeded synthetic facilities, incidents, weapons and plan items, inserted with SQLAlchemy Core.

For tests that compare aggregate figures against raw SQL, for screenshots and for timing the
dashboard on large tables. Rows go straight into the tables (no audit entries); the SQLite FTS
triggers still index every incident.
"""

from __future__ import annotations

import random
import uuid as uuid_module
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select

from desktop.domain.enums import (
    Agency,
    AttackType,
    CaseStatus,
    DamageStatus,
    DatePrecision,
    FacilityType,
    OperatorKind,
    PlanStatus,
    SecurityLevel,
    Severity,
    WeaponType,
)
from desktop.domain.values import last_day
from desktop.persistence.models import FacilityRow, IncidentRow, PlanItemIncidentRow, PlanItemRow, WeaponRow
from desktop.persistence.unit_of_work import Database

STATES = ("WA", "TX", "FL", "CA", "AZ", "NY", "IL", "GA", "OR", "NM", "LA", "CO", "NJ", "MA", "MN")
CITIES = ("Tacoma", "San Antonio", "Miami", "Los Angeles", "Phoenix", "New York", "Chicago", "Atlanta",
          "Portland", "Albuquerque", "New Orleans", "Aurora", "Newark", "Boston", "Minneapolis")  # fmt: skip
ATTACK_WEIGHTS = {
    AttackType.VANDALISM: 30, AttackType.THREAT: 22, AttackType.PROTEST_PEACEFUL: 14,
    AttackType.PROTEST_UNLAWFUL: 9, AttackType.BREACH_OF_SECURITY: 8, AttackType.FACILITY_INFRASTRUCTURE_ATTACK: 6,
    AttackType.UNARMED_ASSAULT: 4, AttackType.ARMED_ASSAULT: 2, AttackType.BOMBING_EXPLOSION: 1,
    AttackType.OTHER: 2, AttackType.UNKNOWN: 2,
}  # fmt: skip
SEVERITY_WEIGHTS = {Severity.LOW: 45, Severity.MEDIUM: 32, Severity.HIGH: 17, Severity.CRITICAL: 6}
STATUS_WEIGHTS = {
    CaseStatus.REPORTED: 14, CaseStatus.UNDER_INVESTIGATION: 22, CaseStatus.ARREST_MADE: 8,
    CaseStatus.REFERRED_FOR_PROSECUTION: 5, CaseStatus.CHARGED: 6, CaseStatus.ADJUDICATED: 7,
    CaseStatus.CLOSED: 30, CaseStatus.UNFOUNDED: 8,
}  # fmt: skip
PRECISION_WEIGHTS = {DatePrecision.DAY: 70, DatePrecision.EXACT: 15, DatePrecision.MONTH: 9,
                     DatePrecision.YEAR: 3, DatePrecision.UNKNOWN: 3}  # fmt: skip
PLAN_WEIGHTS = {PlanStatus.PROPOSED: 25, PlanStatus.APPROVED: 20, PlanStatus.IN_PROGRESS: 25,
                PlanStatus.IMPLEMENTED: 22, PlanStatus.RISK_ACCEPTED: 8}  # fmt: skip
BATCH = 5_000


@dataclass(frozen=True)
class Generated:
    facility_uuids: tuple[str, ...]
    incidents: int
    plan_items: int


def _pick(rng: random.Random, weights: dict[object, int]) -> object:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _casualty(rng: random.Random, rate: float) -> int | None:
    roll = rng.random()
    if roll < 0.08:
        return None  # unknown is not zero
    return rng.randint(1, 3) if roll < 0.08 + rate else 0


def _occurred(rng: random.Random, first: date, days: int) -> tuple[DatePrecision, date | None, time | None]:
    precision = _pick(rng, PRECISION_WEIGHTS)
    assert isinstance(precision, DatePrecision)
    if precision is DatePrecision.UNKNOWN:
        return precision, None, None
    day = first + timedelta(days=rng.randrange(days))
    if precision is DatePrecision.MONTH:
        return precision, day.replace(day=1), None
    if precision is DatePrecision.YEAR:
        return precision, day.replace(month=1, day=1), None
    at = time(rng.randrange(24), rng.randrange(60)) if precision is DatePrecision.EXACT else None
    return precision, day, at


def add_facilities(database: Database, count: int, seed: int = 1, today: date = date(2024, 3, 1)) -> list[str]:
    """`count` facilities across STATES with security levels and last assessments up to 7 years back."""
    rng = random.Random(seed)
    now = datetime(2024, 1, 1)
    rows = []
    for number in range(count):
        level = rng.choice([*SecurityLevel, None]) if number % 7 == 6 else rng.choice(list(SecurityLevel))
        assessed = None if number % 11 == 10 else today - timedelta(days=rng.randrange(7 * 365))
        city_index = number % len(STATES)
        rows.append({
            "uuid": str(uuid_module.UUID(int=rng.getrandbits(128), version=4)), "created_at": now,
            "updated_at": now, "version": 1, "name": f"{CITIES[city_index]} facility {number + 1:03d}",
            "agency": rng.choice(list(Agency)), "facility_type": rng.choice(list(FacilityType)), "address": "",
            "city": CITIES[city_index], "state": STATES[city_index], "zip_code": "", "latitude": None,
            "longitude": None, "security_level": None if level is SecurityLevel.UNKNOWN else level,
            "fsl_unknown": level is SecurityLevel.UNKNOWN, "last_assessment": assessed, "notes": "",
            "operator": OperatorKind.UNKNOWN, "operator_name": "",
        })  # fmt: skip
    with database.engine.begin() as connection:
        connection.execute(insert(FacilityRow.__table__), rows)
    return [row["uuid"] for row in rows]


def add_incidents(
    database: Database,
    count: int,
    seed: int = 2,
    first: date = date(2015, 1, 1),
    last: date = date(2024, 12, 31),
    weapons: bool = True,
) -> int:
    """`count` incidents spread over the existing facilities between `first` and `last`."""
    rng = random.Random(seed)
    now = datetime(2024, 1, 1)
    days = (last - first).days + 1
    with database.engine.begin() as connection:
        facility_ids = list(connection.scalars(select(FacilityRow.id).order_by(FacilityRow.id)))
        start_id = (connection.scalar(select(func.max(IncidentRow.id))) or 0) + 1
        if not facility_ids:
            raise ValueError("add facilities first")
        popular = facility_ids[: max(1, len(facility_ids) // 5)]  # a few facilities see most incidents
        for batch_start in range(0, count, BATCH):
            incidents, weapon_rows = [], []
            for offset in range(batch_start, min(count, batch_start + BATCH)):
                incident_id = start_id + offset
                precision, on, at = _occurred(rng, first, days)
                damage = rng.choices(list(DamageStatus), weights=[40, 45, 15])[0]
                attack = _pick(rng, ATTACK_WEIGHTS)
                incidents.append({
                    "id": incident_id, "uuid": str(uuid_module.UUID(int=rng.getrandbits(128), version=4)),
                    "created_at": now, "updated_at": now, "version": 1, "case_number": f"SYN-{incident_id:08d}",
                    "facility_id": rng.choice(popular) if rng.random() < 0.5 else rng.choice(facility_ids),
                    "title": f"Synthetic {attack} incident {incident_id}", "occurred_precision": precision,
                    "occurred_on": on, "occurred_time": at, "discovered_at": None, "reported_at": None,
                    "occurred_end": last_day(on, precision) if on is not None else None,
                    "attack_type": attack, "completed": rng.random() < 0.85,
                    "severity": _pick(rng, SEVERITY_WEIGHTS), "victims_killed": _casualty(rng, 0.01),
                    "victims_injured": _casualty(rng, 0.06), "perpetrators_killed": _casualty(rng, 0.005),
                    "perpetrators_injured": _casualty(rng, 0.02), "property_damage": damage,
                    "damage_estimate_usd": rng.randrange(100, 250_000) if damage is DamageStatus.YES
                    and rng.random() < 0.8 else None,
                    "suspects_count": rng.choice([None, 0, 1, 1, 2]), "arrests_count": rng.choice([None, 0, 0, 1]),
                    "investigating_agencies": "FPS", "status": _pick(rng, STATUS_WEIGHTS),
                    "description": "Generated for testing.", "sources": "", "suspect_names": "",
                    "personal_details": "",
                })  # fmt: skip
                if weapons and rng.random() < 0.3:
                    weapon_rows.append({"incident_id": incident_id, "position": 0, "subtype": "",
                                        "weapon_type": rng.choice(list(WeaponType))})  # fmt: skip
            connection.execute(insert(IncidentRow.__table__), incidents)
            if weapon_rows:
                connection.execute(insert(WeaponRow.__table__), weapon_rows)
    return count


def add_plan_items(database: Database, count: int, today: date, seed: int = 3) -> int:
    """`count` plan items due between 60 days before and 60 days after `today`; some nationwide."""
    if count <= 0:
        return 0
    rng = random.Random(seed)
    now = datetime(2024, 1, 1)
    with database.engine.begin() as connection:
        facility_ids: list[int | None] = list(connection.scalars(select(FacilityRow.id)))
        incident_ids = list(connection.scalars(select(IncidentRow.id).limit(200)))
        rows, links = [], []
        first_id = (connection.scalar(select(func.max(PlanItemRow.id))) or 0) + 1
        for number in range(count):
            status = _pick(rng, PLAN_WEIGHTS)
            if incident_ids and number % 3 == 0:
                links.append({"plan_item_id": first_id + number, "incident_id": rng.choice(incident_ids),
                              "position": 0})  # fmt: skip
            rows.append({
                "id": first_id + number,
                "uuid": str(uuid_module.UUID(int=rng.getrandbits(128), version=4)), "created_at": now,
                "updated_at": now, "version": 1,
                "facility_id": None if number % 10 == 0 else rng.choice(facility_ids),
                "description": f"Countermeasure {number + 1}: "
                + rng.choice(["add bollards", "install cameras", "harden windows", "guard rotation",
                              "lighting survey", "visitor screening"]),
                "owner": rng.choice(["FPS", "Facility manager", "ICE ERO security", "GSA"]),
                "due_date": None if number % 13 == 12 else today + timedelta(days=rng.randint(-60, 60)),
                "status": status,
                "risk_rationale": "Cost exceeds the residual risk" if status is PlanStatus.RISK_ACCEPTED else "",
                "notes": "",
            })  # fmt: skip
        connection.execute(insert(PlanItemRow.__table__), rows)
        if links:
            connection.execute(insert(PlanItemIncidentRow.__table__), links)
    return count


def populate(database: Database, incidents: int, facilities: int = 40, plan_items: int = 120,
             today: date = date(2024, 3, 1), seed: int = 7) -> Generated:  # fmt: skip
    """Facilities, incidents and plan items in one call (seeded, so reproducible)."""
    uuids = add_facilities(database, facilities, seed, today)
    add_incidents(database, incidents, seed + 1)
    add_plan_items(database, plan_items, today, seed + 2)
    return Generated(tuple(uuids), incidents, plan_items)
