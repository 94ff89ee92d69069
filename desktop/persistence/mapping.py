"""Conversion between ORM rows and frozen domain records, and field-by-field change lists."""

from __future__ import annotations

from dataclasses import fields
from datetime import date, datetime, time
from enum import Enum
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
BOOKKEEPING = {"uuid", "version", "created_at", "updated_at", "facility_name", "status_history"}


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


def apply_incident(row: IncidentRow, record: Incident, facility: FacilityRow) -> None:
    for name in INCIDENT_SCALARS:
        setattr(row, name, getattr(record, name))
    row.case_number = case_number(record)
    row.facility = facility
    row.occurred_precision = record.occurred.precision if record.occurred.on else DatePrecision.UNKNOWN
    row.occurred_on = record.occurred.on
    row.occurred_time = record.occurred.at
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


def plain(value: object) -> object:
    """A JSON-safe rendering of a field value for the audit trail."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    return value


def changed_fields(old: object | None, new: object | None) -> dict[str, list[object]]:
    """{field: [old, new]} for every field that differs; either side may be None (create/delete)."""
    template = new if new is not None else old
    assert template is not None
    changes: dict[str, list[object]] = {}
    for spec in fields(template):  # type: ignore[arg-type]
        if spec.name in BOOKKEEPING:
            continue
        before = plain(getattr(old, spec.name)) if old is not None else None
        after = plain(getattr(new, spec.name)) if new is not None else None
        if before != after:
            changes[spec.name] = [before, after]
    return changes
