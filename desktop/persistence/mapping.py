"""Conversion between ORM rows and frozen domain records."""

from __future__ import annotations

import uuid as uuid_module
from datetime import datetime
from typing import Any

from desktop.domain.enums import DatePrecision
from desktop.domain.records import Facility, Incident, PlanItem
from desktop.domain.values import PartialDate, StatusChange, Weapon
from desktop.persistence.models import FacilityRow, IncidentRow, PlanItemRow, StatusChangeRow, WeaponRow

FACILITY_FIELDS = (
    "name", "agency", "facility_type", "address", "city", "state", "zip_code",
    "latitude", "longitude", "security_level", "last_assessment", "notes",
)  # fmt: skip
INCIDENT_SCALARS = (
    "case_number", "title", "discovered_at", "reported_at", "attack_type", "completed", "severity",
    "victims_killed", "victims_injured", "perpetrators_killed", "perpetrators_injured",
    "property_damage", "damage_estimate_usd", "suspects_count", "arrests_count",
    "investigating_agencies", "status", "description", "sources", "suspect_names", "personal_details",
)  # fmt: skip
PLAN_ITEM_FIELDS = ("description", "owner", "due_date", "status", "risk_rationale", "notes")


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def facility_record(row: FacilityRow) -> Facility:
    values = {name: getattr(row, name) for name in FACILITY_FIELDS}
    return Facility(**values, uuid=row.uuid, version=row.version, created_at=row.created_at,
                    updated_at=row.updated_at)  # fmt: skip


def apply_facility(row: FacilityRow, record: Facility) -> None:
    for name in FACILITY_FIELDS:
        setattr(row, name, getattr(record, name))


def incident_record(row: IncidentRow, *, with_history: bool = False) -> Incident:
    values: dict[str, Any] = {name: getattr(row, name) for name in INCIDENT_SCALARS}
    history = tuple(
        StatusChange(c.status, c.changed_on, c.note, c.recorded_at) for c in row.status_changes
    ) if with_history else ()  # fmt: skip
    return Incident(
        **values,
        facility_uuid=row.facility.uuid,
        facility_name=row.facility.name,
        occurred=PartialDate(row.occurred_precision, row.occurred_on, row.occurred_time),
        weapons=tuple(Weapon(w.weapon_type, w.subtype) for w in row.weapons),
        status_history=history,
        uuid=row.uuid,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def case_number(record: Incident) -> str | None:
    """The case number as stored: surrounding blanks removed, a blank one is no case number (NULL)."""
    return (record.case_number or "").strip() or None


def incident_columns(record: Incident) -> dict[str, Any]:
    """The incident's own column values as stored (not its ids, stamps, facility, weapons or status history)."""
    values: dict[str, Any] = {name: getattr(record, name) for name in INCIDENT_SCALARS}
    occurred = record.occurred
    values["case_number"] = case_number(record)
    values["occurred_precision"] = occurred.precision if occurred.on else DatePrecision.UNKNOWN
    values["occurred_on"], values["occurred_time"] = occurred.on, occurred.at
    return values


def apply_incident(row: IncidentRow, record: Incident, facility: FacilityRow) -> None:
    for name, value in incident_columns(record).items():
        setattr(row, name, value)
    row.facility = facility
    current = [(w.weapon_type, w.subtype) for w in row.weapons]
    wanted = [(w.type, w.subtype) for w in record.weapons]
    if current != wanted:
        row.weapons = [WeaponRow(position=i, weapon_type=t, subtype=s) for i, (t, s) in enumerate(wanted)]


def status_change_row(change: StatusChange, recorded_at: datetime) -> StatusChangeRow:
    return StatusChangeRow(status=change.status, changed_on=change.changed_on, note=change.note,
                           recorded_at=recorded_at)  # fmt: skip


def plan_item_record(row: PlanItemRow) -> PlanItem:
    values = {name: getattr(row, name) for name in PLAN_ITEM_FIELDS}
    return PlanItem(
        **values,
        facility_uuid=row.facility.uuid if row.facility is not None else "",
        facility_name=row.facility.name if row.facility is not None else "",
        incident_uuid=row.incident.uuid if row.incident is not None else None,
        uuid=row.uuid,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def apply_plan_item(
    row: PlanItemRow, record: PlanItem, facility: FacilityRow | None, incident: IncidentRow | None
) -> None:
    for name in PLAN_ITEM_FIELDS:
        setattr(row, name, getattr(record, name))
    row.facility = facility
    row.incident = incident
